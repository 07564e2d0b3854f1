import "server-only";
import { AppError, ValidationError } from "@/lib/api/errors";
import { errorResponse } from "@/lib/api/handler";
import { PayloadTooLargeError, uploadLimit } from "@/lib/security/body";
import { decodeCsvUpload, unstorableCsvCells } from "@/lib/security/text";
import type { Problem } from "@/lib/api/problem";
import type { ImportCommitResult, ImportPreview } from "@/lib/api/contracts/training-import";
import type { SessionUser } from "@/lib/auth/roles";
import type { DetectedEncoding } from "@/lib/csv/decode";
import { CsvError, parseCsv } from "@/lib/csv/parse";
import { todayInTokyo } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { translateKey } from "@/lib/i18n/messages";
import {
  FILE_LEVEL_CSV_CODES,
  IMPORT_COLUMNS,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_LISTED_ERRORS,
  IMPORT_MAX_ROWS,
  IMPORT_SAMPLE_SIZE,
  buildImportLookups,
  countDataRows,
  createImportValidator,
  csvIssuesToImportIssues,
  sortIssues,
  type ImportIssue,
  type ImportRecord,
} from "@/lib/training/import";
import { commitTrainingImport, countStoredRecords, loadImportReferenceData } from "@/db/queries/training-import";

/**
 * The import's steps between the route and the rules: upload → bytes → text → rows → checked
 * records (lib/training/import.ts) → preview, or one all-or-nothing transaction
 * (db/queries/training-import.ts). Row problems travel as ImportRejectedError so the answer can
 * list every bad line, which the generic problem document cannot.
 */

export type Upload = { fileName: string; bytes: Uint8Array };
export type Mode = "preview" | "commit";
export type Phase = "validating" | "inserting";
export type OnProgress = (phase: Phase, done: number, total: number) => void;

/** The file cannot be read, or (on commit) some rows are wrong: 400 with every issue. */
export class ImportRejectedError extends AppError {
  constructor(
    readonly issues: ImportIssue[],
    messageKey: string,
    values: Record<string, string | number> = {},
  ) {
    super(400, "validation", messageKey, values);
  }
}


export async function readUpload(form: FormData | undefined): Promise<{ mode: Mode; upload: Upload }> {
  const mode = form?.get("mode");
  const file = form?.get("file");
  const fieldErrors = [];
  if (mode !== "preview" && mode !== "commit") fieldErrors.push({ field: "mode", code: "invalid_value", messageKey: "import.errors.badMode" });
  if (!(file instanceof Blob)) fieldErrors.push({ field: "file", code: "required", messageKey: "import.errors.fileRequired" });
  if (fieldErrors.length) throw new ValidationError(fieldErrors);
  const blob = file as Blob;
  // The route helper stopped reading at this limit plus the multipart framing; the file itself is held to the limit.
  if (blob.size > uploadLimit(IMPORT_MAX_BYTES)) throw new PayloadTooLargeError(uploadLimit(IMPORT_MAX_BYTES), "upload");
  const rawName = blob instanceof File && blob.name ? blob.name : "upload.csv";
  const fileName = rawName.split(/[\\/]/).pop()!.slice(0, 200) || "upload.csv";
  return { mode: mode as Mode, upload: { fileName, bytes: new Uint8Array(await blob.arrayBuffer()) } };
}

type Analysis = { encoding: DetectedEncoding; totalRows: number; records: ImportRecord[]; issues: ImportIssue[] };

const PROGRESS_EVERY = 5000;
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Decode, parse and check every row: two queries for the look-ups, then memory only. */
export async function analyseUpload(upload: Upload, onProgress?: OnProgress): Promise<Analysis> {
  let decoded: { text: string; encoding: DetectedEncoding };
  try {
    decoded = decodeCsvUpload(upload.bytes);
  } catch (err) {
    if (err instanceof CsvError) {
      throw new ImportRejectedError([{ line: 1, code: err.code, messageKey: `csv.errors.${err.code}`, values: err.values }], "import.errors.unreadable");
    }
    throw err;
  }

  const parsed = parseCsv(decoded.text, { columns: IMPORT_COLUMNS, maxRows: IMPORT_MAX_ROWS });
  const fatal = parsed.errors.filter((e) => FILE_LEVEL_CSV_CODES.has(e.code));
  if (fatal.length) throw new ImportRejectedError(csvIssuesToImportIssues(fatal), "import.errors.unreadable");
  // Cells Postgres cannot store (NUL): the whole file is refused, preview included, naming each cell.
  const unstorable = unstorableCsvCells(decoded.text, parsed.rows, IMPORT_MAX_LISTED_ERRORS);
  if (unstorable.length) {
    const issues = unstorable.map((c) => ({ ...c, code: "invalid_characters", messageKey: "validation.unstorableText" }));
    throw new ImportRejectedError(issues, "problems.unstorableText");
  }

  const total = parsed.rows.length;
  onProgress?.("validating", 0, total);
  const ref = await loadImportReferenceData();
  const validator = createImportValidator(buildImportLookups(ref.employees, ref.courses, todayInTokyo()));
  for (let i = 0; i < total; i++) {
    validator.check(parsed.rows[i]);
    if (onProgress && (i + 1) % PROGRESS_EVERY === 0 && i + 1 < total) {
      onProgress("validating", i + 1, total);
      await tick(); // let the progress line go out
    }
  }
  onProgress?.("validating", total, total);
  const { records, errors } = validator.result();
  return {
    encoding: decoded.encoding,
    totalRows: countDataRows(parsed.rows, parsed.errors),
    records,
    issues: sortIssues([...csvIssuesToImportIssues(parsed.errors), ...errors]),
  };
}

