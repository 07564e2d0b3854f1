import { addMonths, compareDates } from "@/lib/dates";
import { fiscalYearOf, fiscalYearRange } from "@/lib/fiscal-year";
import { EMPLOYMENT_TYPES, type EmploymentType } from "@/lib/training/employees-schema";

/**
 * Renewal readiness 更新審査の準備 (docs/domain.md, "Renewal readiness"): before the renewal window
 * opens, check that each of the last two complete fiscal years — and the current one so far — holds
 * what an assessor asks for. Pure: db/queries/renewal-readiness.ts gathers the facts of each year, these
 * functions judge them; no clock (today is passed in).
 */

export const READINESS_CHECKS = ["training", "internalAudit", "managementReview", "register", "majorNonconformities", "incidentReports"] as const;
export type ReadinessCheckKey = (typeof READINESS_CHECKS)[number];

/**
 * pass: the year holds it; fail: it does not (a past year that lacks it, or something already late);
 * open: the current year does not hold it yet but still has time.
 */
export const CHECK_STATES = ["pass", "fail", "open"] as const;
export type CheckState = (typeof CHECK_STATES)[number];

/** Why a check is not passed; each is a message renewal.missing.<reason> with {count} (and {name}). */
export const MISSING_REASONS = [
  "trainingOverdue",
  "typeNotCovered",
  "noRequiredTraining",
  "noInternalAudit",
  "departmentNotAudited",
  "noManagementReview",
  "registerNotReviewed",
  "itemsOverdue",
  "riskAnalysisNotUpdated",
  "majorUnverified",
  "pmarkReportLate",
] as const;
export type MissingReason = (typeof MISSING_REASONS)[number];

/** The dashboard shows the readiness card from this many months before the certificate expires. */
export const READINESS_CARD_MONTHS_BEFORE = 10;

/** How many complete fiscal years before the current one are checked. */
export const PAST_YEARS_CHECKED = 2;

// ---------------------------------------------------------------------------------------------
// The facts of one fiscal year (gathered by db/queries/renewal-readiness.ts)

export type TrainingByType = {
  type: EmploymentType;
  /** Workers of this type active on the year's as-of day, not exempt. */
  workers: number;
  /** Of those, the ones at least one course is required of. */
  covered: number;
  /** Their required courses overdue on the as-of day. */
  overdue: number;
};

/**
 * One employment type's training on an as-of day, as db/queries/renewal-readiness.ts counts (and stores)
 * it: the type's workers (active, not exempt), those some course is required of, and the type's
 * employee × required course pairs per status (exempt employees' pairs are all `exempt`).
 */
export type TrainingTypeTally = { type: EmploymentType; workers: number; covered: number; compliant: number; dueSoon: number; overdue: number; exempt: number };

/**
 * A year's training facts from its tallies per employment type: the pairs per status summed over every
 * type, and byType for each type with workers, in EMPLOYMENT_TYPES order. A type without a tally counts
 * as none.
 */
export function trainingFactsOf(tallies: readonly TrainingTypeTally[]): FiscalYearFacts["training"] {
  const sum = (k: "compliant" | "dueSoon" | "overdue" | "exempt") => tallies.reduce((n, t) => n + t[k], 0);
  const byType: TrainingByType[] = EMPLOYMENT_TYPES.flatMap((type) => {
    const t = tallies.find((x) => x.type === type);
    return t && t.workers > 0 ? [{ type, workers: t.workers, covered: t.covered, overdue: t.overdue }] : [];
  });
  const compliant = sum("compliant");
  const dueSoon = sum("dueSoon");
  const overdue = sum("overdue");
  return { required: compliant + dueSoon + overdue, compliant, dueSoon, overdue, exempt: sum("exempt"), byType };
}

export type RecordRef = { id: number; label: string; date: string | null; href: string };

