import "server-only";
import { AppError, ValidationError, type FieldError } from "@/lib/api/errors";
import { errorResponse } from "@/lib/api/handler";
import type { SessionUser } from "@/lib/auth/roles";
import { CsvError, type CsvColumn, type CsvRow } from "@/lib/csv/parse";
import { FILE_LEVEL_CODES, countDataRows, readTable, type FileEncoding } from "@/lib/csv/table";
import {
  IMPORT_MODES,
  MAX_LISTED_ISSUES,
  csvIssues,
  linesWithIssues,
  sortIssues,
  toLineErrors,
  type ImportIssue,
  type ImportLineError,
  type ImportMode,
} from "@/lib/csv/import";
import type { Locale } from "@/lib/i18n/config";
import { translateKey } from "@/lib/i18n/messages";
import { PayloadTooLargeError, uploadLimit } from "@/lib/security/body";

/**
 * The one import pipeline (docs/architecture.md): every importer — employees, training records,
 * contractors, and the registers to come — is an ImportModule, and its route handler is
 *
 *   export const POST = handle(op, (ctx) => runImport(module, ctx), { maxUploadBytes: module.maxBytes });
 *
 * Upload (multipart, already capped while streaming by the route helper) → the file held to the
 * module's byte limit → rows (lib/csv/table.ts: CSV in UTF-8/Shift_JIS or an .xlsx sheet, row cap,
 * header mapping) → the module's checks → `mode=preview`: what would happen, storing nothing, with
 * every line error; `mode=commit`: nothing when any line has an error (400 problem+json), otherwise
 * the module's single transaction (with its audit entries). With `Accept: application/x-ndjson` a
 * commit streams its progress. Line errors have one wire format everywhere (lib/csv/import.ts).
 */

export type ImportUpload = { mode: ImportMode; fileName: string; bytes: Uint8Array };
export type ImportFile = { fileName: string; encoding: FileEncoding; rowCount: number };
export type ImportPhase = "validating" | "inserting";
/** Progress of one phase; awaiting it lets the progress line leave before the next chunk of work. */
export type ImportProgress = (done: number, total: number) => Promise<void>;

export type ImportModule<Checked, Preview extends object, Commit> = {
  columns: CsvColumn[];
  /** Order of column keys, for sorting line errors. */
  columnOrder?: readonly string[];
  maxBytes: number;
  maxRows: number;
  maxListed?: number;
  /** The name recorded when the upload has none. */
  defaultFileName: string;
  /** The rows checked (pure rules, plus look-ups in the database; nothing written): what would be stored, and every row problem. */
  check(rows: CsvRow[], progress: ImportProgress): Promise<{ checked: Checked; good: number; issues: ImportIssue[] }>;
  /** What a commit would do, storing nothing; issues found only against the stored data may be added. */
  preview(checked: Checked, file: ImportFile, user: SessionUser): Promise<{ body: Preview; issues?: ImportIssue[] }>;
  /** All or nothing, in one transaction with its audit entries; throws ImportRejectedError (rolled back) when the stored data refuses a row. */
  commit(checked: Checked, file: ImportFile, user: SessionUser, progress: ImportProgress): Promise<Commit>;
};

/** The file cannot be read, or (on commit) some lines are wrong: 400 listing every line. */
export class ImportRejectedError extends AppError {
  constructor(
    readonly issues: ImportIssue[],
    messageKey: string,
    values: Record<string, string | number> = {},
  ) {
    super(400, "validation", messageKey, values);
  }
}

/** A commit refused for these row problems (nothing stored). */
export function rejectRows(issues: ImportIssue[], columnOrder?: readonly string[]): ImportRejectedError {
  return new ImportRejectedError(sortIssues(issues, columnOrder), "csv.problems.rejected", { rows: linesWithIssues(issues), errors: issues.length });
}

/** The envelope of an upsert import's answer (lib/csv/import.ts upsertResultSchema), without its changes and line errors. */
export function upsertSummary(mode: ImportMode, file: ImportFile, counts: { inserted: number; updated: number; unchanged: number }) {
  return { mode, committed: mode === "commit", fileName: file.fileName, encoding: file.encoding, rows: file.rowCount, ...counts };
}

