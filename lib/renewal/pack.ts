import { z } from "zod";
import type { Role } from "@/lib/auth/roles";
import type { FieldError } from "@/lib/api/errors";
import { FINDING_GRADES, type AuditStatusValue, type AuditTypeValue } from "@/lib/audits/rules";
import { compareDates, formatDate } from "@/lib/dates";
import { fiscalYearLabel, fiscalYearOf, fiscalYearRange } from "@/lib/fiscal-year";
import type { ExportCell, ExportColumn } from "@/lib/list/export-table";
import { EMPLOYMENT_TYPES } from "@/lib/training/employees-schema";
import { LOCALES, type Locale } from "@/lib/i18n/config";
import { optionalIsoDate } from "@/lib/validation/common";
import { RENEWAL_READERS } from "./roles";

/**
 * The renewal pack 更新申請のサマリー (docs/domain.md, "The renewal pack"): the summaries a P-mark holder
 * sends with its renewal application, shaped from the records the queries read
 * (db/queries/renewal-pack.ts). One shape, two outputs: each sheet below is a sheet of the .xlsx
 * workbook and a table of the printable page. Nothing here reads the database or the clock.
 */

/** Who may generate the pack: the renewal's roles (lib/renewal/roles.ts) — the privacy manager who applies, the executive who signs, the auditor. */
export const PACK_READERS: readonly Role[] = RENEWAL_READERS;

/** The longest period a pack covers: the two fiscal years of a renewal, with room for a late one. */
export const MAX_PACK_FISCAL_YEARS = 5;

export const packQuery = z.object({
  from: optionalIsoDate,
  to: optionalIsoDate,
  since: optionalIsoDate,
  /** The documents' language: Japanese (the assessment body's) unless asked for otherwise. */
  lang: z.preprocess((v) => (v === "" ? undefined : v), z.enum(LOCALES, { error: "validation.invalidOption" }).default("ja")),
});
export type PackQuery = z.infer<typeof packQuery>;

export type PackParams = { from: string; to: string; since: string; lang: Locale };

/** The last two complete fiscal years before the one `today` is in. */
export function defaultPackPeriod(today: string, startMonth: number): { from: string; to: string } {
  const current = fiscalYearOf(today, startMonth);
  return { from: fiscalYearRange(current - 2, startMonth).start, to: fiscalYearRange(current - 1, startMonth).end };
}

/** Each fiscal year the period touches, its first and last day cut to the period. */
export function fiscalYearsOfPeriod(from: string, to: string, startMonth: number): { fiscalYear: number; start: string; end: string }[] {
  const out: { fiscalYear: number; start: string; end: string }[] = [];
  for (let fy = fiscalYearOf(from, startMonth); fy <= fiscalYearOf(to, startMonth); fy++) {
    const r = fiscalYearRange(fy, startMonth);
    out.push({ fiscalYear: fy, start: compareDates(r.start, from) < 0 ? from : r.start, end: compareDates(r.end, to) > 0 ? to : r.end });
  }
  return out;
}

/**
 * The pack's parameters with the defaults filled in: the period (the last two complete fiscal years),
 * and the day changes are reported from (the current certificate's first valid day, else the period's
 * start). Field errors when the period runs backwards or spans more than MAX_PACK_FISCAL_YEARS.
 */
export function resolvePackParams(
  q: PackQuery,
  ctx: { today: string; startMonth: number; certificateFrom: string | null },
): { params: PackParams; errors: null } | { params: null; errors: FieldError[] } {
  const period = defaultPackPeriod(ctx.today, ctx.startMonth);
  const from = q.from ?? period.from;
  const to = q.to ?? (q.from && compareDates(q.from, period.to) > 0 ? ctx.today : period.to);
  const errors: FieldError[] = [];
  if (compareDates(from, to) > 0) errors.push({ field: "to", code: "custom", messageKey: "renewalPack.errors.fromAfterTo" });
  else if (fiscalYearOf(to, ctx.startMonth) - fiscalYearOf(from, ctx.startMonth) >= MAX_PACK_FISCAL_YEARS)
    errors.push({ field: "to", code: "custom", messageKey: "renewalPack.errors.periodTooLong", values: { max: MAX_PACK_FISCAL_YEARS } });
  if (errors.length) return { params: null, errors };
  return { params: { from, to, since: q.since ?? ctx.certificateFrom ?? from, lang: q.lang }, errors: null };
}

