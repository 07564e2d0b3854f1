import { addDays } from "@/lib/dates";
import { DEFAULT_FY_START_MONTH, fiscalYearOf } from "@/lib/fiscal-year";
import { recordRequired, retention, abroadProblem } from "@/lib/provisions/rules";
import type { ProvisionGround, RecordForm } from "@/lib/provisions/enums";
import { answerProblem, DEFAULT_REQUEST_RETENTION_MONTHS, requestDisposableFrom } from "@/lib/requests/answer";
import { feeAllowed } from "@/lib/requests/fee";
import type { RefusalGround, RequestDecision, RequestKind } from "@/lib/requests/enums";
import { FAMILY_NAMES, GIVEN_FEMALE, GIVEN_MALE } from "../names";
import { mulberry32 } from "../random";
import { syncIdentity, type Sink } from "./sink";

/**
 * The rest of the large data set (issue 7, "Scale"), five fiscal years of a 20,000-employee company
 * at factor 1 — the tables the benchmark's later endpoints read:
 * - 1,500 requests from individuals (docs/domain.md §7) across kinds, channels and stages: most
 *   answered (on time, a few late), some withdrawn, the last weeks' still open (awaiting identity,
 *   the fee, or in progress; some past due); those closed more than 36 months ago disposed of.
 *   Every answer passes lib/requests/answer.ts answerProblem; about two in three name a register item;
 * - 40 joint uses (a few ended), 20,000 provision records by ground and record form, retention dates
 *   from lib/provisions/rules.ts, most of those past their retention disposed of; half name a register item;
 * - 200 register reviews (item reviews plus one whole-register review per fiscal year);
 * - 300 training import history entries (the LMS's monthly files and HR's ad-hoc ones);
 * - 20,000 notifications to the demo users (all but the last few hundred read) and 10,000 deliveries
 *   (e-mails of immediate notifications and webhook calls; a few failed, a few still pending).
 * Deterministic for a given `today` and factor. Runs after the register (it reads the register items,
 * regulations, contractors, findings and users back from the open transaction).
 */

const SEED = 150_021;
const FYS = 5;
const V = ["version", "created_at", "updated_at"] as const;

export const REQUEST_BASE = {
  disclosureRequests: 1_500,
  jointUses: 40,
  provisionRecords: 20_000,
  registerReviews: 200,
  trainingImports: 300,
  notifications: 20_000,
  notificationDeliveries: 10_000,
} as const;

const REQ_COLS = [
  "id", "reference", "fiscal_year", "seq", "kind", "channel", "received_on", "requester_name", "requester_contact", "requester_address",
  "via_agent", "agent_name", "agent_relationship", "details", "disclosure_method", "identity_requested_on", "identity_checked_on", "identity_method",
  "identity_checked_by", "fee_excl_tax", "fee_tax_rate_percent", "fee_estimated_on", "fee_requested_on", "fee_paid_on", "fee_waived", "decision",
  "refusal_ground", "decision_reason", "answered_on", "answer_method", "answer_note", "withdrawn_on", "disposed_on", "retired_at", ...V,
];
const JOINT_COLS = ["id", "title", "purpose", "partners", "data_items", "responsible_name", "responsible_address", "responsible_representative", "published_on", "retired_at", ...V];
const PROV_COLS = [
  "id", "direction", "ground", "consent_method", "counterparty_name", "counterparty_address", "counterparty_representative", "source_how_obtained",
  "persons", "data_items", "provided_from", "provided_to", "record_form", "recorded_on", "contractor_id", "joint_use_id", "abroad_country",
  "equivalent_system", "country_system", "recipient_measures", "informed_before_consent", "record_required", "retain_until", "disposable_from",
  "disposed_on", "disposed_by_name", "disposal_note", "retired_at", ...V,
];
const RR_COLS = ["id", "item_id", "reviewed_on", "reviewer", "reviewer_id", "result", "changes", "risks_reviewed", "created_at"];
const IMPORT_COLS = ["id", "file_name", "encoding", "row_count", "inserted_count", "skipped_count", "imported_by", "imported_at"];
const NOTE_COLS = ["id", "user_id", "rule", "record_key", "due_on", "type", "kind", "stage", "values", "href", "escalated", "digest_on", "created_at", "read_at"];
const DELIVERY_COLS = ["id", "key", "channel", "notification_id", "user_id", "digest_on", "payload", "status", "attempts", "next_attempt_at", "claimed_at", "last_error", "sent_at", "created_at"];

