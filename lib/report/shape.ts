import { FINDING_GRADES } from "@/lib/audits/rules";
import { INCIDENT_CATEGORIES, INCIDENT_SEVERITIES } from "@/lib/incidents/schema";

/**
 * Pure shaping for the management-review report マネジメントレビュー資料: section numbering, capped
 * lists, and the figures the modules' stats do not already give in the report's form. No database,
 * no dates of its own (the caller passes `today`).
 */

// ---------------------------------------------------------------------------------------------
// Sections and their numbers (the table of contents and the headings use the same numbers)

export const REPORT_SECTIONS = {
  summary: ["training", "regulations", "incidents", "contractors", "audits", "pmark", "structure"],
  charts: ["trainingByDepartment", "incidentsByMonth", "findingsByGrade"],
  openItems: ["training", "regulations", "incidents", "contractors", "findings", "reviewActions"],
  notes: [],
} as const;

export type ReportSectionKey = keyof typeof REPORT_SECTIONS;
export type NumberedSection = { key: ReportSectionKey; number: string; children: { key: string; number: string }[] };

/** "1", "1.1" …, in the order of REPORT_SECTIONS. */
export function numberSections(): NumberedSection[] {
  return (Object.keys(REPORT_SECTIONS) as ReportSectionKey[]).map((key, i) => ({
    key,
    number: String(i + 1),
    children: REPORT_SECTIONS[key].map((child, j) => ({ key: child, number: `${i + 1}.${j + 1}` })),
  }));
}

/** The heading number of a section or sub-section ("3.2"); throws on a key that is not in the report. */
export function sectionNumber(section: ReportSectionKey, child?: string): string {
  const s = numberSections().find((x) => x.key === section)!;
  if (child === undefined) return s.number;
  const c = s.children.find((x) => x.key === child);
  if (!c) throw new Error(`report: no sub-section ${section}.${child}`);
  return c.number;
}

// ---------------------------------------------------------------------------------------------
// Capped lists: the first few, and "and N more"

export type Capped<T> = { items: T[]; total: number; more: number };

/**
 * The first `limit` items and how many more there are. `total` is the full count when `items`
 * is already one page of a longer list (a query that paged and counted).
 */
export function capList<T>(items: readonly T[], limit: number, total: number = items.length): Capped<T> {
  const shown = items.slice(0, Math.max(0, limit));
  const all = Math.max(total, items.length);
  return { items: shown, total: all, more: all - shown.length };
}

// ---------------------------------------------------------------------------------------------
// Training

type DepartmentCounts = { department: { id: number; code: string; name: string }; required: number; compliant: number; overdue: number; rate: number | null };

/** Departments with overdue training, most overdue first (then by department code). Counts, not names. */
export function overdueByDepartment<T extends DepartmentCounts>(byDepartment: readonly T[]): T[] {
  return byDepartment
    .filter((d) => d.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || a.department.code.localeCompare(b.department.code, "ja", { numeric: true }));
}

/** Completion rate per department for the chart (departments nobody is required in are left out). */
export function completionByDepartment(byDepartment: readonly DepartmentCounts[]): { key: string; label: string; value: number }[] {
  return byDepartment
    .filter((d) => d.required > 0 && d.rate !== null)
    .map((d) => ({ key: String(d.department.id), label: d.department.name, value: d.rate! }));
}

// ---------------------------------------------------------------------------------------------
// Incidents

export const REPORT_OBLIGATIONS = ["ppcPreliminary", "ppcFinal", "personsNotice", "pmarkPreliminary", "pmarkFinal"] as const;

type Category = (typeof INCIDENT_CATEGORIES)[number];
type Severity = (typeof INCIDENT_SEVERITIES)[number];
type ObligationKey = (typeof REPORT_OBLIGATIONS)[number];
type ObligationState = "done" | "done_late" | "late" | "due_soon" | "pending";

export type IncidentFacts = { category: Category; severity: Severity; obligations: readonly { key: ObligationKey; state: ObligationState }[] };

/** Per report: made on time, made late, not made and past the deadline, not made and not yet due. */
export type ReportTimeliness = { key: ObligationKey; onTime: number; late: number; overdue: number; notYetDue: number };

export type IncidentFigures = {
  total: number;
  bySeverity: Record<Severity, number>;
  byCategory: { category: Category; total: number; bySeverity: Record<Severity, number> }[];
  reports: ReportTimeliness[];
};

const zeroSeverities = (): Record<Severity, number> => ({ low: 0, medium: 0, high: 0, critical: 0 });