/** The multipart fields every import takes: `file` and `mode` (preview when absent); the file held to the module's limit. */
export async function readImportUpload(form: FormData | undefined, opts: { maxBytes: number; defaultFileName: string }): Promise<ImportUpload> {
  const file = form?.get("file");
  const mode = form?.get("mode") ?? "preview";
  const fieldErrors: FieldError[] = [];
  if (!(file instanceof Blob)) fieldErrors.push({ field: "file", code: "required", messageKey: "csv.problems.fileRequired" });
  if (!IMPORT_MODES.includes(mode as ImportMode)) fieldErrors.push({ field: "mode", code: "invalid_value", messageKey: "validation.invalidOption" });
  if (fieldErrors.length) throw new ValidationError(fieldErrors);
  const blob = file as Blob;
  // The route helper stopped reading at this limit plus the multipart framing; the file itself is held to the limit.
  const limit = uploadLimit(opts.maxBytes);
  if (blob.size > limit) throw new PayloadTooLargeError(limit, "upload");
  const rawName = blob instanceof File && blob.name ? blob.name : opts.defaultFileName;
  const fileName = rawName.split(/[\\/]/).pop()!.slice(0, 200) || opts.defaultFileName;
  return { mode: mode as ImportMode, fileName, bytes: new Uint8Array(await blob.arrayBuffer()) };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

type Analysis<Checked> = { file: ImportFile; checked: Checked; good: number; issues: ImportIssue[] };

/** Read the upload and check every row; file-level problems are thrown at once. */
async function analyse<Checked>(
  module: ImportModule<Checked, object, unknown>,
  upload: ImportUpload,
  onProgress?: (phase: ImportPhase, done: number, total: number) => void,
): Promise<Analysis<Checked>> {
  const maxListed = module.maxListed ?? MAX_LISTED_ISSUES;
  let table: Awaited<ReturnType<typeof readTable>>;
  try {
    table = await readTable(upload.bytes, { columns: module.columns, maxRows: module.maxRows, maxBytes: uploadLimit(module.maxBytes), maxListed });
  } catch (err) {
    if (err instanceof CsvError) throw new ImportRejectedError([{ line: 1, code: err.code, messageKey: `csv.errors.${err.code}`, values: err.values }], "csv.problems.unreadable");
    throw err;
  }
  const fatal = table.errors.filter((e) => FILE_LEVEL_CODES.has(e.code));
  if (fatal.length) throw new ImportRejectedError(csvIssues(fatal), "csv.problems.unreadable");
  // Cells Postgres cannot store (NUL): the whole file is refused, preview included, naming each cell.
  if (table.unstorable.length) {
    const issues = table.unstorable.map((c) => ({ ...c, code: "invalid_characters", messageKey: "validation.unstorableText" }));
    throw new ImportRejectedError(issues, "problems.unstorableText");
  }
  const file: ImportFile = { fileName: upload.fileName, encoding: table.encoding, rowCount: countDataRows(table) };
  const total = table.rows.length;
  onProgress?.("validating", 0, total);
  const { checked, good, issues } = await module.check(table.rows, async (done, all) => {
    if (!onProgress) return;
    onProgress("validating", done, all);
    await tick();
  });
  onProgress?.("validating", total, total);
  return { file, checked, good, issues: sortIssues([...csvIssues(table.errors), ...issues], module.columnOrder) };
}

function translator(locale: Locale) {
  return (key: string, values?: Record<string, string | number>) => {
    const text = translateKey(locale, key, values);
    return text === key ? undefined : text;
  };
}

export async function previewImport<Checked, Preview extends object>(
  module: ImportModule<Checked, Preview, unknown>,
  upload: ImportUpload,
  user: SessionUser,
  locale: Locale,
): Promise<Preview & { errorCount: number; errors: ImportLineError[] }> {
  const a = await analyse(module, upload);
  const p = await module.preview(a.checked, a.file, user);
  const issues = sortIssues([...a.issues, ...(p.issues ?? [])], module.columnOrder);
  return { ...p.body, errorCount: issues.length, errors: toLineErrors(issues, translator(locale), module.maxListed) };
}

/** All or nothing: any line error → nothing stored (400); otherwise the module's one transaction. */
export async function commitImport<Checked, Commit>(
  module: ImportModule<Checked, object, Commit>,
  upload: ImportUpload,
  user: SessionUser,
  onProgress?: (phase: ImportPhase, done: number, total: number) => void,
): Promise<Commit> {
  const a = await analyse(module, upload, onProgress);
  if (a.issues.length > 0) throw rejectRows(a.issues, module.columnOrder);
  if (a.good === 0) throw new ImportRejectedError([], "csv.problems.noRows");
  return module.commit(a.checked, a.file, user, async (done, total) => {
    if (!onProgress) return;
    onProgress("inserting", done, total);
    // PGlite runs in this thread and resolves with microtasks only: give the event loop a turn so
    // the progress line actually leaves before the next batch.
    await tick();
  });
}

export type ImportProblem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errorCount: number;
  errors: ImportLineError[];
};