export type FiscalYearFacts = {
  fiscalYear: number;
  start: string;
  end: string;
  /** The day the year's figures are taken on: today in the current year, the last day of a past one. */
  asOf: string;
  current: boolean;
  training: { required: number; compliant: number; dueSoon: number; overdue: number; exempt: number; byType: TrainingByType[] };
  /** Departments with workers on the as-of day (what an internal audit has to cover). */
  departments: { id: number; name: string }[];
  /** The year's internal audits (conformance, operation), not cancelled. */
  internalAudits: { id: number; title: string; status: "planned" | "in_progress" | "reported" | "closed"; reportedOn: string | null; plannedStart: string; scopeDepartmentIds: number[] }[];
  /** The year's management reviews, not retired. */
  managementReviews: { id: number; title: string; heldOn: string }[];
  register: {
    /** Items in use on the as-of day. */
    itemsInUse: number;
    /** Of those, the ones reviewed (an item review or a review of the whole register) within the year. */
    itemsReviewed: number;
    /** Reviews of the whole register within the year, latest first. */
    registerReviews: { id: number; reviewedOn: string }[];
    /** Reviews of the year (any scope) that looked at the risk analysis too. */
    riskReviews: number;
    /** Risks written (created, changed, accepted) within the year. */
    riskChanges: number;
    /** Items overdue for review today (the register list's overdue filter); only shown for the current year. */
    overdueToday: number;
  };
  /** Major nonconformities of the year's audits (not retired). */
  majorNonconformities: { total: number; unverified: number };
  /** Incidents discovered in the year (not retired), and those with a P-mark report not made after its deadline. */
  incidents: { total: number; reportedToBody: number; late: { id: number; reference: string; title: string }[] };
};

// ---------------------------------------------------------------------------------------------
// The verdict

export type MissingItem = { reason: MissingReason; count: number; name?: string; names?: string[]; href: string };
export type EvidenceValue = string | number | null;
export type ReadinessCheck = {
  key: ReadinessCheckKey;
  state: CheckState;
  /** Figures shown as evidence (message renewal.evidence.<key> reads them). */
  evidence: Record<string, EvidenceValue>;
  /** The records that prove it, each linked. */
  records: RecordRef[];
  /** What is missing, each with a link to the list that shows it. */
  missing: MissingItem[];
};

export type FiscalYearReadiness = { fiscalYear: number; start: string; end: string; asOf: string; current: boolean; checks: ReadinessCheck[] };

/** The fiscal years checked on `today`: the last two complete ones, then the current one. */
export function readinessYears(today: string, startMonth: number): number[] {
  const current = fiscalYearOf(today, startMonth);
  return Array.from({ length: PAST_YEARS_CHECKED + 1 }, (_, i) => current - PAST_YEARS_CHECKED + i);
}

/** First day, last day and as-of day of a checked year (as the training status list takes a year: statusAsOfForFiscalYear). */
export function yearScope(fy: number, today: string, startMonth: number): { start: string; end: string; asOf: string; current: boolean } {
  const { start, end } = fiscalYearRange(fy, startMonth);
  const current = fiscalYearOf(today, startMonth) === fy;
  return { start, end, asOf: current ? today : compareDates(end, today) < 0 ? end : start, current };
}