// ---------------------------------------------------------------------------------------------
// The facts the queries hand over

export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** One course's pairs of one employment type in a fiscal year, judged as the training status list judges them. */
export type TrainingCount = { required: number; trained: number; compliant: number; exempt: number };

export type TrainingCourseFacts = {
  courseId: number;
  code: string;
  title: string;
  audienceAll: boolean;
  audienceDepartments: string[];
  audienceEmploymentTypes: string[];
  byType: Partial<Record<EmploymentType, TrainingCount>>;
  /** Live records completed in the fiscal year (within the period): first and last day, how many days, the methods. */
  firstOn: string | null;
  lastOn: string | null;
  days: number;
  methods: string[];
  /** The sessions held in the fiscal year (training_sessions): day, title, method, place. */
  sessions: { heldOn: string; title: string | null; method: string; place: string | null }[];
  /** Course material: evidence of the course whose version speaks for a day of the fiscal year. */
  materials: { title: string; fileName: string; effectiveOn: string }[];
};

export type TrainingYearFacts = { fiscalYear: number; start: string; end: string; asOf: string; courses: TrainingCourseFacts[] };

export type AuditFacts = {
  id: number;
  fiscalYear: number;
  type: AuditTypeValue;
  title: string;
  status: AuditStatusValue;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  reportedOn: string | null;
  scopeDepartments: string[];
  leadAuditorName: string | null;
  /** Live findings per grade, and how many of them are verified. */
  findings: Record<(typeof FINDING_GRADES)[number], { total: number; verified: number }>;
};

export type ReviewFacts = {
  id: number;
  fiscalYear: number;
  heldOn: string;
  title: string;
  participants: string;
  inputs: { key: (typeof REVIEW_INPUT_KEYS)[number]; text: string }[];
  decisions: string | null;
  actions: { total: number; done: number };
};

export const REVIEW_INPUT_KEYS = ["inputAuditResults", "inputIncidents", "inputTraining", "inputContractors", "inputLawChanges", "inputOther"] as const;

export type PostFacts = {
  code: string;
  title: string;
  departmentName: string | null;
  description: string | null;
  holders: { personName: string; departmentName: string | null; fromDate: string; toDate: string | null }[];
};

export type DocumentFacts = {
  code: string;
  title: string;
  currentVersion: number | null;
  firstEffectiveDate: string | null;
  effectiveDate: string;
  lastReviewedOn: string | null;
  nextReviewDue: string | null;
  owner: string | null;
};