const KINDS: [RequestKind, number][] = [
  ["disclosure", 0.38], ["purpose_notice", 0.08], ["provision_record_disclosure", 0.06], ["correction", 0.18], ["stop_use", 0.22], ["stop_provision", 0.08],
];
const DETAILS: Record<RequestKind, string> = {
  disclosure: "私の登録情報および利用履歴の開示を求めます。",
  purpose_notice: "私の個人情報の利用目的の通知を求めます。",
  provision_record_disclosure: "私の個人データを第三者に提供した記録の開示を求めます。",
  correction: "登録されている住所・電話番号が旧いため、訂正を求めます。",
  stop_use: "案内メールへの利用を停止してください。",
  stop_provision: "提携先への個人データ提供を停止してください。",
};
const PARTNERS = ["株式会社エンゲージパートナーズ", "株式会社ワークスタイル研究所", "株式会社キャリアリンク", "株式会社アドバンスマーケティング", "株式会社ギフトデリバリー", "株式会社サンプル商事", "株式会社データブリッジ", "株式会社ひかり総研"];
const PREFS = ["東京都渋谷区", "東京都港区", "大阪府大阪市北区", "愛知県名古屋市中区", "福岡県福岡市博多区", "北海道札幌市中央区", "神奈川県横浜市西区"];
const ITEMS_OF_DATA = ["氏名、住所、電話番号", "氏名、会社名、メールアドレス", "氏名、所属部署、サーベイ回答", "氏名、職務経歴、連絡先", "氏名、メールアドレス、回答内容", "会社名、役職、回答データ"];
const NOTE_ERRORS = ["SMTP 421 4.7.0 Try again later", "SMTP 550 5.1.1 User unknown", "connect ETIMEDOUT", "HTTP 502 Bad Gateway", "HTTP 410 Gone"];

type Load = (table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>) => Promise<void>;

