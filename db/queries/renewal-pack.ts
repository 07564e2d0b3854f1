import "server-only";
import { and, asc, eq, gte, inArray, isNull, lte, sql, type AnyColumn } from "drizzle-orm";
import { getDb } from "@/db";
import {
  auditLog,
  contractors,
  courses,
  departments,
  evidence,
  evidenceVersions,
  managementReviewActions,
  managementReviews,
  pmsAppointments,
  pmsPosts,
  registerItems,
  registerItemVersions,
  regulationReviews,
  regulations,
  regulationVersions,
  employees,
  trainingSessions,
  users,
} from "@/db/schema";
import { auditChanges } from "@/lib/audit-changes";
import { FINDING_GRADES, INTERNAL_AUDIT_TYPES } from "@/lib/audits/rules";
import { compareDates, todayInTokyo } from "@/lib/dates";
import {
  REVIEW_INPUT_KEYS,
  fiscalYearsOfPeriod,
  type AuditFacts,
  type ChangeDetail,
  type ChangeFacts,
  type DocumentFacts,
  type EmploymentType,
  type PackData,
  type PackParams,
  type PostFacts,
  type ReviewFacts,
  type TrainingCount,
  type TrainingCourseFacts,
  type TrainingYearFacts,
} from "@/lib/renewal/pack";
import { listAuditsForExport } from "./audits";
import { getCurrentCertificate } from "./pmark";
import { listPosts } from "./pms-structure";
import { listRegulationsForExport } from "./regulations";
import { listRegulationCorrespondence } from "./renewal-correspondence";
import { getFiscalYearStartMonth, getOrganization } from "./settings";
import { judgedPairs, pairSourceFor } from "./training-status";

/**
 * The facts of the renewal pack (lib/renewal/pack.ts shapes them; docs/domain.md, "The renewal pack"),
 * read through the modules' own queries where one answers the question (the audits list, the posts,
 * the regulations list, the training status pairs), so that the pack says what those pages say.
 */

/** Rows of db.execute(): postgres.js answers an array, PGlite an object with `rows`. */
function rowsOf<T>(res: unknown): T[] {
  if (Array.isArray(res)) return res as T[];
  return ((res as { rows?: T[] }).rows ?? []) as T[];
}

/** The day the pack's changes are counted from by default, and the certificate on the cover. */
export async function packContext(today = todayInTokyo()) {
  const [startMonth, cert] = await Promise.all([getFiscalYearStartMonth(), getCurrentCertificate(today)]);
  return { today, startMonth, certificateFrom: cert.current?.validFrom ?? null };
}