export const CHANGE_AREAS = ["register", "contractor", "post", "regulation"] as const;
export type ChangeArea = (typeof CHANGE_AREAS)[number];
export const CHANGE_KINDS = ["added", "changed", "retired"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** What a change says beyond its kind: the fields it changed, or an event with its values (a new version, a holder appointed). */
export type ChangeDetail = { fields: string[] } | { event: "version" | "appointed" | "appointmentEnded"; values: Record<string, string | number> };

export type ChangeFacts = { area: ChangeArea; code: string | null; name: string; kind: ChangeKind; on: string; details: ChangeDetail[] };

export type CorrespondenceFacts = {
  clause: string;
  titleJa: string;
  titleEn: string;
  /** True when a regulation in force covers the clause. */
  covered: boolean;
  regulations: { code: string; title: string; version: number | null; effectiveDate: string; status: "draft" | "in_force" | "retired" }[];
}[];

export type PackData = {
  params: PackParams;
  today: string;
  startMonth: number;
  organization: string;
  certificate: { number: string; validFrom: string; validTo: string } | null;
  training: TrainingYearFacts[];
  audits: AuditFacts[];
  reviews: ReviewFacts[];
  posts: PostFacts[];
  documents: DocumentFacts[];
  changes: ChangeFacts[];
  /** The correspondence of regulations to the guideline's clauses, when that module is present. */
  correspondence: CorrespondenceFacts | null;
};

// ---------------------------------------------------------------------------------------------
// Shaping

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export type PackSheet = { key: string; sheetName: string; title: string; columns: ExportColumn[]; rows: ExportCell[][]; note?: string };
export type PackDocument = { key: string; title: string; sheets: PackSheet[] };

const D = "renewalPack.doc";

/** `count / of` as a percentage with one decimal, or null when nobody was required. */
export function rate(count: number, of: number): number | null {
  return of > 0 ? Math.round((count / of) * 1000) / 10 : null;
}

/** "2024/04/01〜2025/03/31" (one day: that day; none: empty). */
export function dateRange(a: string | null, b: string | null, t: Translate): string {
  if (!a) return "";
  return a === b || !b ? formatDate(a) : t(`${D}.range`, { from: formatDate(a), to: formatDate(b) });
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function totalOf(byType: Partial<Record<EmploymentType, TrainingCount>>): TrainingCount {
  const cs = Object.values(byType);
  return { required: sum(cs.map((c) => c.required)), trained: sum(cs.map((c) => c.trained)), compliant: sum(cs.map((c) => c.compliant)), exempt: sum(cs.map((c) => c.exempt)) };
}

/** The training summary: per fiscal year and course a total row (period, methods, material), then one row per employment type that had anyone to train. */
export function trainingSheet(years: readonly TrainingYearFacts[], t: Translate, lang: Locale): PackSheet {
  const columns: ExportColumn[] = [
    { header: t(`${D}.training.col.fiscalYear`) },
    { header: t(`${D}.training.col.course`) },
    { header: t(`${D}.training.col.audience`) },
    { header: t(`${D}.training.col.employmentType`) },
    { header: t(`${D}.training.col.required`), type: "number" },
    { header: t(`${D}.training.col.trained`), type: "number" },
    { header: t(`${D}.training.col.rate`), type: "number" },
    { header: t(`${D}.training.col.compliant`), type: "number" },
    { header: t(`${D}.training.col.exempt`), type: "number" },
    { header: t(`${D}.training.col.dates`) },
    { header: t(`${D}.training.col.days`), type: "number" },
    { header: t(`${D}.training.col.methods`) },
    { header: t(`${D}.training.col.sessions`) },
    { header: t(`${D}.training.col.materials`) },
  ];
  const sep = t(`${D}.listSeparator`);
  const rows: ExportCell[][] = [];
  for (const y of years) {
    const fy = fiscalYearLabel(y.fiscalYear, lang);
    if (y.courses.length === 0) rows.push([fy, t(`${D}.training.none`), "", "", null, null, null, null, null, "", null, "", "", ""]);
    for (const c of y.courses) {
      const total = totalOf(c.byType);
      const audience = c.audienceAll
        ? t(`${D}.training.audienceAll`)
        : [...c.audienceDepartments, ...c.audienceEmploymentTypes.map((e) => t(`employmentTypes.${e}`))].join(sep);
      rows.push([
        fy,
        `${c.code} ${c.title}`,
        audience,
        t(`${D}.training.allTypes`),
        total.required,
        total.trained,
        rate(total.trained, total.required),
        total.compliant,
        total.exempt,
        dateRange(c.firstOn, c.lastOn, t),
        c.days,
        c.methods.map((m) => t(`methods.${m}`)).join(sep),
        sessionLines(c.sessions, t),
        c.materials.length ? c.materials.map((m) => t(`${D}.training.material`, { title: m.title, file: m.fileName, date: formatDate(m.effectiveOn) })).join("\n") : t(`${D}.training.noMaterial`),
      ]);
      for (const type of EMPLOYMENT_TYPES) {
        const n = c.byType[type];
        if (!n || n.required + n.exempt + n.trained === 0) continue;
        rows.push([fy, `${c.code} ${c.title}`, "", t(`employmentTypes.${type}`), n.required, n.trained, rate(n.trained, n.required), n.compliant, n.exempt, "", null, "", "", ""]);
      }
    }
  }
  return { key: "training", sheetName: t(`${D}.training.sheet`), title: t(`${D}.training.title`), columns, rows, note: t(`${D}.training.note`) };
}

/** At most this many sessions are listed per course and year; the rest are counted. */
export const MAX_SESSIONS_LISTED = 12;

/** The year's sessions one per line ("2025/06/10 集合研修 本社会議室"), the ones past MAX_SESSIONS_LISTED counted. */
export function sessionLines(sessions: TrainingCourseFacts["sessions"], t: Translate): string {
  const lines = sessions.slice(0, MAX_SESSIONS_LISTED).map((x) => [formatDate(x.heldOn), x.title, t(`methods.${x.method}`), x.place].filter(Boolean).join(" "));
  if (sessions.length > MAX_SESSIONS_LISTED) lines.push(t(`${D}.training.moreSessions`, { count: sessions.length - MAX_SESSIONS_LISTED }));
  return lines.join("\n");
}

/** The internal audit summary: one row per internal audit, its scope, findings by grade and how many are verified. */
export function auditSheet(audits: readonly AuditFacts[], t: Translate, lang: Locale): PackSheet {
  const columns: ExportColumn[] = [
    { header: t(`${D}.audits.col.fiscalYear`) },
    { header: t(`${D}.audits.col.title`) },
    { header: t(`${D}.audits.col.type`) },
    { header: t(`${D}.audits.col.dates`) },
    { header: t(`${D}.audits.col.scope`) },
    { header: t(`${D}.audits.col.lead`) },
    { header: t(`${D}.audits.col.status`) },
    ...FINDING_GRADES.map((g): ExportColumn => ({ header: t(`findings.grade.${g}`), type: "number" })),
    { header: t(`${D}.audits.col.verified`), type: "number" },
    { header: t(`${D}.audits.col.unverified`), type: "number" },
    { header: t(`${D}.audits.col.reportedOn`), type: "date" },
  ];
  const sep = t(`${D}.listSeparator`);
  const rows: ExportCell[][] = audits.map((a) => {
    const all = FINDING_GRADES.map((g) => a.findings[g]);
    const verified = sum(all.map((f) => f.verified));
    return [
      fiscalYearLabel(a.fiscalYear, lang),
      a.title,
      t(`audits.type.${a.type}`),
      a.actualStart ? dateRange(a.actualStart, a.actualEnd, t) : t(`${D}.audits.planned`, { dates: dateRange(a.plannedStart, a.plannedEnd, t) }),
      a.scopeDepartments.join(sep),
      a.leadAuditorName ?? "",
      t(`audits.status.${a.status}`),
      ...all.map((f) => f.total),
      verified,
      sum(all.map((f) => f.total)) - verified,
      a.reportedOn,
    ];
  });
  return { key: "audits", sheetName: t(`${D}.audits.sheet`), title: t(`${D}.audits.title`), columns, rows, note: t(`${D}.audits.note`) };
}

/** The management review summary: one row per review held in the period. */
export function reviewSheet(reviews: readonly ReviewFacts[], t: Translate, lang: Locale): PackSheet {
  const columns: ExportColumn[] = [
    { header: t(`${D}.reviews.col.fiscalYear`) },
    { header: t(`${D}.reviews.col.heldOn`), type: "date" },
    { header: t(`${D}.reviews.col.title`) },
    { header: t(`${D}.reviews.col.participants`) },
    { header: t(`${D}.reviews.col.inputs`) },
    { header: t(`${D}.reviews.col.decisions`) },
    { header: t(`${D}.reviews.col.actions`), type: "number" },
    { header: t(`${D}.reviews.col.actionsDone`), type: "number" },
  ];
  const rows: ExportCell[][] = reviews.map((r) => [
    fiscalYearLabel(r.fiscalYear, lang),
    r.heldOn,
    r.title,
    r.participants,
    r.inputs.map((i) => t(`${D}.reviews.input`, { label: t(`managementReviews.fields.${i.key}`), text: i.text })).join("\n"),
    r.decisions ?? "",
    r.actions.total,
    r.actions.done,
  ]);
  return { key: "reviews", sheetName: t(`${D}.reviews.sheet`), title: t(`${D}.reviews.title`), columns, rows };
}

/** The PMS organisation: each live post with its holders on the day the pack is made (a vacant post says so). */
export function organisationSheet(posts: readonly PostFacts[], t: Translate): PackSheet {
  const columns: ExportColumn[] = [
    { header: t(`${D}.organisation.col.post`) },
    { header: t(`${D}.organisation.col.postDepartment`) },
    { header: t(`${D}.organisation.col.holder`) },
    { header: t(`${D}.organisation.col.holderDepartment`) },
    { header: t(`${D}.organisation.col.from`), type: "date" },
    { header: t(`${D}.organisation.col.to`), type: "date" },
    { header: t(`${D}.organisation.col.duties`) },
  ];
  const rows: ExportCell[][] = [];
  for (const p of posts) {
    if (p.holders.length === 0) rows.push([p.title, p.departmentName ?? "", t(`${D}.organisation.vacant`), "", null, null, p.description ?? ""]);
    for (const h of p.holders) rows.push([p.title, p.departmentName ?? "", h.personName, h.departmentName ?? "", h.fromDate, h.toDate, p.description ?? ""]);
  }
  return { key: "organisation", sheetName: t(`${D}.organisation.sheet`), title: t(`${D}.organisation.title`), columns, rows };
}

/** The list of PMS documents: each regulation in force with its version and dates. */
export function documentsSheet(docs: readonly DocumentFacts[], t: Translate): PackSheet {
  const columns: ExportColumn[] = [
    { header: t(`${D}.documents.col.code`) },
    { header: t(`${D}.documents.col.title`) },
    { header: t(`${D}.documents.col.version`) },
    { header: t(`${D}.documents.col.established`), type: "date" },
    { header: t(`${D}.documents.col.effective`), type: "date" },
    { header: t(`${D}.documents.col.lastReviewed`), type: "date" },
    { header: t(`${D}.documents.col.nextReview`), type: "date" },
    { header: t(`${D}.documents.col.owner`) },
  ];
  const rows: ExportCell[][] = docs.map((d) => [
    d.code,
    d.title,
    d.currentVersion === null ? "" : t(`${D}.documents.versionLabel`, { version: d.currentVersion }),
    d.firstEffectiveDate,
    d.effectiveDate,
    d.lastReviewedOn,
    d.nextReviewDue,
    d.owner ?? "",
  ]);
  return { key: "documents", sheetName: t(`${D}.documents.sheet`), title: t(`${D}.documents.title`), columns, rows };
}

const FIELD_NAMESPACE: Record<ChangeArea, string> = { register: "register", contractor: "contractors", regulation: "regulations", post: "pmsStructure" };

/** What a change's details say, one per line. */
export function changeDetailText(area: ChangeArea, details: readonly ChangeDetail[], t: Translate): string {
  const sep = t(`${D}.listSeparator`);
  return details
    .map((d) => ("fields" in d ? (d.fields.length ? t(`${D}.changes.fields`, { fields: d.fields.map((f) => fieldLabel(area, f, t)).join(sep) }) : "") : t(`${D}.changes.event.${d.event}`, d.values)))
    .filter(Boolean)
    .join("\n");
}

function fieldLabel(area: ChangeArea, field: string, t: Translate): string {
  const key = `${FIELD_NAMESPACE[area]}.fields.${field}`;
  const label = t(key);
  return label === key ? field : label;
}

/** The report of changes since a day: by area (register, contractors, posts, regulations), then date. */
export function changesSheet(changes: readonly ChangeFacts[], t: Translate): PackSheet {
  const columns: ExportColumn[] = [
    { header: t(`${D}.changes.col.area`) },
    { header: t(`${D}.changes.col.code`) },
    { header: t(`${D}.changes.col.name`) },
    { header: t(`${D}.changes.col.kind`) },
    { header: t(`${D}.changes.col.on`), type: "date" },
    { header: t(`${D}.changes.col.detail`) },
  ];
  const rows: ExportCell[][] = sortChanges(changes).map((c) => [
    t(`${D}.changes.area.${c.area}`),
    c.code ?? "",
    c.name,
    t(`${D}.changes.kind.${c.kind}`),
    c.on,
    changeDetailText(c.area, c.details, t),
  ]);
  return { key: "changes", sheetName: t(`${D}.changes.sheet`), title: t(`${D}.changes.title`), columns, rows };
}

export function sortChanges(changes: readonly ChangeFacts[]): ChangeFacts[] {
  const area = (a: ChangeArea) => CHANGE_AREAS.indexOf(a);
  return [...changes].sort((a, b) => area(a.area) - area(b.area) || compareDates(a.on, b.on) || (a.code ?? "").localeCompare(b.code ?? "") || a.name.localeCompare(b.name));
}

/** The correspondence of the guideline's clauses to the regulations; a clause no regulation covers is flagged. */
export function correspondenceSheet(rows: CorrespondenceFacts, t: Translate, lang: Locale): PackSheet {
  const columns: ExportColumn[] = [
    { header: t(`${D}.correspondence.col.clause`) },
    { header: t(`${D}.correspondence.col.clauseTitle`) },
    { header: t(`${D}.correspondence.col.regulations`) },
    { header: t(`${D}.correspondence.col.covered`) },
  ];
  const out: ExportCell[][] = rows.map((r) => [
    r.clause,
    lang === "ja" ? r.titleJa : r.titleEn,
    r.regulations
      .map((g) =>
        [g.code, g.title, g.version === null ? null : t(`${D}.documents.versionLabel`, { version: g.version }), g.status === "in_force" ? null : t(`regulations.status.${g.status}`)]
          .filter(Boolean)
          .join(" "),
      )
      .join("\n"),
    r.covered ? t(`${D}.correspondence.covered`) : t(`${D}.correspondence.notCovered`),
  ]);
  return { key: "correspondence", sheetName: t(`${D}.correspondence.sheet`), title: t(`${D}.correspondence.title`), columns, rows: out };
}

/** The cover: who, which certificate, which period, changes from when, made on which day. */
export function coverSheet(data: PackData, t: Translate): PackSheet {
  const c = data.certificate;
  const rows: ExportCell[][] = [
    [t(`${D}.cover.organization`), data.organization || t(`${D}.cover.noOrganization`)],
    [t(`${D}.cover.certificate`), c ? t(`${D}.cover.certificateValue`, { number: c.number, from: formatDate(c.validFrom), to: formatDate(c.validTo) }) : t(`${D}.cover.noCertificate`)],
    [t(`${D}.cover.period`), dateRange(data.params.from, data.params.to, t)],
    [t(`${D}.cover.since`), formatDate(data.params.since)],
    [t(`${D}.cover.preparedOn`), formatDate(data.today)],
  ];
  return { key: "cover", sheetName: t(`${D}.cover.sheet`), title: t(`${D}.cover.title`), columns: [{ header: t(`${D}.cover.col.item`) }, { header: t(`${D}.cover.col.value`) }], rows };
}

/** Every document of the pack, in the order the application lists them. */
export function buildPack(data: PackData, t: Translate): PackDocument[] {
  const lang = data.params.lang;
  const docs: PackDocument[] = [
    { key: "cover", title: t(`${D}.cover.title`), sheets: [coverSheet(data, t)] },
    { key: "training", title: t(`${D}.training.title`), sheets: [trainingSheet(data.training, t, lang)] },
    { key: "auditsAndReviews", title: t(`${D}.auditsAndReviews.title`), sheets: [auditSheet(data.audits, t, lang), reviewSheet(data.reviews, t, lang)] },
    { key: "organisation", title: t(`${D}.organisation.title`), sheets: [organisationSheet(data.posts, t)] },
    { key: "documents", title: t(`${D}.documents.title`), sheets: [documentsSheet(data.documents, t)] },
    { key: "changes", title: t(`${D}.changes.title`), sheets: [changesSheet(data.changes, t)] },
  ];
  if (data.correspondence) docs.push({ key: "correspondence", title: t(`${D}.correspondence.title`), sheets: [correspondenceSheet(data.correspondence, t, lang)] });
  return docs;
}

/** The workbook's file name: 更新申請サマリー_2024-04-01_2026-03-31. */
export function packFileName(params: PackParams, t: Translate): string {
  return `${t(`${D}.fileName`)}_${params.from}_${params.to}`;
}