function translateIssues(issues: ImportIssue[], locale: Locale) {
  return issues.slice(0, IMPORT_MAX_LISTED_ERRORS).map((i) => ({
    line: i.line,
    ...(i.column ? { column: i.column } : {}),
    code: i.code,
    message: translateKey(locale, i.messageKey, i.values),
  }));
}

export async function previewImport(upload: Upload, locale: Locale): Promise<ImportPreview> {
  const a = await analyseUpload(upload);
  const stored = await countStoredRecords(a.records, IMPORT_SAMPLE_SIZE);
  const existingRows = stored.count;
  return {
    mode: "preview",
    fileName: upload.fileName,
    encoding: a.encoding,
    totalRows: a.totalRows,
    validRows: a.records.length,
    newRows: a.records.length - existingRows,
    existingRows,
    errorCount: a.issues.length,
    errors: translateIssues(a.issues, locale),
    sample: a.records.slice(0, IMPORT_SAMPLE_SIZE).map((r, i) => ({
      line: r.line,
      employeeNumber: r.employeeNumber,
      employeeName: r.employeeName,
      courseCode: r.courseCode,
      courseTitle: r.courseTitle,
      completedOn: r.completedOn,
      score: r.score,
      passed: r.passed,
      method: r.method,
      evidence: r.evidence,
      alreadyStored: stored.storedInSample.has(i),
    })),
  };
}

/** All or nothing: any row error → nothing stored; otherwise one transaction. */
export async function commitImport(upload: Upload, user: SessionUser, onProgress?: OnProgress): Promise<ImportCommitResult> {
  const a = await analyseUpload(upload, onProgress);
  if (a.issues.length > 0) {
    const rows = new Set(a.issues.map((i) => i.line)).size;
    throw new ImportRejectedError(a.issues, "import.errors.rowsInvalid", { rows, errors: a.issues.length });
  }
  if (a.records.length === 0) throw new ImportRejectedError([], "import.errors.noRows");
  const result = await commitTrainingImport(
    user,
    { fileName: upload.fileName, encoding: a.encoding, rowCount: a.totalRows },
    a.records,
    onProgress
      ? async (done, total) => {
          onProgress("inserting", done, total);
          // PGlite runs in this thread and resolves with microtasks only: give the event loop a
          // turn so the progress line actually leaves before the next batch.
          await tick();
        }
      : undefined,
  );
  return { mode: "commit", ...result, encoding: a.encoding };
}

/** problem+json of a rejected import: every issue (at most 1000) with its line, and the count. */
export function importProblem(err: ImportRejectedError, locale: Locale, instance?: string): Problem & { errorCount: number } {
  return {
    type: "/problems/validation",
    title: translateKey(locale, "problems.titles.validation"),
    status: 400,
    detail: translateKey(locale, err.messageKey, err.values),
    ...(instance ? { instance } : {}),
    errorCount: err.issues.length,
    errors: translateIssues(err.issues, locale).map((i) => ({
      field: i.column ? `rows[${i.line}].${i.column}` : `rows[${i.line}]`,
      ...i,
    })),
  };
}

export function importProblemResponse(err: ImportRejectedError, locale: Locale, instance?: string): Response {
  return new Response(JSON.stringify(importProblem(err, locale, instance)), {
    status: 400,
    headers: { "content-type": "application/problem+json; charset=utf-8", "content-language": locale },
  });
}

/** The problem document of any error, for the last line of a progress stream. */
async function problemOf(err: unknown, locale: Locale, instance: string): Promise<unknown> {
  if (err instanceof ImportRejectedError) return importProblem(err, locale, instance);
  return errorResponse(err, locale, instance).json();
}

/**
 * Commit with progress: NDJSON lines {"phase":"validating"|"inserting","done":n,"total":N}, then
 * {"phase":"done","result":…} or {"phase":"error","problem":…}. The work runs to its end (commit
 * or rollback) even if the browser goes away.
 */
export function streamCommit(upload: Upload, user: SessionUser, locale: Locale, instance: string): Response {
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
        const result = await commitImport(upload, user, (phase, done, total) => send({ phase, done, total }));
        send({ phase: "done", result });
      } catch (err) {
        send({ phase: "error", problem: await problemOf(err, locale, instance) });
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