export async function getRenewalPack(params: PackParams, today = todayInTokyo()): Promise<PackData> {
  const startMonth = await getFiscalYearStartMonth();
  const [org, cert, training, auditRows, reviews, posts, documents, changes, correspondence] = await Promise.all([
    getOrganization(),
    getCurrentCertificate(today),
    trainingFacts(params, startMonth, today),
    auditFacts(params, startMonth),
    reviewFacts(params, today),
    organisationFacts(today),
    documentFacts(today),
    changeFacts(params.since, today),
    listRegulationCorrespondence(),
  ]);
  const c = cert.current;
  return {
    params,
    today,
    startMonth,
    organization: [org.name, org.representative].filter(Boolean).join(" "),
    certificate: c ? { number: c.certificateNumber, validFrom: c.validFrom, validTo: c.validTo } : null,
    training,
    audits: auditRows,
    reviews,
    posts,
    documents,
    changes,
    correspondence: correspondence.map((c) => ({
      clause: c.clause,
      titleJa: c.titleJa,
      titleEn: c.titleEn,
      covered: c.covered,
      regulations: c.regulations.map((r) => ({ code: r.code, title: r.title, version: r.version, effectiveDate: r.effectiveDate, status: r.status })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// 1. Training

/**
 * Per fiscal year of the period (cut to it), judged on its last day, or today while it runs (a year
 * that has not begun is left out): each course's required pairs by employment type as the training
 * status list judges them (judgedPairs), how many of them passed within the year, how many stood
 * compliant, how many were exempt; the days and methods of the year's records, its sessions, and the
 * material (the course's evidence dated in the year, the evidence of the year's sessions).
 */
async function trainingFacts(params: PackParams, startMonth: number, today: string): Promise<TrainingYearFacts[]> {
  const years = fiscalYearsOfPeriod(params.from, params.to, startMonth).filter((y) => compareDates(y.start, today) <= 0);
  return Promise.all(
    years.map(async (y) => {
      const asOf = compareDates(y.end, today) < 0 ? y.end : today;
      return { fiscalYear: y.fiscalYear, start: y.start, end: y.end, asOf, courses: await trainingYear(y.start, asOf, today) };
    }),
  );
}

async function trainingYear(start: string, asOf: string, today: string): Promise<TrainingCourseFacts[]> {
  const db = await getDb();
  const source = await pairSourceFor(asOf, today);
  const counts = await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '32MB'`);
    return rowsOf<{ course_id: number; employment_type: EmploymentType; required: number; trained: number; compliant: number; exempt: number }>(
      await tx.execute(sql`
        select j.course_id, j.employment_type,
               count(*) filter (where j.status <> 'exempt')::int as required,
               count(*) filter (where j.status <> 'exempt' and j.last_passed_on >= ${start}::date)::int as trained,
               count(*) filter (where j.status = 'compliant')::int as compliant,
               count(*) filter (where j.status = 'exempt')::int as exempt
        from (${judgedPairs({}, asOf, source)}) j
        group by j.course_id, j.employment_type`),
    );
  });
  const records = rowsOf<{ course_id: number; first_on: string; last_on: string; days: number; methods: string[] }>(
    await db.execute(sql`
      select course_id, to_char(min(completed_on), 'YYYY-MM-DD') as first_on, to_char(max(completed_on), 'YYYY-MM-DD') as last_on,
             count(distinct completed_on)::int as days, array_agg(distinct method::text order by method::text) as methods
      from training_records
      where retired_at is null and completed_on between ${start}::date and ${asOf}::date
      group by course_id`),
  );
  const ids = [...new Set([...counts.map((c) => Number(c.course_id)), ...records.map((r) => Number(r.course_id))])];
  if (ids.length === 0) return [];
  const [courseRows, sessions] = await Promise.all([
    db.select().from(courses).where(inArray(courses.id, ids)).orderBy(asc(courses.code)),
    db
      .select({ id: trainingSessions.id, courseId: trainingSessions.courseId, heldOn: trainingSessions.heldOn, title: trainingSessions.title, method: trainingSessions.method, place: trainingSessions.place })
      .from(trainingSessions)
      .where(and(inArray(trainingSessions.courseId, ids), gte(trainingSessions.heldOn, start), lte(trainingSessions.heldOn, asOf)))
      .orderBy(asc(trainingSessions.heldOn), asc(trainingSessions.id)),
  ]);
  // Material: the course's evidence dated in the year (the year's material) and the evidence of its sessions held in the year.
  const sessionCourse = new Map(sessions.map((x) => [x.id, x.courseId]));
  const evidenceOf = (kind: string, recordIds: number[]) =>
    recordIds.length
      ? db
          .select({ recordId: evidence.recordId, title: evidence.title, fileName: evidenceVersions.fileName, effectiveOn: evidenceVersions.effectiveOn })
          .from(evidenceVersions)
          .innerJoin(evidence, eq(evidence.id, evidenceVersions.evidenceId))
          .where(
            and(
              eq(evidence.recordKind, kind),
              inArray(evidence.recordId, recordIds),
              isNull(evidence.retiredAt),
              kind === "course" ? and(gte(evidenceVersions.effectiveOn, start), lte(evidenceVersions.effectiveOn, asOf)) : undefined,
            ),
          )
          .orderBy(asc(evidenceVersions.effectiveOn), asc(evidenceVersions.id))
      : Promise.resolve([]);
  const [courseMaterials, sessionMaterials] = await Promise.all([evidenceOf("course", ids), evidenceOf("training_session", sessions.map((x) => x.id))]);
  const materials = [...courseMaterials, ...sessionMaterials.map((m) => ({ ...m, recordId: sessionCourse.get(m.recordId)! }))].sort((a, b) => compareDates(a.effectiveOn, b.effectiveOn));
  const deptIds = [...new Set(courseRows.flatMap((c) => c.audienceDepartmentIds))];
  const deptNames = new Map(
    deptIds.length ? (await db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, deptIds))).map((d) => [d.id, d.name]) : [],
  );
  return courseRows.map((c) => {
    const byType: Partial<Record<EmploymentType, TrainingCount>> = {};
    for (const r of counts.filter((x) => Number(x.course_id) === c.id))
      byType[r.employment_type] = { required: Number(r.required), trained: Number(r.trained), compliant: Number(r.compliant), exempt: Number(r.exempt) };
    const rec = records.find((r) => Number(r.course_id) === c.id);
    return {
      courseId: c.id,
      code: c.code,
      title: c.title,
      audienceAll: c.audienceAll,
      audienceDepartments: c.audienceDepartmentIds.map((id) => deptNames.get(id) ?? String(id)),
      audienceEmploymentTypes: c.audienceEmploymentTypes,
      byType,
      firstOn: rec?.first_on ?? null,
      lastOn: rec?.last_on ?? null,
      days: rec ? Number(rec.days) : 0,
      methods: rec?.methods ?? [],
      sessions: sessions.filter((x) => x.courseId === c.id).map(({ heldOn, title, method, place }) => ({ heldOn, title, method, place })),
      materials: materials.filter((m) => m.recordId === c.id).map(({ title, fileName, effectiveOn }) => ({ title, fileName, effectiveOn })),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// 2. Internal audits and management reviews

/** The internal audits (conformance, operation) of the audits list whose start — actual, else planned — falls in the period. */
async function auditFacts(params: PackParams, startMonth: number): Promise<AuditFacts[]> {
  const years = fiscalYearsOfPeriod(params.from, params.to, startMonth).map((y) => y.fiscalYear);
  // An audit's fiscal year is chosen, not derived: look one year either side for audits dated into the period.
  const fys = [...new Set([years[0] - 1, ...years, years[years.length - 1] + 1])];
  const lists = await Promise.all(fys.map((fy) => listAuditsForExport({ fy, sort: "plannedStart", dir: "asc" })));
  const inPeriod = lists
    .flat()
    .filter((a) => INTERNAL_AUDIT_TYPES.includes(a.type))
    .filter((a) => {
      const day = a.actualStart ?? a.plannedStart;
      return compareDates(day, params.from) >= 0 && compareDates(day, params.to) <= 0;
    })
    .sort((a, b) => compareDates(a.actualStart ?? a.plannedStart, b.actualStart ?? b.plannedStart) || a.id - b.id);
  if (inPeriod.length === 0) return [];
  const db = await getDb();
  const counts = rowsOf<{ audit_id: number; grade: (typeof FINDING_GRADES)[number]; total: number; verified: number }>(
    await db.execute(sql`
      select audit_id, grade::text as grade, count(*)::int as total, count(*) filter (where status = 'verified')::int as verified
      from audit_findings
      where retired_at is null and audit_id in (${sql.join(
        inPeriod.map((a) => sql`${a.id}`),
        sql`, `,
      )})
      group by audit_id, grade`),
  );
  return inPeriod.map((a) => {
    const findings = Object.fromEntries(FINDING_GRADES.map((g) => [g, { total: 0, verified: 0 }])) as AuditFacts["findings"];
    for (const c of counts.filter((x) => Number(x.audit_id) === a.id)) findings[c.grade] = { total: Number(c.total), verified: Number(c.verified) };
    return {
      id: a.id,
      fiscalYear: a.fiscalYear,
      type: a.type,
      title: a.title,
      status: a.status,
      plannedStart: a.plannedStart,
      plannedEnd: a.plannedEnd,
      actualStart: a.actualStart,
      actualEnd: a.actualEnd,
      reportedOn: a.reportedOn,
      scopeDepartments: a.scopeDepartments.map((d) => d.name),
      leadAuditorName: a.leadAuditorName,
      findings,
    };
  });
}

/** Management reviews held in the period (and by today), with their inputs, decisions and actions. */
async function reviewFacts(params: PackParams, today: string): Promise<ReviewFacts[]> {
  const db = await getDb();
  const last = compareDates(params.to, today) < 0 ? params.to : today;
  const rows = await db
    .select()
    .from(managementReviews)
    .where(and(isNull(managementReviews.retiredAt), gte(managementReviews.heldOn, params.from), lte(managementReviews.heldOn, last)))
    .orderBy(asc(managementReviews.heldOn), asc(managementReviews.id));
  if (rows.length === 0) return [];
  const actions = await db
    .select({ reviewId: managementReviewActions.reviewId, total: sql<number>`count(*)::int`.mapWith(Number), done: sql<number>`count(*) filter (where ${managementReviewActions.status} = 'done')::int`.mapWith(Number) })
    .from(managementReviewActions)
    .where(and(isNull(managementReviewActions.retiredAt), inArray(managementReviewActions.reviewId, rows.map((r) => r.id))))
    .groupBy(managementReviewActions.reviewId);
  return rows.map((r) => {
    const a = actions.find((x) => x.reviewId === r.id);
    return {
      id: r.id,
      fiscalYear: r.fiscalYear,
      heldOn: r.heldOn,
      title: r.title,
      participants: r.participants,
      inputs: REVIEW_INPUT_KEYS.filter((k) => r[k]?.trim()).map((k) => ({ key: k, text: r[k]!.trim() })),
      decisions: r.decisions,
      actions: { total: a?.total ?? 0, done: a?.done ?? 0 },
    };
  });
}

// ---------------------------------------------------------------------------------------------
// 3–4. The organisation and the documents, as they stand on the day the pack is made

async function organisationFacts(today: string): Promise<PostFacts[]> {
  const { items } = await listPosts({ asOf: today });
  return items.map((p) => ({
    code: p.code,
    title: p.title,
    departmentName: p.departmentName,
    description: p.description,
    holders: p.holders.map((h) => ({ personName: h.personName, departmentName: h.departmentName, fromDate: h.fromDate, toDate: h.toDate })),
  }));
}

/** The regulations in force (the regulations list, status in force), each with the day its first version took effect. */
async function documentFacts(today: string): Promise<DocumentFacts[]> {
  const db = await getDb();
  const [regs, firsts] = await Promise.all([
    listRegulationsForExport({ status: "in_force", sort: "code", dir: "asc" }, today),
    db
      .select({ regulationId: regulationVersions.regulationId, first: sql<string>`to_char(min(${regulationVersions.effectiveDate}), 'YYYY-MM-DD')` })
      .from(regulationVersions)
      .groupBy(regulationVersions.regulationId),
  ]);
  const first = new Map(firsts.map((f) => [f.regulationId, f.first]));
  return regs.map((r) => ({
    code: r.code,
    title: r.title,
    currentVersion: r.currentVersion,
    firstEffectiveDate: first.get(r.id) ?? null,
    effectiveDate: r.effectiveDate,
    lastReviewedOn: r.lastReviewedOn,
    nextReviewDue: r.nextReviewDue,
    owner: r.ownerLabel ?? null,
  }));
}

// ---------------------------------------------------------------------------------------------
// 5. Changes since a day

/** Tokyo midnight at the start of `day`, as a timestamp to compare stored instants with. */
const tokyoStart = (day: string) => sql`(${day}::date::timestamp at time zone 'Asia/Tokyo')`;
const tokyoDay = (col: AnyColumn) => sql<string>`to_char(${col} at time zone 'Asia/Tokyo', 'YYYY-MM-DD')`;

/** Fields a reader of the change report cares about (not the bookkeeping: version, dates the service derives). */
const IGNORED_FIELDS = new Set(["id", "version", "createdAt", "updatedAt", "retiredAt", "createdBy", "lastReviewedOn", "nextReviewDueOn", "nextReviewDue", "reviewIntervalMonths"]);

function changedFields(before: unknown, after: unknown): string[] {
  const keys = new Set([...Object.keys((before as object) ?? {}), ...Object.keys((after as object) ?? {})].filter((k) => !IGNORED_FIELDS.has(k)));
  return auditChanges(before, after, [...keys]).map((c) => c.field);
}

export async function changeFacts(since: string, today = todayInTokyo()): Promise<ChangeFacts[]> {
  const [reg, con, posts, regs] = await Promise.all([registerChanges(since), contractorChanges(since), postChanges(since, today), regulationChanges(since)]);
  return [...reg, ...con, ...posts, ...regs];
}

/** Register items: from their version history (register_item_versions), the state before the day against the latest. */
async function registerChanges(since: string): Promise<ChangeFacts[]> {
  const db = await getDb();
  const versions = await db
    .select({ itemId: registerItemVersions.itemId, version: registerItemVersions.version, action: registerItemVersions.action, snapshot: registerItemVersions.snapshot, on: tokyoDay(registerItemVersions.changedAt) })
    .from(registerItemVersions)
    .where(sql`${registerItemVersions.itemId} in (select v.item_id from register_item_versions v where v.changed_at >= ${tokyoStart(since)} and v.action <> 'reviewed')`)
    .orderBy(asc(registerItemVersions.itemId), asc(registerItemVersions.version));
  if (versions.length === 0) return [];
  const items = await db
    .select({ id: registerItems.id, code: registerItems.code, name: registerItems.name, retiredAt: registerItems.retiredAt })
    .from(registerItems)
    .where(inArray(registerItems.id, [...new Set(versions.map((v) => v.itemId))]));
  return items.flatMap((item) => {
    const vs = versions.filter((v) => v.itemId === item.id);
    const before = vs.filter((v) => compareDates(v.on, since) < 0).at(-1) ?? null;
    const after = vs.filter((v) => compareDates(v.on, since) >= 0);
    const latest = vs.at(-1)!;
    const real = after.filter((v) => v.action !== "reviewed");
    if (real.length === 0) return [];
    const kind = !before ? "added" : item.retiredAt && real.some((v) => v.action === "retired") ? "retired" : "changed";
    const details: ChangeDetail[] = kind === "changed" ? [{ fields: changedFields(before?.snapshot, latest.snapshot) }] : [];
    return [{ area: "register" as const, code: item.code, name: item.name, kind, on: real.at(-1)!.on, details }];
  });
}

/**
 * Contractors: added when their contract starts on or after the day, or the audit trail has them
 * created or imported since; ended when the trail shows them terminated or retired since; otherwise
 * changed, with the fields the trail's updates changed. Rows written without the trail (the demo's
 * seed) only count by their contract start.
 */
async function contractorChanges(since: string): Promise<ChangeFacts[]> {
  const db = await getDb();
  const trail = await trailSince("contractor", since);
  const ids = [...new Set(trail.map((e) => Number(e.entityId)).filter(Number.isInteger))];
  const rows = await db
    .select({ id: contractors.id, name: contractors.name, corporateNumber: contractors.corporateNumber, status: contractors.status, retiredAt: contractors.retiredAt, contractStart: contractors.contractStart })
    .from(contractors)
    .where(ids.length ? sql`${contractors.contractStart} >= ${since} or ${inArray(contractors.id, ids)}` : gte(contractors.contractStart, since))
    .orderBy(asc(contractors.id));
  return rows.map((c) => {
    const entries = trail.filter((e) => e.entityId === String(c.id));
    const created = entries.find((e) => e.action === "create" || (e.action === "import" && e.before === null));
    const startedSince = c.contractStart !== null && compareDates(c.contractStart, since) >= 0;
    const ended = entries.some((e) => e.action === "retire" || (asRecord(e.after)?.status === "terminated" && asRecord(e.before)?.status !== "terminated"));
    const kind = created || startedSince ? "added" : ended && (c.retiredAt || c.status === "terminated") ? "retired" : "changed";
    const fields = [...new Set(entries.filter((e) => e.before !== null).flatMap((e) => changedFields(e.before, e.after)))];
    const on = kind === "added" ? (created?.on ?? c.contractStart!) : entries.at(-1)!.on;
    return { area: "contractor" as const, code: c.corporateNumber, name: c.name, kind, on, details: kind === "changed" && fields.length ? [{ fields }] : [] };
  });
}

/** Posts: created, retired or edited since (the audit trail), and each holder appointed or whose term ended since (the appointments' own dates). */
async function postChanges(since: string, today: string): Promise<ChangeFacts[]> {
  const db = await getDb();
  const [posts, trail, appts] = await Promise.all([
    db
      .select({ id: pmsPosts.id, code: pmsPosts.code, title: pmsPosts.title, retiredAt: pmsPosts.retiredAt, retired: tokyoDay(pmsPosts.retiredAt) })
      .from(pmsPosts),
    trailSince("pms_post", since),
    db
      .select({ postId: pmsAppointments.postId, fromDate: pmsAppointments.fromDate, toDate: pmsAppointments.toDate, userName: users.name, employeeName: employees.name })
      .from(pmsAppointments)
      .leftJoin(users, eq(users.id, pmsAppointments.userId))
      .leftJoin(employees, eq(employees.id, pmsAppointments.employeeId))
      .where(
        and(
          isNull(pmsAppointments.retiredAt),
          sql`((${pmsAppointments.fromDate} >= ${since} and ${pmsAppointments.fromDate} <= ${today}) or (${pmsAppointments.toDate} >= ${since} and ${pmsAppointments.toDate} < ${today}))`,
        ),
      ),
  ]);
  const out: ChangeFacts[] = [];
  for (const p of posts) {
    const entries = trail.filter((e) => e.entityId === String(p.id));
    const added = entries.some((e) => e.action === "create");
    const retired = !!p.retiredAt && entries.some((e) => e.action === "retire");
    const fields = [...new Set(entries.filter((e) => e.action === "update").flatMap((e) => changedFields(e.before, e.after)))];
    const events: ChangeDetail[] = [];
    for (const a of appts.filter((x) => x.postId === p.id).sort((x, y) => compareDates(x.fromDate, y.fromDate))) {
      const person = a.userName ?? a.employeeName ?? "";
      if (compareDates(a.fromDate, since) >= 0 && compareDates(a.fromDate, today) <= 0) events.push({ event: "appointed", values: { person, date: a.fromDate.replaceAll("-", "/") } });
      if (a.toDate && compareDates(a.toDate, since) >= 0 && compareDates(a.toDate, today) < 0) events.push({ event: "appointmentEnded", values: { person, date: a.toDate.replaceAll("-", "/") } });
    }
    if (!added && !retired && fields.length === 0 && events.length === 0) continue;
    const kind = added ? "added" : retired ? "retired" : "changed";
    const dates = [...entries.map((e) => e.on), ...appts.filter((x) => x.postId === p.id).flatMap((a) => [a.fromDate, a.toDate ?? ""]).filter((d) => d && compareDates(d, since) >= 0 && compareDates(d, today) <= 0)];
    const on = kind === "added" ? entries.find((e) => e.action === "create")!.on : kind === "retired" ? p.retired : dates.sort(compareDates).at(-1)!;
    out.push({ area: "post", code: p.code, name: p.title, kind, on, details: [...(fields.length ? [{ fields }] : []), ...events] });
  }
  return out;
}

/** Regulations: established since (the first version took effect since), revised (a later version took effect since), retired by a review approved since, or edited (the audit trail). */
async function regulationChanges(since: string): Promise<ChangeFacts[]> {
  const db = await getDb();
  const [regs, versions, retiring, trail] = await Promise.all([
    db.select({ id: regulations.id, code: regulations.code, title: regulations.title, status: regulations.status }).from(regulations),
    db
      .select({ regulationId: regulationVersions.regulationId, versionNumber: regulationVersions.versionNumber, effectiveDate: regulationVersions.effectiveDate, summary: regulationVersions.summary })
      .from(regulationVersions)
      .orderBy(asc(regulationVersions.effectiveDate), asc(regulationVersions.versionNumber)),
    db
      .select({ regulationId: regulationReviews.regulationId, approvedOn: regulationReviews.approvedOn })
      .from(regulationReviews)
      .where(and(eq(regulationReviews.outcome, "retired"), eq(regulationReviews.state, "approved"), gte(regulationReviews.approvedOn, since))),
    trailSince("regulation", since),
  ]);
  const out: ChangeFacts[] = [];
  for (const r of regs) {
    const own = versions.filter((v) => v.regulationId === r.id);
    const created = trail.find((e) => e.entityId === String(r.id) && e.action === "create");
    // Established since: its first version took effect on or after the day (a draft never in force: made since).
    const added = own.length ? compareDates(own[0].effectiveDate, since) >= 0 : !!created;
    const retiredOn = r.status === "retired" ? retiring.find((x) => x.regulationId === r.id)?.approvedOn ?? null : null;
    const vs = own.filter((v) => compareDates(v.effectiveDate, since) >= 0 && (!added || v !== own[0]));
    const fields = [...new Set(trail.filter((e) => e.entityId === String(r.id) && e.action === "update").flatMap((e) => changedFields(e.before, e.after)))].filter(
      (f) => !["currentVersion", "effectiveDate", "status"].includes(f),
    );
    if (!added && !retiredOn && vs.length === 0 && fields.length === 0) continue;
    const kind = added ? "added" : retiredOn ? "retired" : "changed";
    const details: ChangeDetail[] = [
      ...vs.map((v): ChangeDetail => ({ event: "version", values: { version: v.versionNumber, date: v.effectiveDate.replaceAll("-", "/"), summary: v.summary } })),
      ...(fields.length ? [{ fields }] : []),
    ];
    const on = kind === "added" ? (own[0]?.effectiveDate ?? created!.on) : retiredOn ?? [...vs.map((v) => v.effectiveDate), ...trail.filter((e) => e.entityId === String(r.id)).map((e) => e.on)].sort(compareDates).at(-1)!;
    out.push({ area: "regulation", code: r.code, name: r.title, kind, on, details });
  }
  return out;
}

function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** The audit trail of an entity kind from Tokyo midnight of `since`, oldest first. */
async function trailSince(entity: string, since: string) {
  const db = await getDb();
  return db
    .select({ entityId: auditLog.entityId, action: auditLog.action, before: auditLog.before, after: auditLog.after, on: tokyoDay(auditLog.occurredAt) })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), sql`${auditLog.occurredAt} >= ${tokyoStart(since)}`))
    .orderBy(asc(auditLog.id));
}
