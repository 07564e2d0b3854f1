import type { ImportIssue } from "@/lib/csv/import";
import type { CsvColumn, CsvRow } from "@/lib/csv/parse";
import { isPassing } from "./status";

/**
 * CSV import of training records (docs/domain.md §1): parsed rows (lib/csv/parse.ts) checked against the
 * employees and courses in the database → records ready to insert, or row errors with the line
 * number a spreadsheet shows. Pure: the lookups are built by the caller from two queries, so
 * 100,000 rows cost two queries and Map look-ups, never a query per row.
 */

export const IMPORT_COLUMN_KEYS = ["employeeNumber", "courseCode", "completedOn", "score", "method", "evidence"] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMN_KEYS)[number];

/** Accepted headers, Japanese first (the template uses the first one). */
export const IMPORT_COLUMNS: (CsvColumn & { key: ImportColumnKey })[] = [
  { key: "employeeNumber", headers: ["社員番号", "従業員番号", "employee_number", "employee number", "employee_no"], required: true },
  { key: "courseCode", headers: ["コースコード", "コース", "course_code", "course code", "course"], required: true },
  { key: "completedOn", headers: ["受講日", "受講年月日", "completed_on", "completed on", "date"], required: true },
  { key: "score", headers: ["点数", "得点", "score"] },
  { key: "method", headers: ["受講方法", "method"] },
  { key: "evidence", headers: ["証跡", "evidence"] },
];

export const TEMPLATE_HEADERS: string[] = IMPORT_COLUMNS.map((c) => c.headers[0]);

/** Upload limits: the file is read into memory once; 100,000 rows of a typical export are ~5 MB. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 200_000;
/** Row errors listed in one answer; the total is always given. */
export const IMPORT_MAX_LISTED_ERRORS = 1000;
export const IMPORT_SAMPLE_SIZE = 20;
export const EVIDENCE_MAX_LENGTH = 500;

export type ImportMethod = "e_learning" | "classroom" | "video";
export const DEFAULT_METHOD: ImportMethod = "e_learning";

/** What one row means, keyed by the method words people write (normalised: NFKC, lower case, no spaces/-/_/・). */
const METHOD_WORDS: Record<string, ImportMethod> = {
  elearning: "e_learning",
  eラーニング: "e_learning",
  イーラーニング: "e_learning",
  web研修: "e_learning",
  classroom: "classroom",
  集合研修: "classroom",
  集合: "classroom",
  対面研修: "classroom",
  対面: "classroom",
  video: "video",
  動画: "video",
  動画視聴: "video",
  ビデオ: "video",
  ビデオ視聴: "video",
};

export type ImportEmployee = { id: number; employeeNumber: string; name: string; retiredAt: Date | null };
export type ImportCourse = { id: number; code: string; title: string; passMark: number | null; retiredAt: Date | null };

export type ImportLookups = {
  employees: Map<string, ImportEmployee>;
  courses: Map<string, ImportCourse>;
  /** Tokyo date of the import: completions after it are refused. */
  today: string;
};

/** A row that passed every check: what will be stored. */
export type ImportRecord = {
  line: number;
  employeeId: number;
  employeeNumber: string;
  employeeName: string;
  courseId: number;
  courseCode: string;
  courseTitle: string;
  completedOn: string;
  score: number | null;
  passed: boolean;
  method: ImportMethod;
  evidence: string | null;
};

export type { ImportIssue };

