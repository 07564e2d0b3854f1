import "server-only";
import { and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "@/db";
import { contractorCertifications, contractors, type Contractor } from "@/db/schema";
import { ConflictError, ValidationError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import {
  contractorFlags,
  isCertificationExpired,
  latestAssessment,
  statusChangeProblem,
  violatesBeforeContract,
  type AssessmentFacts,
} from "@/lib/contractors/rules";
import type {
  ChangeStatusInput,
  ContractorDetail,
  ContractorDto,
  ContractorStats,
  CreateContractorInput,
  ExportContractorsQuery,
  ListContractorsQuery,
  UpdateContractorInput,
} from "@/lib/contractors/schema";
import { todayInTokyo } from "@/lib/dates";
import { fiscalYearMonths, fiscalYearOf } from "@/lib/fiscal-year";
import type { ContractorImportRow } from "@/lib/contractors/import";
import type { Locale } from "@/lib/i18n/config";
import { assessmentFactsFor, listAssessmentsFor } from "./assessments";
import { listAuditFor, recordAudit, recordAudits, type AuditInput } from "./audit";
import { query } from "./dashboard/sql";
import { textOrder } from "./training-status";
import { updateVersioned } from "./versioned";

type Facts = Awaited<ReturnType<typeof assessmentFactsFor>>[number];
type Cert = typeof contractorCertifications.$inferSelect;

function toFacts(a: Facts): AssessmentFacts {
  return { id: a.id, assessedOn: a.assessedOn, result: a.result, nextDueOn: a.nextDueOn, withdrawn: a.withdrawnAt !== null };
}

function toDto(c: Contractor, as: Facts[], certs: Cert[], today: string): ContractorDto {
  const facts = as.map(toFacts);
  const latest = latestAssessment(facts);
  const latestRow = latest ? as.find((a) => a.id === latest.id)! : null;
  const liveCerts = certs.filter((x) => x.retiredAt === null);
  return {
    id: c.id,
    name: c.name,
    corporateNumber: c.corporateNumber,
    services: c.services,
    dataCategories: c.dataCategories ?? [],
    dataVolume: c.dataVolume,
    contractStart: c.contractStart,
    contractEnd: c.contractEnd,
    status: c.status,
    contactName: c.contactName,
    contactEmail: c.contactEmail,
    contactPhone: c.contactPhone,
    reassessmentMonths: c.reassessmentMonths,
    note: c.note,
    certifications: liveCerts.map((x) => ({ id: x.id, kind: x.kind, number: x.number, expiresOn: x.expiresOn, expired: isCertificationExpired(x.expiresOn, today) })),
    latest: latestRow
      ? { id: latestRow.id, assessedOn: latestRow.assessedOn, result: latestRow.result, totalPercent: latestRow.totalPercent, nextDueOn: latestRow.nextDueOn }
      : null,
    flags: contractorFlags(c, facts, liveCerts, today),
    retiredAt: c.retiredAt ? c.retiredAt.toISOString() : null,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

async function withFacts(tx: DbOrTx, rows: Contractor[], today: string): Promise<ContractorDto[]> {
  const ids = rows.map((r) => r.id);
  const [as, certs] = await Promise.all([
    assessmentFactsFor(tx, ids),
    ids.length ? tx.select().from(contractorCertifications).where(inArray(contractorCertifications.contractorId, ids)) : Promise.resolve([] as Cert[]),
  ]);
  // Grouped once: filtering every list per contractor was O(contractors × assessments).
  const group = <T extends { contractorId: number }>(list: readonly T[]) => {
    const by = new Map<number, T[]>();
    for (const x of list) {
      const g = by.get(x.contractorId);
      if (g) g.push(x);
      else by.set(x.contractorId, [x]);
    }
    return by;
  };
  const asBy = group(as);
  const certsBy = group(certs);
  return rows.map((c) => toDto(c, asBy.get(c.id) ?? [], certsBy.get(c.id) ?? [], today));
}

function textFilter(q: Pick<ListContractorsQuery, "q" | "status" | "includeRetired">): SQL | undefined {
  const where: SQL[] = [];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(
      or(
        ilike(contractors.name, like),
        ilike(contractors.corporateNumber, like),
        ilike(contractors.services, like),
        ilike(contractors.contactName, like),
      )!,
    );
  }
  if (q.status) where.push(eq(contractors.status, q.status));
  if (q.includeRetired !== "true") where.push(isNull(contractors.retiredAt));
  return where.length ? and(...where) : undefined;
}

/** localeCompare(…, "ja") with its collator made once, not per comparison. */
const jaText = new Intl.Collator("ja");

const STATUS_ORDER = ["candidate", "conditional", "approved", "suspended", "terminated"];

/**
 * The register. Text and status filter in SQL; the flags, the latest result and the due month come
 * from the rules in lib/contractors/rules.ts (one source of truth), so those filters, the sort and the
 * paging run here on the server over the filtered rows — a register has hundreds of rows, not millions.
 */
async function filteredRegister(q: ExportContractorsQuery, today: string): Promise<ContractorDto[]> {
  const db = await getDb();
  const rows = await db.select().from(contractors).where(textFilter(q)).orderBy(asc(contractors.name), asc(contractors.id));
  let items = await withFacts(db, rows, today);
  if (q.flag === "any") items = items.filter((c) => c.flags.length > 0);
  else if (q.flag) items = items.filter((c) => c.flags.includes(q.flag as ContractorDto["flags"][number]));
  if (q.result === "none") items = items.filter((c) => c.latest === null);
  else if (q.result) items = items.filter((c) => c.latest?.result === q.result);
  if (q.dueMonth) items = items.filter((c) => c.latest?.nextDueOn.startsWith(q.dueMonth!) && (c.status === "approved" || c.status === "conditional"));
  const dir = q.dir === "desc" ? -1 : 1;
  const key = (c: ContractorDto): string | number | null => {
    switch (q.sort) {
      case "status":
        return STATUS_ORDER.indexOf(c.status);
      case "contractStart":
        return c.contractStart;
      case "nextDueOn":
        return c.latest?.nextDueOn ?? null;
      case "latestTotal":
        return c.latest?.totalPercent ?? null;
      default:
        return c.name;
    }
  };
  items.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === kb) return jaText.compare(a.name, b.name) || a.id - b.id;
    if (ka === null) return 1; // empty values last, whichever the direction
    if (kb === null) return -1;
    if (typeof ka === "string" && typeof kb === "string") return dir * jaText.compare(ka, kb);
    return dir * (ka < kb ? -1 : 1);
  });
  return items;
}