/** The fiscal year's incidents counted by category × severity, and how their reports went. */
export function incidentFigures(incidents: readonly IncidentFacts[]): IncidentFigures {
  const bySeverity = zeroSeverities();
  const byCategory = new Map<Category, Record<Severity, number>>(INCIDENT_CATEGORIES.map((c) => [c, zeroSeverities()]));
  const reports = new Map<ObligationKey, ReportTimeliness>(REPORT_OBLIGATIONS.map((k) => [k, { key: k, onTime: 0, late: 0, overdue: 0, notYetDue: 0 }]));
  for (const i of incidents) {
    bySeverity[i.severity]++;
    byCategory.get(i.category)![i.severity]++;
    for (const o of i.obligations) {
      const r = reports.get(o.key)!;
      if (o.state === "done") r.onTime++;
      else if (o.state === "done_late") r.late++;
      else if (o.state === "late") r.overdue++;
      else r.notYetDue++;
    }
  }
  return {
    total: incidents.length,
    bySeverity,
    byCategory: INCIDENT_CATEGORIES.map((c) => {
      const s = byCategory.get(c)!;
      return { category: c, total: Object.values(s).reduce((a, b) => a + b, 0), bySeverity: s };
    }),
    reports: [...reports.values()],
  };
}

// ---------------------------------------------------------------------------------------------
// Audits

type Grade = (typeof FINDING_GRADES)[number];

type AuditStatsLike = {
  quarters: readonly { quarter: number; planned: number; done: number }[];
  findingsByGrade: readonly { grade: Grade; open: number; action_planned: number; done: number; verified: number }[];
};

export type AuditFigures = {
  planned: number;
  done: number;
  findings: { grade: Grade; open: number; actionPlanned: number; done: number; verified: number; total: number; unresolved: number }[];
  findingsTotal: number;
  /** Open or action planned (the corrective action is not done yet). */
  findingsUnresolved: number;
};

/** Audits planned vs done in the fiscal year, and findings per grade with their status. */
export function auditFigures(stats: AuditStatsLike): AuditFigures {
  const findings = FINDING_GRADES.map((grade) => {
    const g = stats.findingsByGrade.find((f) => f.grade === grade) ?? { open: 0, action_planned: 0, done: 0, verified: 0 };
    const unresolved = g.open + g.action_planned;
    return { grade, open: g.open, actionPlanned: g.action_planned, done: g.done, verified: g.verified, total: unresolved + g.done + g.verified, unresolved };
  });
  return {
    planned: stats.quarters.reduce((s, q) => s + q.planned, 0),
    done: stats.quarters.reduce((s, q) => s + q.done, 0),
    findings,
    findingsTotal: findings.reduce((s, f) => s + f.total, 0),
    findingsUnresolved: findings.reduce((s, f) => s + f.unresolved, 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Labels and parameters

/** A fiscal-year month "2026-04" as an axis label: "4月" / "Apr". */
export function monthLabel(month: string, locale: "ja" | "en"): string {
  const m = Number(month.slice(5, 7));
  if (locale === "ja") return `${m}月`;
  return ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1] ?? month;
}

/** `?fy=` of the page: a plausible year, else the fallback (a bad value never breaks the page). */
export function parseFiscalYearParam(raw: string | string[] | undefined, fallback: number): number {
  const s = Array.isArray(raw) ? raw[0] : raw;
  if (!s || !/^\d{4}$/.test(s)) return fallback;
  const n = Number(s);
  return n >= 2000 && n <= 2100 ? n : fallback;
}

/** A value for CSS `content: "…"` (page header and footer): quotes, backslashes and line breaks escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/[\r\n]+/g, " ")}"`;
}

/**
 * The print style sheet's page rules: A4 portrait, a running header (title and fiscal year left,
 * preparation date right) and "page / pages" at the foot; the cover page carries neither.
 */
export function printPageCss(p: { header: string; date: string }): string {
  const pages = `counter(page) " / " counter(pages)`;
  return [
    "@page {",
    "  size: A4 portrait;",
    "  margin: 18mm 15mm 16mm 15mm;",
    `  @top-left { content: ${cssString(p.header)}; font-size: 8pt; color: #334155; }`,
    `  @top-right { content: ${cssString(p.date)}; font-size: 8pt; color: #334155; }`,
    `  @bottom-center { content: ${pages}; font-size: 8pt; color: #334155; }`,
    "}",
    "@page :first {",
    "  @top-left { content: none; }",
    "  @top-right { content: none; }",
    "}",
  ].join("\n");
}
