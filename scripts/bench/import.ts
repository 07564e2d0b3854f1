/**
 * Step 5: a 100,000-row training CSV through the app's import API (preview, then commit with streamed
 * progress) against COPY of the same rows into training_records.
 *
 * Where: a scratch database pms_bench_import, a fresh copy of the 1× database (CREATE DATABASE …
 * TEMPLATE) made before any server connects to it, dropped at the end. So the bench databases are
 * never changed and every run imports into the same starting data. The rows are dated from
 * 2001-04-01 on, years before the seeded records, so all of them are new.
 * COPY runs first, inside a transaction that is rolled back (same table, indexes, constraints and a
 * training_imports row as the import writes), then the import commits for real.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { connect } from "./pg";
import { COPY_COLUMNS, generateRows, toCopyText, toCsv, type BenchRow, type RefCourse, type RefEmployee } from "./csv";
import { nowMs, ratio, round } from "./stats";

export const IMPORT_START_DATE = "2001-04-01";

export type ImportResult = {
  rows: number;
  csvBytes: number;
  database: string;
  copyMs: number;
  preview: { ms: number; status: number; validRows?: number; newRows?: number; errorCount?: number };
  commit: { ms: number; status: number; progressLines: number; inserted?: number; skipped?: number; error?: string };
  ratioCommitToCopy: number | null;
  ratioPreviewPlusCommitToCopy: number | null;
};

export async function loadRefs(url: string): Promise<{ employees: RefEmployee[]; courses: RefCourse[]; hrUserId: number }> {
  const sql = connect(url);
  try {
    const employees = (await sql`select id, employee_number from employees where retired_at is null order by id`).map((r) => ({
      id: Number(r.id),
      employeeNumber: String(r.employee_number),
    }));
    const courses = (await sql`select id, code, pass_mark from courses where retired_at is null order by id`).map((r) => ({
      id: Number(r.id),
      code: String(r.code),
      passMark: r.pass_mark === null ? null : Number(r.pass_mark),
    }));
    const [hr] = await sql`select id from users where email = 'hr@example.com'`;
    if (!hr) throw new Error("hr@example.com is missing from the import database");
    return { employees, courses, hrUserId: Number(hr.id) };
  } finally {
    await sql.end({ timeout: 2 });
  }
}

/** COPY of the rows in one transaction (with its training_imports row), rolled back: milliseconds. */
export async function timeCopy(url: string, rows: readonly BenchRow[], recordedBy: number): Promise<number> {
  const sql = connect(url);
  let ms = Number.NaN;
  class Rollback extends Error {}
  try {
    await sql.begin(async (tx) => {
      // Timed: the training_imports row and the COPY; not timed: formatting the text in JS.
      let t0 = nowMs();
      const [imp] = await tx`insert into training_imports (file_name, encoding, row_count, inserted_count, skipped_count, imported_by)
        values ('bench-copy.csv', 'utf-8', ${rows.length}, ${rows.length}, 0, ${recordedBy}) returning id`;
      const insertMs = nowMs() - t0;
      const text = toCopyText(rows, Number(imp.id), recordedBy);
      t0 = nowMs();
      const writable = await tx.unsafe(`copy training_records (${COPY_COLUMNS}) from stdin`).writable();
      await pipeline(Readable.from([text]), writable);
      ms = insertMs + (nowMs() - t0);
      throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  } finally {
    await sql.end({ timeout: 2 });
  }
  return ms;
}

async function postImport(baseUrl: string, cookie: string, csv: string, mode: "preview" | "commit", ndjson: boolean) {
  const form = new FormData();
  form.set("mode", mode);
  form.set("file", new Blob([csv], { type: "text/csv" }), "bench-100k.csv");
  return fetch(`${baseUrl}/api/v1/training-records/import`, {
    method: "POST",
    // A write must say it comes from the app itself (the API refuses other origins with 403).
    headers: { cookie, origin: new URL(baseUrl).origin, accept: ndjson ? "application/x-ndjson" : "application/json" },
    body: form,
  });
}

export async function runImportBenchmark(opts: {
  url: string;
  database: string;
  baseUrl: string;
  cookie: string;
  rows: number;
  log: (s: string) => void;
}): Promise<ImportResult> {
  const refs = await loadRefs(opts.url);
  const rows = [...generateRows(refs.employees, refs.courses, opts.rows, IMPORT_START_DATE)];
  const csv = toCsv(rows);
  opts.log(`import: ${rows.length} rows (${refs.employees.length} employees × ${refs.courses.length} courses, from ${IMPORT_START_DATE}), ${round(Buffer.byteLength(csv) / 1e6)} MB CSV`);

  const copyMs = await timeCopy(opts.url, rows, refs.hrUserId);
  opts.log(`import: COPY (rolled back) ${Math.round(copyMs)} ms`);

  let t0 = nowMs();
  const pRes = await postImport(opts.baseUrl, opts.cookie, csv, "preview", false);
  const pBody = (await pRes.json().catch(() => ({}))) as { validRows?: number; newRows?: number; errorCount?: number; errors?: unknown[] };
  const preview = { ms: round(nowMs() - t0), status: pRes.status, validRows: pBody.validRows, newRows: pBody.newRows, errorCount: pBody.errorCount };
  opts.log(`import: preview ${pRes.status} in ${Math.round(preview.ms)} ms (valid ${preview.validRows}, new ${preview.newRows}, errors ${preview.errorCount})`);
  if (pRes.ok && pBody.errorCount) opts.log(`import: first row errors: ${JSON.stringify(pBody.errors?.slice(0, 3))}`);

  t0 = nowMs();
  const cRes = await postImport(opts.baseUrl, opts.cookie, csv, "commit", true);
  let progressLines = 0;
  let last: { phase?: string; result?: { inserted: number; skipped: number }; problem?: unknown } = {};
  const text = await cRes.text();
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    progressLines++;
    try {
      last = JSON.parse(line);
    } catch {
      last = { phase: "unparsable", problem: line.slice(0, 200) };
    }
  }
  const commitMs = round(nowMs() - t0);
  const commit = {
    ms: commitMs,
    status: cRes.status,
    progressLines,
    inserted: last.result?.inserted,
    skipped: last.result?.skipped,
    error: last.phase === "done" ? undefined : JSON.stringify(last.problem ?? last).slice(0, 300),
  };
  opts.log(`import: commit ${cRes.status} in ${Math.round(commitMs)} ms (${progressLines} NDJSON lines, inserted ${commit.inserted}, skipped ${commit.skipped})${commit.error ? ` ERROR ${commit.error}` : ""}`);

  const ok = commit.error === undefined && cRes.ok;
  return {
    rows: rows.length,
    csvBytes: Buffer.byteLength(csv),
    database: opts.database,
    copyMs: round(copyMs),
    preview,
    commit,
    ratioCommitToCopy: ok ? ratio(commitMs, copyMs) : null,
    ratioPreviewPlusCommitToCopy: ok && pRes.ok ? ratio(preview.ms + commitMs, copyMs) : null,
  };
}