/** Trimmed, NFKC (full-width letters and digits → ASCII). */
export function normalizeCell(s: string | undefined): string {
  if (!s) return "";
  // Printable ASCII is already NFKC: skip the (comparatively slow) normalisation for 100,000-row files.
  return PRINTABLE_ASCII.test(s) ? s.trim() : s.normalize("NFKC").trim();
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Look-up maps from the rows two queries return. Keys are exact after NFKC; a case-insensitive match is used only when unambiguous. */
export function buildImportLookups(employees: ImportEmployee[], courses: ImportCourse[], today: string): ImportLookups {
  return {
    employees: withCaseFallback(employees, (e) => e.employeeNumber),
    courses: withCaseFallback(courses, (c) => c.code),
    today,
  };
}

function withCaseFallback<T>(items: T[], key: (t: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(normalizeCell(key(item)), item);
  const folded = new Map<string, T | null>();
  for (const item of items) {
    const k = `\u0000${normalizeCell(key(item)).toUpperCase()}`;
    folded.set(k, folded.has(k) ? null : item);
  }
  for (const [k, item] of folded) if (item) map.set(k, item);
  return map;
}

function lookup<T>(map: Map<string, T>, raw: string): T | undefined {
  return map.get(raw) ?? map.get(`\u0000${raw.toUpperCase()}`);
}

/**
 * A completion date as spreadsheets and LMS exports write it → "YYYY-MM-DD", or null.
 * 2026-06-01, 2026/06/01, 2026/6/1, 2026.6.1, 2026年6月1日, 20260601, with or without a time
 * after it ("2026/6/1 0:00", what Excel writes for a date cell). Full-width digits are fine.
 * Day-first or month-first forms (6/1/2026) are refused: they are ambiguous.
 */
export function parseImportDate(raw: string): string | null {
  const s = normalizeCell(raw);
  const m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(s) ??
    /^(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日$/.exec(s) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  if (y < 1900 || y > 2999) return null;
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** 0–100 as an integer ("85", "８５", "85.0"); undefined when blank; NaN when not a number in range. */
export function parseScore(raw: string): number | undefined {
  const s = normalizeCell(raw);
  if (s === "") return undefined;
  if (!/^\d{1,3}(?:\.0+)?$/.test(s)) return Number.NaN;
  const n = Number(s);
  return n >= 0 && n <= 100 ? n : Number.NaN;
}

/** The method a cell names; blank → the default (e-learning); undefined when unknown. */
export function parseMethod(raw: string): ImportMethod | undefined {
  const s = normalizeCell(raw).toLowerCase().replace(/[\s_\-・]/g, "");
  if (s === "") return DEFAULT_METHOD;
  return METHOD_WORDS[s];
}

export function recordKey(employeeId: number, courseId: number, completedOn: string): string {
  return `${employeeId}|${courseId}|${completedOn}`;
}

function issue(line: number, column: ImportColumnKey | undefined, code: string, values?: Record<string, string | number>): ImportIssue {
  return { line, ...(column ? { column } : {}), code, messageKey: `import.errors.${code}`, ...(values ? { values } : {}) };
}

/**
 * Checks rows one by one, remembering what it has seen so that the second of two identical rows
 * (same employee, course and date) is reported, with the line of the first. Used through
 * validateImportRows, or row by row by a caller that reports progress between chunks.
 */
export function createImportValidator(lookups: ImportLookups) {
  const records: ImportRecord[] = [];
  const errors: ImportIssue[] = [];
  const seen = new Map<string, number>();
  // Files repeat the same few dates and method words: parse each spelling once.
  const dates = new Map<string, string | null>();
  const methods = new Map<string, ImportMethod | undefined>();
  const dateOf = (raw: string) => {
    let v = dates.get(raw);
    if (v === undefined && !dates.has(raw)) dates.set(raw, (v = parseImportDate(raw)));
    return v ?? null;
  };
  const methodOf = (raw: string) => {
    if (methods.has(raw)) return methods.get(raw);
    const v = parseMethod(raw);
    methods.set(raw, v);
    return v;
  };

  function check(row: CsvRow): void {
    const v = row.values;
    const line = row.line;
    const rowErrors: ImportIssue[] = [];

    const number = normalizeCell(v.employeeNumber);
    let employee: ImportEmployee | undefined;
    if (number === "") rowErrors.push(issue(line, "employeeNumber", "employeeRequired"));
    else {
      employee = lookup(lookups.employees, number);
      if (!employee) rowErrors.push(issue(line, "employeeNumber", "unknownEmployee", { value: number }));
      else if (employee.retiredAt) {
        rowErrors.push(issue(line, "employeeNumber", "retiredEmployee", { value: number, name: employee.name }));
        employee = undefined;
      }
    }

    const code = normalizeCell(v.courseCode);
    let course: ImportCourse | undefined;
    if (code === "") rowErrors.push(issue(line, "courseCode", "courseRequired"));
    else {
      course = lookup(lookups.courses, code);
      if (!course) rowErrors.push(issue(line, "courseCode", "unknownCourse", { value: code }));
      else if (course.retiredAt) {
        rowErrors.push(issue(line, "courseCode", "retiredCourse", { value: code, title: course.title }));
        course = undefined;
      }
    }

    const rawDate = normalizeCell(v.completedOn);
    let completedOn: string | null = null;
    if (rawDate === "") rowErrors.push(issue(line, "completedOn", "dateRequired"));
    else {
      completedOn = dateOf(rawDate);
      if (!completedOn) rowErrors.push(issue(line, "completedOn", "badDate", { value: rawDate }));
      else if (completedOn > lookups.today) {
        rowErrors.push(issue(line, "completedOn", "futureDate", { value: rawDate }));
        completedOn = null;
      }
    }

    const rawScore = v.score ?? "";
    const score = parseScore(rawScore);
    if (score !== undefined && Number.isNaN(score)) {
      rowErrors.push(issue(line, "score", "badScore", { value: normalizeCell(rawScore) }));
    } else if (score === undefined && course && course.passMark !== null) {
      rowErrors.push(issue(line, "score", "scoreRequired", { course: course.code, passMark: course.passMark }));
    }

    const rawMethod = v.method ?? "";
    const method = methodOf(rawMethod);
    if (!method) rowErrors.push(issue(line, "method", "badMethod", { value: normalizeCell(rawMethod) }));

    // Evidence is kept as written (only trimmed): NFKC would turn ① into 1.
    const evidence = (v.evidence ?? "").trim();
    if (evidence.length > EVIDENCE_MAX_LENGTH) rowErrors.push(issue(line, "evidence", "evidenceTooLong", { max: EVIDENCE_MAX_LENGTH }));

    if (employee && course && completedOn) {
      const key = recordKey(employee.id, course.id, completedOn);
      const first = seen.get(key);
      if (first !== undefined) rowErrors.push(issue(line, undefined, "duplicateRow", { firstLine: first }));
      else seen.set(key, line);
    }

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      return;
    }
    const s = score === undefined ? null : score;
    records.push({
      line,
      employeeId: employee!.id,
      employeeNumber: employee!.employeeNumber,
      employeeName: employee!.name,
      courseId: course!.id,
      courseCode: course!.code,
      courseTitle: course!.title,
      completedOn: completedOn!,
      score: s,
      passed: isPassing(s, course!.passMark),
      method: method!,
      evidence: evidence === "" ? null : evidence,
    });
  }

  return { check, result: () => ({ records, errors }) };
}

/** Every row checked: good records, and every problem with its line (in line order). */
export function validateImportRows(rows: CsvRow[], lookups: ImportLookups): { records: ImportRecord[]; errors: ImportIssue[] } {
  const v = createImportValidator(lookups);
  for (const row of rows) v.check(row);
  return v.result();
}