/** problem+json of a refused import: every line error (at most maxListed) and the count. */
export function importProblem(err: ImportRejectedError, locale: Locale, instance?: string, maxListed?: number): ImportProblem {
  return {
    type: "/problems/validation",
    title: translateKey(locale, "problems.titles.validation"),
    status: 400,
    detail: translateKey(locale, err.messageKey, err.values),
    ...(instance ? { instance } : {}),
    errorCount: err.issues.length,
    errors: toLineErrors(err.issues, translator(locale), maxListed),
  };
}

function importProblemResponse(err: ImportRejectedError, locale: Locale, instance?: string, maxListed?: number): Response {
  return new Response(JSON.stringify(importProblem(err, locale, instance, maxListed)), {
    status: 400,
    headers: { "content-type": "application/problem+json; charset=utf-8", "content-language": locale },
  });
}

/**
 * Commit with progress: NDJSON lines {"phase":"validating"|"inserting","done":n,"total":N}, then
 * {"phase":"done","result":…} or {"phase":"error","problem":…}. The work runs to its end (commit
 * or rollback) even if the browser goes away.
 */
function streamCommit<Checked, Commit>(
  module: ImportModule<Checked, object, Commit>,
  upload: ImportUpload,
  user: SessionUser,
  locale: Locale,
  instance: string,
): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (line: unknown) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          open = false; // the client went away; the transaction still finishes
        }
      };
      try {
        const result = await commitImport(module, upload, user, (phase, done, total) => send({ phase, done, total }));
        send({ phase: "done", result });
      } catch (err) {
        const problem = err instanceof ImportRejectedError ? importProblem(err, locale, instance, module.maxListed) : await errorResponse(err, locale, instance).json();
        send({ phase: "error", problem });
      }
      try {
        controller.close();
      } catch {
        /* already closed */
      }
    },
  });
  return new Response(stream, {
    status: 200,
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      // no-transform: `next start` gzips responses otherwise, and zlib would hold the small
      // progress lines back until the end; x-accel-buffering: the same for an nginx in front.
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
      "content-language": locale,
    },
  });
}

/** The whole route: read the upload, then preview, commit, or commit with streamed progress. */
export async function runImport<Checked, Preview extends object, Commit>(
  module: ImportModule<Checked, Preview, Commit>,
  ctx: { form?: FormData; user: SessionUser; locale: Locale; req: Request },
): Promise<Response | (Preview & { errorCount: number; errors: ImportLineError[] }) | Commit> {
  const upload = await readImportUpload(ctx.form, module);
  const instance = new URL(ctx.req.url).pathname;
  try {
    if (upload.mode === "preview") return await previewImport(module, upload, ctx.user, ctx.locale);
    if ((ctx.req.headers.get("accept") ?? "").includes("application/x-ndjson")) return streamCommit(module, upload, ctx.user, ctx.locale, instance);
    return await commitImport(module, upload, ctx.user);
  } catch (err) {
    if (err instanceof ImportRejectedError) return importProblemResponse(err, ctx.locale, instance, module.maxListed);
    throw err;
  }
}
