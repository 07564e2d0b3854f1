/**
 * The rows of the import benchmark, generated from employees and courses that exist: the same rows
 * as a CSV file for the app's import (Japanese headers and method words, as a user's file) and as
 * COPY text with the resolved ids (as a DBA would load them).
 */
export type RefEmployee = { id: number; employeeNumber: string };
export type RefCourse = { id: number; code: string; passMark: number | null };
export type BenchRow = { employee: RefEmployee; course: RefCourse; completedOn: string; score: number | null; method: "e_learning" | "classroom" | "video"; evidence: string };

const METHODS = ["e_learning", "classroom", "video"] as const;
const METHOD_JA: Record<BenchRow["method"], string> = { e_learning: "eラーニング", classroom: "集合研修", video: "動画" };

export const CSV_HEADER = "社員番号,コースコード,受講日,点数,受講方法,証跡";

/** yyyy-mm-dd of `start` plus `days` (UTC calendar arithmetic). */
export function addDays(start: string, days: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * `n` distinct (employee, course, day) rows: every employee × course pair on one day, then the next
 * day, from `startDate` on. A start date years before the seeded records makes every row new.
 */
export function* generateRows(employees: readonly RefEmployee[], courses: readonly RefCourse[], n: number, startDate: string): Generator<BenchRow> {
  if (employees.length === 0 || courses.length === 0) throw new Error("no employees or courses to import records for");
  const perDay = employees.length * courses.length;
  for (let i = 0; i < n; i++) {
    const employee = employees[i % employees.length];
    const course = courses[Math.floor(i / employees.length) % courses.length];
    const completedOn = addDays(startDate, Math.floor(i / perDay));
    // Scores 60–100 where the course has a pass mark (most pass, some fail); none otherwise.
    const score = course.passMark === null ? null : 60 + ((i * 7) % 41);
    yield { employee, course, completedOn, score, method: METHODS[i % 3], evidence: `LMS-${String(i + 1).padStart(6, "0")}` };
  }
}

/** The import file: UTF-8, Japanese headers, yyyy/MM/dd dates as Japanese spreadsheets write them. */
export function toCsv(rows: readonly BenchRow[]): string {
  const lines = [CSV_HEADER];
  for (const r of rows) {
    lines.push([r.employee.employeeNumber, r.course.code, r.completedOn.replaceAll("-", "/"), r.score ?? "", METHOD_JA[r.method], r.evidence].map(csvCell).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function isPassing(score: number | null, passMark: number | null): boolean {
  if (passMark === null) return true;
  return score !== null && score >= passMark;
}

export const COPY_COLUMNS = "employee_id, course_id, completed_on, score, passed, method, evidence, source, import_id, recorded_by";

/** COPY text format (tab-separated, \N for null) of the same rows, for COPY_COLUMNS. */
export function toCopyText(rows: readonly BenchRow[], importId: number, recordedBy: number): string {
  const out: string[] = [];
  for (const r of rows) {
    out.push(
      [r.employee.id, r.course.id, r.completedOn, r.score ?? "\\N", isPassing(r.score, r.course.passMark) ? "t" : "f", r.method, r.evidence, "import", importId, recordedBy].join("\t"),
    );
  }
  return out.join("\n") + "\n";
}