export async function seedLargeRequests(sink: Sink, load: Load, ctx: { today: string; factor: number }): Promise<void> {
  const rnd = mulberry32(SEED);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const weighted = <T>(xs: readonly [T, number][]): T => {
    let r = rnd();
    for (const [x, p] of xs) if ((r -= p) < 0) return x;
    return xs[xs.length - 1][0];
  };
  const today = ctx.today;
  const n = (base: number, min = 1) => Math.max(min, Math.round(base * ctx.factor));
  const d = (ago: number) => addDays(today, -ago);
  const ts = (day: string, h = 10, m = 0) => new Date(`${day}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00+09:00`);
  const min = (a: string, b: string) => (a < b ? a : b);
  const person = () => `${pick(FAMILY_NAMES)} ${pick(rnd() < 0.5 ? GIVEN_MALE : GIVEN_FEMALE)}`;
  const fyFirst = `${fiscalYearOf(today, DEFAULT_FY_START_MONTH) - (FYS - 1)}-04-01`;
  const span = Math.round((Date.parse(today) - Date.parse(fyFirst)) / 86_400_000);

  const users = await sink.query<{ id: number; name: string; role: string; is_demo: boolean }>("select id, name, role, is_demo from users order by id");
  const manager = users.find((u) => u.role === "privacy_manager" && u.is_demo) ?? users.find((u) => u.role === "privacy_manager")!;
  const hr = users.find((u) => u.role === "hr" && u.is_demo) ?? manager;
  const demo = users.filter((u) => u.is_demo);
  const items = await sink.query<{ id: number; code: string; name: string }>("select id, code, name from register_items where retired_at is null order by id");
  const contractors = await sink.query<{ id: number; name: string }>("select id, name from contractors order by id limit 500");
  const regulations = await sink.query<{ id: number; code: string; title: string }>("select id, code, title from regulations order by id");
  const findings = await sink.query<{ id: number; audit_id: number; clause_ref: string | null; description: string }>(
    "select id, audit_id, clause_ref, description from audit_findings where grade in ('major_nc', 'minor_nc') order by id limit 3000",
  );
  const courses = await sink.query<{ id: number; code: string; title: string }>("select id, code, title from courses order by id");

  // --- requests from individuals ---------------------------------------------------------------
  type Req = { received: string; row: unknown[] };
  const reqs: Req[] = [];
  for (let i = 0; i < n(REQUEST_BASE.disclosureRequests); i++) {
    // Evenly over the five years, a little denser lately; the last 60 days always have some open.
    const ago = i < n(60, 6) ? int(0, 50) : Math.floor(span * Math.pow(rnd(), 1.15));
    const received = d(ago);
    const kind = weighted(KINDS);
    // A few are withdrawn within days: nothing after that day happens.
    const withdrawn = rnd() < 0.05 ? min(addDays(received, int(2, 20)), today) : null;
    const upTo = (day: string | null) => (day !== null && day <= (withdrawn ?? today) ? day : null);
    const channel = weighted([["email", 0.45], ["web_form", 0.3], ["post", 0.18], ["in_person", 0.07]] as const);
    const viaAgent = rnd() < 0.06;
    const name = person();
    const dm = kind === "disclosure" || kind === "provision_record_disclosure" ? weighted([["electronic", 0.75], ["paper", 0.22], ["other", 0.03]] as const) : null;
    // Identity: at once (registered details, in person) or after documents were asked for (the clock pauses).
    const asked = rnd() < 0.35 || viaAgent;
    const idRequested = asked ? min(addDays(received, int(0, 2)), today) : null;
    const neverChecked = rnd() < 0.03;
    const idChecked = neverChecked ? null : upTo(asked ? addDays(idRequested!, int(2, 12)) : addDays(received, int(0, 2)));
    const idMethod = idChecked === null ? null : viaAgent ? "agent_authority" : channel === "in_person" ? "in_person_id" : asked ? "id_document_copy" : "registered_details_match";
    // Fee: disclosure kinds, ¥1,000 + 10 %, asked once the identity is confirmed; some waived.
    const fee = feeAllowed(kind);
    const waived = fee && rnd() < 0.15;
    const feeRequested = fee && !waived && idChecked ? idChecked : null;
    const feePaid = feeRequested && rnd() >= 0.02 ? upTo(addDays(feeRequested, int(1, 9))) : null;
    const ready = idChecked !== null && (!fee || waived || feePaid !== null) ? [idChecked, feePaid ?? idChecked].sort()[1] : null;
    let answered: string | null = null;
    let decision: RequestDecision | null = null;
    let ground: RefusalGround | null = null;
    let reason: string | null = null;
    if (withdrawn) {
      // withdrawn: no answer
    } else if (ready !== null) {
      const stall = ago < 50 && rnd() < 0.45;
      const late = rnd() < 0.06;
      const a = addDays(ready, late ? int(12, 30) : int(1, 10));
      if (!stall && a <= today) answered = a;
    } else if (idChecked === null && !asked && ago > 30) {
      // No documents asked and none checked: refused for want of identity — unless recent.
      answered = addDays(received, int(20, 40));
      if (answered > today) answered = null;
    } else if (idChecked === null && ago > 60) {
      answered = addDays(idRequested ?? received, int(25, 45));
      if (answered > today) answered = null;
    }
    if (answered) {
      if (idChecked === null) {
        decision = "refuse";
        ground = "identity_unconfirmed";
        reason = "本人確認書類の提出を依頼したが提出がなく、本人からの請求であることを確認できなかった。";
      } else {
        const r = rnd();
        const correctionish = !fee;
        decision = r < 0.72 ? "comply" : r < 0.84 ? "comply_partly" : r < 0.93 ? "no_data" : "refuse";
        if (decision === "refuse") {
          ground = correctionish ? "no_grounds" : rnd() < 0.6 ? "business_hindrance" : "harm_to_person_or_others";
          reason = correctionish ? "登録内容を確認したところ、事実と相違ないことを確認した。" : "開示により業務の適正な実施に著しい支障を及ぼすおそれがあるため。";
        } else if (decision === "comply_partly") reason = "一部の情報は第三者の権利利益を害するおそれがあるため開示しない。";
        else if (decision === "no_data") reason = "該当する保有個人データはなかった。";
      }
      const problem = answerProblem(
        { kind, receivedOn: received, identityCheckedOn: idChecked, feePaidOn: feePaid, feeWaived: waived, withdrawnOn: null, answeredOn: null },
        { decision: decision!, refusalGround: ground, decisionReason: reason, answeredOn: answered },
        today,
      );
      if (problem) throw new Error(`seedLarge: generated request answer fails ${problem.key}`);
    }
    const disposable = requestDisposableFrom({ answeredOn: answered, withdrawnOn: withdrawn }, DEFAULT_REQUEST_RETENTION_MONTHS);
    const disposed = disposable && disposable <= today && rnd() < 0.85 ? min(addDays(disposable, int(0, 40)), today) : null;
    const contact = channel === "post" ? null : `user${i + 1}@example.jp`;
    const address = channel === "post" ? `${pick(PREFS)}${int(1, 9)}-${int(1, 30)}-${int(1, 20)}` : null;
    const last = disposed ?? answered ?? withdrawn ?? feePaid ?? idChecked ?? received;
    reqs.push({
      received,
      row: [
        0, "", 0, 0, kind, channel, received, disposed ? null : name, disposed ? null : contact, disposed ? null : address,
        viaAgent, viaAgent && !disposed ? person() : null, viaAgent && !disposed ? "親族（委任状あり）" : null, disposed ? null : DETAILS[kind], dm,
        idRequested, idChecked, idMethod, idChecked ? `個人情報保護管理者 ${manager.name}` : null,
        feeRequested ? 1000 : null, feeRequested ? 10 : null, null, feeRequested, feePaid, waived, decision, ground, reason, answered,
        answered ? (dm ?? (channel === "post" ? "paper" : "electronic")) : null, answered && decision === "comply" ? "回答書を送付した。" : null, withdrawn, disposed, null,
        1 + (idChecked ? 1 : 0) + (feePaid ? 1 : 0) + (answered || withdrawn ? 1 : 0) + (disposed ? 1 : 0), ts(received), ts(last, 17),
      ],
    });
  }
  reqs.sort((a, b) => (a.received < b.received ? -1 : a.received > b.received ? 1 : 0));
  const lastSeq = new Map<number, number>();
  const reqItems: unknown[][] = [];
  reqs.forEach((r, i) => {
    const fy = fiscalYearOf(r.received, DEFAULT_FY_START_MONTH);
    const seq = (lastSeq.get(fy) ?? 0) + 1;
    lastSeq.set(fy, seq);
    r.row[0] = i + 1;
    r.row[1] = `REQ-${fy}-${String(seq).padStart(3, "0")}`;
    r.row[2] = fy;
    r.row[3] = seq;
    if (items.length && rnd() < 0.65) reqItems.push([i + 1, pick(items).id]);
  });
  await load("disclosure_requests", REQ_COLS, reqs.map((r) => r.row));
  await load("disclosure_request_counters", ["fiscal_year", "last_seq"], [...lastSeq].map(([fy, s]) => [fy, s]));
  await load("disclosure_request_items", ["request_id", "register_item_id"], reqItems);

  // --- joint uses and provision records --------------------------------------------------------
  const joint: unknown[][] = [];
  const liveJoint: number[] = [];
  for (let id = 1; id <= n(REQUEST_BASE.jointUses, 2); id++) {
    const published = d(int(30, span + 400));
    const retired = id > 1 && rnd() < 0.12 ? min(addDays(published, int(200, 900)), d(1)) : null;
    if (!retired) liveJoint.push(id);
    const partner = pick(PARTNERS);
    joint.push([
      id, `${partner}とのデータの共同利用（${id}）`, "サービスの利用状況の分析及び施策の立案・効果測定のため", `${partner}及びそのグループ会社`, pick(ITEMS_OF_DATA),
      "RUFT株式会社", "東京都渋谷区神南1-2-3", "代表取締役 田中 誠", published, retired ? ts(retired) : null, retired ? 2 : 1, ts(published), ts(retired ?? published),
    ]);
  }
  await load("joint_uses", JOINT_COLS, joint);

  const GROUNDS: [ProvisionGround, number][] = [
    ["consent", 0.55], ["outsourcing", 0.2], ["law", 0.1], ["joint_use", 0.05], ["public_authority", 0.05], ["protect_rights", 0.02], ["succession", 0.02], ["vital_interest", 0.01],
  ];
  const prov: unknown[][] = [];
  const provItems: unknown[][] = [];
  const nProv = n(REQUEST_BASE.provisionRecords);
  // Ids follow time (as records entered day by day would).
  const starts = Array.from({ length: nProv }, () => Math.floor(span * Math.pow(rnd(), 0.9))).sort((a, b) => b - a);
  for (let id = 1; id <= nProv; id++) {
    const ago = starts[id - 1];
    const ground = weighted(GROUNDS);
    const direction = ground === "consent" && rnd() < 0.2 ? "received" : "provided";
    const form: RecordForm = ground === "consent" ? weighted([["individual", 0.5], ["bulk_continuous", 0.3], ["contract_with_person", 0.2]] as const) : "individual";
    const from = d(ago);
    let to: string | null = form === "bulk_continuous" ? addDays(from, int(30, 720)) : form === "contract_with_person" ? addDays(from, int(0, 200)) : rnd() < 0.1 ? addDays(from, int(1, 30)) : null;
    if (to && to > today) to = form === "bulk_continuous" && rnd() < 0.5 ? null : today;
    const recorded = min(addDays(to ?? from, int(0, 3)), today);
    const kept = retention({ ground, recordForm: form, recordedOn: recorded, providedFrom: from, providedTo: to });
    const disposed = kept && kept.disposableFrom <= today && rnd() < 0.75 ? min(addDays(kept.disposableFrom, int(0, 60)), today) : null;
    const abroad = ground === "consent" && direction === "provided" && rnd() < 0.05 ? pick(["US", "SG", "DE", "GB", "FR"]) : null;
    const recognised = abroad !== null && ["DE", "GB", "FR"].includes(abroad);
    const abroadCols = [abroad, false, abroad && !recognised ? "当該国の個人情報保護制度について、個人情報保護委員会の提供する情報に基づき本人に説明した" : null,
      abroad && !recognised ? "契約で目的外利用の禁止と安全管理措置を義務付け" : null, abroad !== null && !recognised];
    const problem = abroadProblem({ ground, abroadCountry: abroad, equivalentSystem: false, countrySystem: abroadCols[2] as string | null, recipientMeasures: abroadCols[3] as string | null, informedBeforeConsent: abroadCols[4] as boolean });
    if (problem) throw new Error(`seedLarge: generated provision record fails ${problem.key}`);
    const c = ground === "outsourcing" && contractors.length ? pick(contractors) : null;
    const counterparty = c ? c.name : ground === "law" ? pick(["渋谷税務署", "渋谷区役所", "年金事務所"]) : ground === "public_authority" ? pick(["警視庁渋谷警察署", "東京地方検察庁"]) : abroad ? `Partner ${abroad} Ltd.` : pick(PARTNERS);
    const retired = rnd() < 0.005 ? ts(min(addDays(recorded, 1), today)) : null;
    prov.push([
      id, direction, ground, ground === "consent" ? pick(["申込フォームの同意チェック", "書面による同意", "利用規約への同意（提携サービス連携時）"]) : null,
      counterparty, ground === "law" || ground === "public_authority" || c ? null : `${pick(PREFS)}${int(1, 9)}-${int(1, 30)}`, c || ground === "law" || ground === "public_authority" ? null : `代表取締役 ${person()}`,
      direction === "received" ? "提供元がサービス登録時に、当社への提供について本人の同意を取得" : null,
      form === "bulk_continuous" ? `連携を有効にした利用者（毎月約${int(50, 900)}名）` : `対象者 ${int(1, 300)}名`, pick(ITEMS_OF_DATA), from, to, form, recorded,
      c?.id ?? null, ground === "joint_use" && liveJoint.length ? pick(liveJoint) : null, ...abroadCols,
      recordRequired(ground), kept?.retainUntil ?? null, kept?.disposableFrom ?? null, disposed, disposed ? `個人情報保護管理者 ${manager.name}` : null,
      disposed ? "保存期間満了につき廃棄（電子データを削除）" : null, retired, disposed || retired ? 2 : 1, ts(recorded), retired ?? ts(disposed ?? recorded),
    ]);
    if (items.length && rnd() < 0.5) provItems.push([id, pick(items).id]);
  }
  await load("provision_records", PROV_COLS, prov);
  await load("provision_record_items", ["provision_id", "register_item_id"], provItems);

  // --- register reviews: item reviews over the years, one whole-register review per fiscal year --
  const rr: unknown[][] = [];
  for (let k = 0; k < FYS; k++) {
    const day = addDays(`${Number(fyFirst.slice(0, 4)) + k}-04-01`, int(40, 80));
    if (day <= today) rr.push([0, null, day, `個人情報保護管理者 ${manager.name}`, manager.id, "no_change", null, 0, ts(day, 16)]);
  }
  const nReviews = n(REQUEST_BASE.registerReviews, rr.length + 1);
  for (let i = rr.length; i < nReviews && items.length; i++) {
    const day = d(Math.floor(span * rnd()));
    const result = weighted([["no_change", 0.7], ["changed", 0.27], ["retired", 0.03]] as const);
    rr.push([0, pick(items).id, day, `個人情報保護管理者 ${manager.name}`, manager.id, result, result === "changed" ? "保管場所と利用期間を更新" : null, rnd() < 0.6 ? int(1, 5) : 0, ts(day, 15)]);
  }
  rr.sort((a, b) => ((a[2] as string) < (b[2] as string) ? -1 : (a[2] as string) > (b[2] as string) ? 1 : 0)).forEach((r, i) => (r[0] = i + 1));
  await load("register_reviews", RR_COLS, rr);

  // --- training import history -----------------------------------------------------------------
  const imports: unknown[][] = [];
  const nImports = n(REQUEST_BASE.trainingImports);
  const importDays = Array.from({ length: nImports }, () => Math.floor(span * rnd())).sort((a, b) => b - a);
  for (let id = 1; id <= nImports; id++) {
    const day = d(importDays[id - 1]);
    const rows = int(20, 4000);
    const skipped = rnd() < 0.3 ? int(1, Math.ceil(rows / 10)) : 0;
    const lms = rnd() < 0.8;
    imports.push([id, lms ? `lms_history_${day.slice(0, 7).replace("-", "")}.csv` : `研修受講記録_${day.replace(/-/g, "")}.csv`, lms ? "utf-8" : "shift_jis", rows, rows - skipped, skipped, hr.id, ts(day, int(9, 18), int(0, 59))]);
  }
  await load("training_imports", IMPORT_COLS, imports);

  // --- notifications and deliveries ------------------------------------------------------------
  type Src = { userId: number; type: string; kind: string; key: string; values: Record<string, unknown>; href: string };
  const sources: (() => Src)[] = [];
  const pmId = manager.id;
  const auditor = demo.find((u) => u.role === "auditor")?.id ?? pmId;
  if (regulations.length) sources.push(() => { const r = pick(regulations); return { userId: pmId, type: "regulation", kind: "regulation.review", key: `regulation-${r.id}-review`, values: { code: r.code, title: r.title }, href: `/regulations/${r.id}` }; });
  if (contractors.length) sources.push(() => { const c = pick(contractors); return { userId: pmId, type: "contractor", kind: "contractor.assessment", key: `contractor-${c.id}-assessment`, values: { name: c.name }, href: `/contractors/${c.id}` }; });
  if (items.length) sources.push(() => { const it = pick(items); return { userId: pmId, type: "register", kind: "register.review", key: `register-${it.id}-review`, values: { code: it.code, name: it.name }, href: `/register/${it.id}` }; });
  if (findings.length) sources.push(() => { const f = pick(findings); return { userId: rnd() < 0.5 ? auditor : pmId, type: "finding", kind: "finding.action", key: `finding-${f.id}-action`, values: { clause: f.clause_ref ?? "—", title: f.description.slice(0, 40) }, href: `/audits/${f.audit_id}#finding-${f.id}` }; });
  if (courses.length) sources.push(() => { const c = pick(courses); return { userId: hr.id, type: "training", kind: "training.due", key: `training-${c.id}-`, values: { code: c.code, title: c.title, count: int(1, 400) }, href: `/training/status?course=${c.id}` }; });
  const notes: unknown[][] = [];
  const deliveries: unknown[][] = [];
  const seen = new Set<string>();
  const deliveryKeys = new Set<string>();
  const nNotes = sources.length ? n(REQUEST_BASE.notifications) : 0;
  const unread = n(300);
  const noteDays = Array.from({ length: nNotes }, (_, i) => (i >= nNotes - unread ? int(0, 20) : Math.floor(span * Math.pow(rnd(), 0.8)))).sort((a, b) => b - a);
  const deliveryEvery = nNotes / n(REQUEST_BASE.notificationDeliveries);
  let deliveryId = 0;
  for (let id = 1; id <= nNotes; id++) {
    const created = d(noteDays[id - 1]);
    let src: Src;
    let stage: "soon" | "due" | "late";
    let due: string;
    let key: string;
    for (let tries = 0; ; tries++) {
      src = pick(sources)();
      stage = weighted([["soon", 0.55], ["due", 0.25], ["late", 0.2]] as const);
      due = stage === "soon" ? addDays(created, int(1, 30)) : stage === "due" ? created : addDays(created, -int(1, 10));
      if (src.kind === "training.due") src.key += due;
      key = `${src.kind}:${stage}|${src.key}|${due}|${src.userId}`;
      if (!seen.has(key) || tries > 20) break;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    const read = id <= nNotes - unread ? ts(min(addDays(created, int(0, 5)), today), 12, int(0, 59)) : null;
    const digest = rnd() < 0.15 ? created : null;
    notes.push([id, src.userId, `${src.kind}:${stage}`, src.key, due, src.type, src.kind, stage, src.values, src.href, stage === "late" && src.userId === pmId && src.type === "finding", digest, ts(created, 7), read]);
    // E-mails of immediate notifications (every other or so), and a webhook call now and then.
    while (deliveryId < (id / deliveryEvery) && deliveryId < n(REQUEST_BASE.notificationDeliveries)) {
      // An immediate notification's e-mail; a digest notification's day's digest; now and then a webhook call.
      const webhookKey = `webhook:teams:${src.kind}:${stage}:${src.key}:${due}`;
      const webhook = rnd() < 0.2 && !deliveryKeys.has(webhookKey);
      const digestKey = `digest:${src.userId}:${digest}`;
      if (!webhook && digest !== null && deliveryKeys.has(digestKey)) break;
      const dKey = webhook ? webhookKey : digest !== null ? digestKey : `email:${id}`;
      if (deliveryKeys.has(dKey)) break;
      deliveryKeys.add(dKey);
      deliveryId++;
      const recent = noteDays[id - 1] < 20;
      const status = recent && rnd() < 0.15 ? "pending" : rnd() < 0.03 ? "failed" : "sent";
      const attempts = status === "failed" ? 5 : status === "pending" ? 0 : rnd() < 0.05 ? 2 : 1;
      const at = ts(created, 7, 1);
      deliveries.push([
        deliveryId, dKey, webhook ? "webhook" : "email",
        webhook || digest !== null ? null : id, webhook ? null : src.userId, webhook ? null : digest,
        webhook ? { hook: "teams", body: { event: "deadline", type: src.type, kind: src.kind, stage, record: src.key, dueOn: due, path: src.href } } : null,
        status, attempts, status === "pending" ? at : ts(created, 7, 5), null, status === "failed" ? pick(NOTE_ERRORS) : null, status === "sent" ? ts(created, 7, 2) : null, at,
      ]);
    }
  }
  await load("notifications", NOTE_COLS, notes);
  await load("notification_deliveries", DELIVERY_COLS, deliveries);

  for (const table of ["disclosure_requests", "joint_uses", "provision_records", "register_reviews", "training_imports", "notifications", "notification_deliveries"]) await syncIdentity(sink, table);
}
