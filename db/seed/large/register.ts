import { addDays } from "@/lib/dates";
import { nextRegisterReviewDue } from "@/lib/register/review";
import { ITEMS, PURPOSES, risksFor } from "../register";
import { mulberry32 } from "../random";
import { syncIdentity, type Sink } from "./sink";

/**
 * The personal information register at benchmark scale (docs/domain.md §6): 2,000 items × factor, each
 * a variant of one of RUFT's demo items (db/seed/register.ts) in a random department with 0–2
 * contractors, and 5 risks per item (10,000 × factor), one per lifecycle stage, from the same risk
 * catalogue. Reviews spread over the last 500 days (about a quarter overdue), ~3 % retired, about
 * two in five low residual risks accepted. Each item has its first version in the history.
 * Deterministic for a given `today` and factor.
 */

const BASE_ITEMS = 2_000;
const RISKS_PER_ITEM = 5;
const SEED = 150_016;
const V = ["version", "created_at", "updated_at"] as const;
const ITEM_COLS = [
  "id", "code", "name", "kind", "data_subjects", "data_items", "person_count", "form", "acquisition_method", "notice_or_consent",
  "owner_department_id", "storage_place", "storage_method", "access_scope", "use_period", "retention_period", "disposal_method",
  "provision", "provision_basis", "abroad_countries", "last_reviewed_on", "review_interval_months", "next_review_due_on", "note", "created_by", "retired_at", ...V,
];
const RISK_COLS = [
  "id", "item_id", "stage", "threat", "description", "likelihood", "impact", "countermeasures", "residual_likelihood", "residual_impact",
  "accepted_on", "accepted_by", "accepted_by_name", "acceptance_note", "retired_at", ...V,
];

type Load = (table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>) => Promise<void>;

export async function seedLargeRegister(sink: Sink, load: Load, ctx: { today: string; factor: number }): Promise<void> {
  const rnd = mulberry32(SEED);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const d = (daysAgo: number) => addDays(ctx.today, -daysAgo);
  const ts = (daysAgo: number) => new Date(`${d(daysAgo)}T10:00:00+09:00`);
  const departments = (await sink.query<{ id: number }>("select id from departments where retired_at is null order by id")).map((r) => r.id);
  const contractors = (await sink.query<{ id: number; name: string }>("select id, name from contractors order by id")).slice(0, 500);
  const [manager] = await sink.query<{ id: number; name: string }>("select id, name from users where role = 'privacy_manager' order by id limit 1");

  const livePurposes = PURPOSES.filter((p) => !p.retired);
  await load(
    "purposes_of_use",
    ["id", "code", "text", "sort_order", ...V],
    livePurposes.map((p, i) => [i + 1, p.code, p.text, (i + 1) * 10, 1, ts(1500), ts(1500)]),
  );
  const purposeId = new Map(livePurposes.map((p, i) => [p.code, i + 1]));

  const n = Math.max(1, Math.round(BASE_ITEMS * ctx.factor));
  const items: unknown[][] = [];
  const itemPurposes: unknown[][] = [];
  const itemContractors: unknown[][] = [];
  const versions: unknown[][] = [];
  const risks: unknown[][] = [];
  let riskId = 0;
  const templates = ITEMS.filter((s) => !s.retired);
  for (let id = 1; id <= n; id++) {
    const s = pick(templates);
    const registeredDaysAgo = 400 + Math.floor(rnd() * 1500);
    const reviewed = rnd() < 0.9 ? Math.floor(rnd() * 500) : null;
    const lastReviewedOn = reviewed === null ? null : d(reviewed);
    const retired = rnd() < 0.03;
    const next = nextRegisterReviewDue({ lastReviewedOn, registeredOn: d(registeredDaysAgo), reviewIntervalMonths: 12 });
    const dept = pick(departments);
    const persons = s.persons === null ? null : Math.max(1, Math.round(s.persons * (0.2 + rnd() * 1.6)));
    const code = `PI-L${String(id).padStart(5, "0")}`;
    const name = `${s.name}（${pick(["本社", "大阪支店", "名古屋支店", "福岡支店", "札幌支店", "子会社移管分", "旧システム分"])}・${id}）`;
    const created = ts(registeredDaysAgo);
    const retiredAt = retired ? ts(Math.floor(rnd() * 300)) : null;
    items.push([
      id, code, name, s.kind ?? "personal", s.subjects, s.items, persons, s.form, s.acquisition, s.notice,
      dept, s.storagePlace, s.storageMethod, s.access, s.usePeriod, s.retention, s.disposal,
      s.provision ?? "none", s.provisionBasis ?? null, s.abroad ?? [], lastReviewedOn, 12, next, null, manager?.id ?? null, retiredAt, 1, created, retiredAt ?? created,
    ]);
    const pids = s.purposes.map((c) => purposeId.get(c)).filter((x): x is number => x !== undefined);
    for (const pid of pids) itemPurposes.push([id, pid]);
    const cids = new Set<number>();
    const k = Math.floor(rnd() * 3);
    for (let j = 0; j < k && contractors.length; j++) cids.add(pick(contractors).id);
    for (const cid of cids) itemContractors.push([id, cid]);
    versions.push([
      id, id, 1,
      { code, name, kind: s.kind ?? "personal", dataSubjects: s.subjects, dataItems: s.items, personCount: persons, form: s.form, acquisitionMethod: s.acquisition, purposes: pids, contractors: [...cids], ownerDepartmentId: dept, lastReviewedOn, nextReviewDueOn: next },
      "created", manager?.id ?? null, created,
    ]);
    // One risk per stage: the template's first risk of each stage.
    const byStage = new Map<string, ReturnType<typeof risksFor>[number]>();
    for (const r of risksFor(s)) if (!byStage.has(r.stage)) byStage.set(r.stage, r);
    for (const r of [...byStage.values()].slice(0, RISKS_PER_ITEM)) {
      riskId++;
      const bump = rnd() < 0.15 ? 1 : 0;
      const l = Math.min(5, r.l + bump);
      const accepted = !retired && reviewed !== null && r.rl * r.ri < 10 && rnd() < 0.4;
      risks.push([
        riskId, id, r.stage, r.threat, r.description.replace(s.name, name), l, r.i,
        r.measures.map(([safeguard, description]) => ({ safeguard, description, regulationId: null })),
        Math.min(r.rl, l), r.ri,
        accepted ? lastReviewedOn : null, accepted ? (manager?.id ?? null) : null, accepted ? (manager?.name ?? "個人情報保護管理者") : null, accepted ? "対策の実施を確認し、残存リスクを受容" : null,
        retiredAt, 1, created, created,
      ]);
    }
  }
  await load("register_items", ITEM_COLS, items);
  await load("register_item_purposes", ["item_id", "purpose_id"], itemPurposes);
  await load("register_item_contractors", ["item_id", "contractor_id"], itemContractors);
  await load("register_item_versions", ["id", "item_id", "version", "snapshot", "action", "changed_by", "changed_at"], versions);
  await load("register_risks", RISK_COLS, risks);
  for (const table of ["purposes_of_use", "register_items", "register_item_versions", "register_risks"]) await syncIdentity(sink, table);
}