/**
 * contractorFlags (lib/contractors/rules.ts) as SQL columns of `c` and its newest live assessment
 * `latest`, so that the list filters, sorts and pages in the database. The page's rows are judged
 * again by the rule itself (withFacts → toDto), and tests/integration/contractors-list-sql.test.ts
 * proves every filter and sort equal to the rule's own (the export, filteredRegister).
 */
function flagColumns(today: string) {
  const day = sql`${today}::date`;
  const beforeContract = sql`(contractors.contract_start is not null and not exists (
      select 1 from assessments p where p.contractor_id = contractors.id and p.withdrawn_at is null
        and p.result in ('approved', 'conditional') and p.assessed_on <= contractors.contract_start))`;
  const overdue = sql`(contractors.status in ('approved', 'conditional') and (contractors.contract_end is null or contractors.contract_end >= ${day})
      and latest.next_due_on < ${day})`;
  const certExpired = sql`(contractors.status <> 'terminated' and exists (
      select 1 from contractor_certifications x where x.contractor_id = contractors.id and x.retired_at is null and x.expires_on < ${day}))`;
  const unsupported = sql`((contractors.status = 'approved' and (latest.id is null or latest.result <> 'approved'))
      or (contractors.status = 'conditional' and (latest.id is null or latest.result = 'rejected')))`;
  return { contract_before_assessment: beforeContract, assessment_overdue: overdue, certification_expired: certExpired, status_unsupported: unsupported };
}