function url(path: string, params: Record<string, string | number | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** The list pages a missing item opens, with the filters those pages (and their endpoints) read. */
export const readinessLinks = {
  trainingStatus: (fy: number, opts: { status?: string; employmentType?: string } = {}) =>
    url("/training/status", { fiscalYear: fy, status: opts.status, employmentType: opts.employmentType }),
  employees: (employmentType: string) => url("/training/employees", { employmentType }),
  courses: () => "/training/courses",
  audits: (fy: number) => url("/audits", { fy }),
  audit: (id: number) => `/audits/${id}`,
  managementReviews: (fy: number, held?: boolean) => url("/audits/management-reviews", { fy, held: held === undefined ? undefined : String(held) }),
  managementReview: (id: number) => `/audits/management-reviews/${id}`,
  register: (opts: { overdue?: boolean } = {}) => url("/register", { overdue: opts.overdue === undefined ? undefined : String(opts.overdue) }),
  risks: () => "/register/risks",
  findings: (fy: number) => url("/audits/findings", { fy, grade: "major_nc", status: "unverified" }),
  incidents: (fy: number, opts: { pmarkLate?: boolean } = {}) => url("/incidents", { fy, pmarkLate: opts.pmarkLate ? "true" : undefined }),
  incident: (id: number) => `/incidents/${id}`,
} as const;

/** fail for a past year, open for the current one (it still has time). */
function notYet(current: boolean): CheckState {
  return current ? "open" : "fail";
}

function verdict(missing: MissingItem[], current: boolean, late: boolean): CheckState {
  if (!missing.length) return "pass";
  return late ? "fail" : notYet(current);
}

/**
 * Every worker trained: on the year's as-of day no required course is overdue, and every employment
 * type with workers (dispatched staff, part-timers and executives included) has a course required of
 * them. Overdue is a failure in any year; a year with nobody required to train fails (the current one is
 * open while courses are only due soon).
 */
export function judgeTraining(f: FiscalYearFacts): ReadinessCheck {
  const t = f.training;
  const missing: MissingItem[] = [];
  let late = false;
  if (t.overdue > 0) {
    missing.push({ reason: "trainingOverdue", count: t.overdue, href: readinessLinks.trainingStatus(f.fiscalYear, { status: "overdue" }) });
    late = true;
  }
  for (const b of t.byType) {
    if (b.workers > b.covered) missing.push({ reason: "typeNotCovered", count: b.workers - b.covered, name: b.type, href: readinessLinks.employees(b.type) });
  }
  if (t.required === 0) missing.push({ reason: "noRequiredTraining", count: 0, href: readinessLinks.courses() });
  let state = verdict(missing, f.current, late);
  if (state === "pass" && f.current && t.dueSoon > 0) state = "open";
  const evidence: Record<string, EvidenceValue> = {
    required: t.required,
    compliant: t.compliant,
    dueSoon: t.dueSoon,
    overdue: t.overdue,
    exempt: t.exempt,
    asOf: f.asOf,
  };
  for (const type of EMPLOYMENT_TYPES) {
    const b = t.byType.find((x) => x.type === type);
    evidence[`workers_${type}`] = b?.workers ?? 0;
  }
  return {
    key: "training",
    state,
    evidence,
    records: [{ id: 0, label: "trainingStatus", date: f.asOf, href: readinessLinks.trainingStatus(f.fiscalYear) }],
    missing,
  };
}

const DONE_AUDIT = new Set(["reported", "closed"]);

/** An internal audit done (reported or closed) in the year, whose scopes together cover every department with workers. */
export function judgeInternalAudit(f: FiscalYearFacts): ReadinessCheck {
  const done = f.internalAudits.filter((a) => DONE_AUDIT.has(a.status));
  const covered = new Set(done.flatMap((a) => a.scopeDepartmentIds));
  const notAudited = f.departments.filter((d) => !covered.has(d.id));
  const missing: MissingItem[] = [];
  if (!done.length) missing.push({ reason: "noInternalAudit", count: f.internalAudits.length, href: readinessLinks.audits(f.fiscalYear) });
  // Once an audit is done, the departments its scope left out (without one, every department is).
  else if (notAudited.length)
    missing.push({ reason: "departmentNotAudited", count: notAudited.length, names: notAudited.map((d) => d.name), href: readinessLinks.audits(f.fiscalYear) });
  return {
    key: "internalAudit",
    state: verdict(missing, f.current, false),
    evidence: {
      done: done.length,
      planned: f.internalAudits.length - done.length,
      departments: f.departments.length,
      departmentsCovered: f.departments.length - notAudited.length,
    },
    records: f.internalAudits.map((a) => ({ id: a.id, label: a.title, date: a.reportedOn ?? a.plannedStart, href: readinessLinks.audit(a.id) })),
    missing,
  };
}

/** A management review held (on or before the as-of day) in the year. */
export function judgeManagementReview(f: FiscalYearFacts): ReadinessCheck {
  const held = f.managementReviews.filter((r) => compareDates(r.heldOn, f.asOf) <= 0);
  const missing: MissingItem[] = held.length
    ? []
    : [{ reason: "noManagementReview", count: f.managementReviews.length - held.length, href: readinessLinks.managementReviews(f.fiscalYear) }];
  return {
    key: "managementReview",
    state: verdict(missing, f.current, false),
    evidence: { held: held.length, scheduled: f.managementReviews.length - held.length, lastHeldOn: held.map((r) => r.heldOn).sort().at(-1) ?? null },
    records: f.managementReviews.map((r) => ({ id: r.id, label: r.title, date: r.heldOn, href: readinessLinks.managementReview(r.id) })),
    missing,
  };
}

/**
 * The register reviewed within the year — a review of the whole register, or every item in use
 * reviewed on its own — and its risk analysis updated (a review that looked at the risks, or a risk
 * written, within the year). Items overdue for review today fail the current year at once.
 */
export function judgeRegister(f: FiscalYearFacts): ReadinessCheck {
  const r = f.register;
  const reviewed = r.registerReviews.length > 0 || (r.itemsInUse > 0 && r.itemsReviewed >= r.itemsInUse);
  const missing: MissingItem[] = [];
  let late = false;
  if (f.current && r.overdueToday > 0) {
    missing.push({ reason: "itemsOverdue", count: r.overdueToday, href: readinessLinks.register({ overdue: true }) });
    late = true;
  } else if (!reviewed) {
    missing.push({ reason: "registerNotReviewed", count: Math.max(r.itemsInUse - r.itemsReviewed, 0), href: readinessLinks.register() });
  }
  if (r.riskReviews === 0 && r.riskChanges === 0) missing.push({ reason: "riskAnalysisNotUpdated", count: 0, href: readinessLinks.risks() });
  return {
    key: "register",
    state: verdict(missing, f.current, late),
    evidence: {
      registerReviews: r.registerReviews.length,
      lastRegisterReviewOn: r.registerReviews[0]?.reviewedOn ?? null,
      itemsInUse: r.itemsInUse,
      itemsReviewed: r.itemsReviewed,
      riskReviews: r.riskReviews,
      riskChanges: r.riskChanges,
    },
    records: [],
    missing,
  };
}

/** No major nonconformity of the year's audits left unverified (its correction's effectiveness not confirmed). */
export function judgeMajorNonconformities(f: FiscalYearFacts): ReadinessCheck {
  const m = f.majorNonconformities;
  const missing: MissingItem[] = m.unverified ? [{ reason: "majorUnverified", count: m.unverified, href: readinessLinks.findings(f.fiscalYear) }] : [];
  return {
    key: "majorNonconformities",
    state: verdict(missing, f.current, false),
    evidence: { total: m.total, unverified: m.unverified },
    records: [],
    missing,
  };
}

/** Every incident of the year reported to the P-mark assessment body: no preliminary or final report left unmade past its deadline. */
export function judgeIncidentReports(f: FiscalYearFacts): ReadinessCheck {
  const i = f.incidents;
  const missing: MissingItem[] = i.late.length ? [{ reason: "pmarkReportLate", count: i.late.length, href: readinessLinks.incidents(f.fiscalYear, { pmarkLate: true }) }] : [];
  return {
    key: "incidentReports",
    state: missing.length ? "fail" : "pass",
    evidence: { total: i.total, reportedToBody: i.reportedToBody, late: i.late.length },
    records: i.late.map((x) => ({ id: x.id, label: `${x.reference} ${x.title}`, date: null, href: readinessLinks.incident(x.id) })),
    missing,
  };
}

export function judgeFiscalYear(f: FiscalYearFacts): FiscalYearReadiness {
  return {
    fiscalYear: f.fiscalYear,
    start: f.start,
    end: f.end,
    asOf: f.asOf,
    current: f.current,
    checks: [judgeTraining(f), judgeInternalAudit(f), judgeManagementReview(f), judgeRegister(f), judgeMajorNonconformities(f), judgeIncidentReports(f)],
  };
}

/** Checks failing and open over the years. */
export function readinessCounts(years: FiscalYearReadiness[]): { failing: number; open: number; passing: number } {
  const all = years.flatMap((y) => y.checks);
  return {
    failing: all.filter((c) => c.state === "fail").length,
    open: all.filter((c) => c.state === "open").length,
    passing: all.filter((c) => c.state === "pass").length,
  };
}

/** The dashboard shows the readiness card from 10 months before the certificate's last valid day (and after it). */
export function showReadinessCard(validTo: string | null, today: string): boolean {
  if (!validTo) return false;
  return compareDates(today, addMonths(validTo, -READINESS_CARD_MONTHS_BEFORE)) >= 0;
}