const SORT_STATUS = sql.raw(`array_position(array[${STATUS_ORDER.map((x) => `'${x}'`).join(", ")}]::text[], contractors.status::text)`);

/** One page of the register: filters, sort (empty values last either way, then name, then id) and paging in SQL. */
export async function listContractors(q: ListContractorsQuery, today = todayInTokyo()) {
  const db = await getDb();
  const collate = await textOrder();
  const flags = flagColumns(today);
  const where: SQL[] = [];
  const text = textFilter(q);
  if (text) where.push(text);
  if (q.flag === "any") where.push(sql`(${sql.join(Object.values(flags), sql` or `)})`);
  else if (q.flag) where.push(flags[q.flag as keyof typeof flags]);
  if (q.result === "none") where.push(sql`latest.id is null`);
  else if (q.result) where.push(sql`latest.result = ${q.result}`);
  if (q.dueMonth) where.push(sql`to_char(latest.next_due_on, 'YYYY-MM') = ${q.dueMonth} and contractors.status in ('approved', 'conditional')`);
  const key =
    q.sort === "status" ? SORT_STATUS
    : q.sort === "contractStart" ? sql`contractors.contract_start`
    : q.sort === "nextDueOn" ? sql`latest.next_due_on`
    : q.sort === "latestTotal" ? sql`latest.total_percent`
    : sql`contractors.name${collate}`;
  const dir = sql.raw(q.dir === "desc" ? "desc" : "asc");
  const rows = await query<{ id: number; total: number | string }>(
    db,
    sql`
      select contractors.id, count(*) over () as total
      from contractors
      left join lateral (
        select a.id, a.result::text as result, a.next_due_on, a.total_percent from assessments a
        where a.contractor_id = contractors.id and a.withdrawn_at is null
        order by a.assessed_on desc, a.id desc limit 1
      ) latest on true
      ${where.length ? sql`where ${and(...where)}` : sql``}
      order by ${key} ${dir} nulls last, contractors.name${collate} asc, contractors.id asc
      limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  let total = rows.length ? Number(rows[0].total) : 0;
  if (rows.length === 0 && q.page > 1) {
    const [r] = await query<{ n: number | string }>(
      db,
      sql`select count(*) as n from contractors
        left join lateral (
          select a.id, a.result::text as result, a.next_due_on, a.total_percent from assessments a
          where a.contractor_id = contractors.id and a.withdrawn_at is null
          order by a.assessed_on desc, a.id desc limit 1
        ) latest on true
        ${where.length ? sql`where ${and(...where)}` : sql``}`,
    );
    total = Number(r?.n ?? 0);
  }
  const ids = rows.map((r) => Number(r.id));
  const page = ids.length ? await db.select().from(contractors).where(inArray(contractors.id, ids)) : [];
  const byId = new Map(page.map((c) => [c.id, c]));
  const items = await withFacts(db, ids.map((id) => byId.get(id)!), today);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function listContractorsForExport(q: ExportContractorsQuery, today = todayInTokyo()) {
  return filteredRegister(q, today);
}

export async function getContractor(id: number, today = todayInTokyo(), tx?: DbOrTx): Promise<ContractorDto | null> {
  const db = tx ?? (await getDb());
  const [row] = await db.select().from(contractors).where(eq(contractors.id, id));
  if (!row) return null;
  const [dto] = await withFacts(db, [row], today);
  return dto;
}

export async function getContractorDetail(id: number, locale: Locale, today = todayInTokyo()): Promise<ContractorDetail | null> {
  const contractor = await getContractor(id, today);
  if (!contractor) return null;
  const [assessmentsList, trail] = await Promise.all([listAssessmentsFor(id, locale), listAuditFor("contractor", id, 50)]);
  return {
    contractor,
    assessments: assessmentsList,
    history: trail.map((h) => ({ id: h.id, occurredAt: h.occurredAt.toISOString(), action: h.action, actorEmail: h.actorEmail })),
  };
}

function values(input: CreateContractorInput) {
  return {
    name: input.name,
    corporateNumber: input.corporateNumber,
    services: input.services,
    dataCategories: input.dataCategories,
    dataVolume: input.dataVolume,
    contractStart: input.contractStart,
    contractEnd: input.contractEnd,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
    contactPhone: input.contactPhone,
    reassessmentMonths: input.reassessmentMonths,
    note: input.note,
  };
}

async function assertUniqueCorporateNumber(tx: Tx, corporateNumber: string | null, excludeId?: number) {
  if (!corporateNumber) return;
  const [dup] = await tx.select({ id: contractors.id }).from(contractors).where(eq(contractors.corporateNumber, corporateNumber));
  if (dup && dup.id !== excludeId)
    throw new ConflictError("problems.duplicate", {}, [{ field: "corporateNumber", code: "duplicate", messageKey: "contractors.errors.corporateNumberTaken" }]);
}

/** §4(2): a contract start is only entered when an approved (or conditional) assessment is dated on or before it. */
async function assertContractAfterAssessment(tx: Tx, contractorId: number | null, contractStart: string | null) {
  if (!contractStart) return;
  const facts = contractorId ? (await assessmentFactsFor(tx, [contractorId])).map(toFacts) : [];
  if (violatesBeforeContract(contractStart, facts))
    throw new ValidationError(
      [{ field: "contractStart", code: "before_assessment", messageKey: "contractors.errors.contractBeforeAssessment" }],
      "contractors.errors.contractBeforeAssessmentTitle",
    );
}

/** Certifications as sent: matching (kind, number) rows are updated, missing ones retired, new ones added. */
async function syncCertifications(tx: Tx, contractorId: number, certs: CreateContractorInput["certifications"]) {
  const existing = await tx
    .select()
    .from(contractorCertifications)
    .where(and(eq(contractorCertifications.contractorId, contractorId), isNull(contractorCertifications.retiredAt)));
  const keyOf = (x: { kind: string; number: string }) => `${x.kind}\u0000${x.number}`;
  const wanted = new Map(certs.map((c) => [keyOf(c), c]));
  for (const e of existing) {
    const w = wanted.get(keyOf(e));
    if (!w) await tx.update(contractorCertifications).set({ retiredAt: new Date() }).where(eq(contractorCertifications.id, e.id));
    else if (w.expiresOn !== e.expiresOn) await tx.update(contractorCertifications).set({ expiresOn: w.expiresOn }).where(eq(contractorCertifications.id, e.id));
    wanted.delete(keyOf(e));
  }
  if (wanted.size) await tx.insert(contractorCertifications).values([...wanted.values()].map((c) => ({ contractorId, ...c })));
}

export async function createContractor(actor: SessionUser, input: CreateContractorInput, today = todayInTokyo()): Promise<ContractorDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await assertUniqueCorporateNumber(tx, input.corporateNumber);
    // A new contractor has no assessment yet, so any contract start is refused: assess first.
    await assertContractAfterAssessment(tx, null, input.contractStart);
    const [row] = await tx.insert(contractors).values({ ...values(input), status: "candidate" }).returning();
    await syncCertifications(tx, row.id, input.certifications);
    await recordAudit(tx, actor, { action: "create", entity: "contractor", entityId: row.id, after: { ...row, certifications: input.certifications } });
    return (await getContractor(row.id, today, tx))!;
  });
}

function contractorWrite(id: number, version: number) {
  return { table: contractors, entity: "contractor", id, version };
}

export async function updateContractor(actor: SessionUser, id: number, input: UpdateContractorInput, today = todayInTokyo()): Promise<ContractorDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    let certsBefore: Pick<typeof contractorCertifications.$inferSelect, "kind" | "number" | "expiresOn">[] = [];
    await updateVersioned(tx, actor, {
      ...contractorWrite(id, input.version),
      change: async (before) => {
        await assertUniqueCorporateNumber(tx, input.corporateNumber, id);
        // Only a changed start is checked: an already flagged contractor can still have its phone number fixed.
        if (input.contractStart !== before.contractStart) await assertContractAfterAssessment(tx, id, input.contractStart);
        certsBefore = await tx
          .select({ kind: contractorCertifications.kind, number: contractorCertifications.number, expiresOn: contractorCertifications.expiresOn })
          .from(contractorCertifications)
          .where(and(eq(contractorCertifications.contractorId, id), isNull(contractorCertifications.retiredAt)));
        return values(input);
      },
      afterUpdate: () => syncCertifications(tx, id, input.certifications),
      audit: (before, after) => ({ before: { ...before, certifications: certsBefore }, after: { ...after, certifications: input.certifications } }),
    });
    return (await getContractor(id, today, tx))!;
  });
}

/** approved needs an approved newest assessment (never a rejected one); conditional an approved or conditional one. */
export async function changeContractorStatus(actor: SessionUser, id: number, input: ChangeStatusInput, today = todayInTokyo()): Promise<ContractorDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await updateVersioned(tx, actor, {
      ...contractorWrite(id, input.version),
      change: async (before) => {
        if (before.retiredAt) throw new ConflictError("contractors.errors.retired");
        const latest = latestAssessment((await assessmentFactsFor(tx, [id])).map(toFacts));
        const problem = statusChangeProblem(input.status, latest);
        if (problem) throw new ValidationError([{ field: "status", code: "not_allowed", messageKey: problem }], problem);
        return { status: input.status };
      },
      audit: (before, after) => ({ before, after: { ...after, reason: input.reason } }),
    });
    return (await getContractor(id, today, tx))!;
  });
}

/** Charts: latest results, statuses, flags, and assessments due per month of the fiscal year. */
/**
 * The register's figures for the contractors page: one GROUP BY over the live, not terminated
 * contractors by status, latest result, each flag (flagColumns, the rule as SQL) and due month.
 */
export async function contractorStats(fy: number | undefined, fyStartMonth: number, today = todayInTokyo()): Promise<ContractorStats> {
  const fiscalYear = fy ?? fiscalYearOf(today, fyStartMonth);
  const db = await getDb();
  const flagSql = flagColumns(today);
  const keys = Object.keys(flagSql) as (keyof typeof flagSql)[];
  const groups = await query<Record<string, unknown> & { status: string; result: string | null; due_month: string | null; n: number | string }>(
    db,
    sql`select contractors.status::text as status, latest.result, to_char(latest.next_due_on, 'YYYY-MM') as due_month,
               ${sql.join(keys.map((k) => sql`${flagSql[k]} as ${sql.identifier(k)}`), sql`, `)}, count(*) as n
        from contractors
        left join lateral (
          select a.id, a.result::text as result, a.next_due_on from assessments a
          where a.contractor_id = contractors.id and a.withdrawn_at is null
          order by a.assessed_on desc, a.id desc limit 1
        ) latest on true
        where contractors.retired_at is null and contractors.status <> 'terminated'
        group by 1, 2, 3, ${sql.join(keys.map((_, i) => sql.raw(String(i + 4))), sql`, `)}`,
  );
  const results = { approved: 0, conditional: 0, rejected: 0, none: 0 };
  const statuses: Record<string, number> = {};
  const flags: Record<string, number> = {};
  let flagged = 0;
  const months = fiscalYearMonths(fiscalYear, fyStartMonth);
  const due = new Map(months.map((m) => [m, 0]));
  for (const g of groups) {
    const n = Number(g.n);
    const on = keys.filter((k) => g[k] === true);
    if (on.length) flagged += n;
    results[(g.result ?? "none") as keyof typeof results] += n;
    statuses[g.status] = (statuses[g.status] ?? 0) + n;
    for (const f of on) flags[f] = (flags[f] ?? 0) + n;
    if ((g.status === "approved" || g.status === "conditional") && g.due_month && due.has(g.due_month)) due.set(g.due_month, due.get(g.due_month)! + n);
  }
  return { fiscalYear, results, statuses, flags, flagged, dueByMonth: months.map((m) => ({ month: m, count: due.get(m)! })) };
}

export type ContractorImportChange = {
  line: number;
  action: "insert" | "update" | "unchanged";
  id: number | null;
  name: string;
  /** Flags the row has once stored (a contract start without a prior assessment is flagged, not refused). */
  flags: ContractorDto["flags"];
};

/**
 * The register import, all-or-nothing: `preview` stores nothing; `commit` writes every row in one
 * transaction (each audited) or, on any problem, nothing. Rows match by 法人番号, or by exact name.
 */
export async function importContractors(
  actor: SessionUser,
  rows: ContractorImportRow[],
  mode: "preview" | "commit",
  today = todayInTokyo(),
): Promise<{ changes: ContractorImportChange[]; committed: boolean }> {
  const db = await getDb();
  const run = async (tx: DbOrTx) => {
    const existing = await tx.select().from(contractors);
    const byNumber = new Map(existing.filter((c) => c.corporateNumber).map((c) => [c.corporateNumber!, c]));
    const byName = new Map(existing.filter((c) => !c.corporateNumber).map((c) => [c.name, c]));
    const facts = await assessmentFactsFor(
      tx,
      existing.map((c) => c.id),
    );
    const certs = existing.length ? await tx.select().from(contractorCertifications).where(isNull(contractorCertifications.retiredAt)) : [];
    const changes: ContractorImportChange[] = [];
    // Audited after every row is written: the audit chain's lock is held from the first audit row to
    // the commit, and must not be held while waiting for a contractor someone is editing.
    const audits: AuditInput[] = [];
    for (const r of rows) {
      const match = r.input.corporateNumber ? byNumber.get(r.input.corporateNumber) : byName.get(r.input.name);
      const next = { ...values(r.input), status: r.status ?? match?.status ?? ("candidate" as const) };
      const cFacts = match ? facts.filter((a) => a.contractorId === match.id).map(toFacts) : [];
      const cCerts = match ? certs.filter((x) => x.contractorId === match.id) : [];
      const flags = contractorFlags(next, cFacts, cCerts, today);
      if (!match) {
        let id: number | null = null;
        if (mode === "commit") {
          const [row] = await tx.insert(contractors).values(next).returning();
          id = row.id;
          audits.push({ action: "import", entity: "contractor", entityId: row.id, after: row });
        }
        changes.push({ line: r.line, action: "insert", id, name: r.input.name, flags });
        continue;
      }
      const same = (Object.keys(next) as (keyof typeof next)[]).every((k) => JSON.stringify(next[k] ?? null) === JSON.stringify(match[k] ?? null));
      if (!same && mode === "commit") {
        const [after] = await tx
          .update(contractors)
          .set({ ...next, version: match.version + 1, updatedAt: new Date() })
          .where(eq(contractors.id, match.id))
          .returning();
        audits.push({ action: "import", entity: "contractor", entityId: match.id, before: match, after });
      }
      changes.push({ line: r.line, action: same ? "unchanged" : "update", id: match.id, name: r.input.name, flags });
    }
    await recordAudits(tx, actor, audits);
    return changes;
  };
  if (mode === "preview") return { changes: await run(db), committed: false };
  const changes = await db.transaction(run);
  return { changes, committed: true };
}
