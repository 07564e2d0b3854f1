import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { departments, employees, pmsAppointments, pmsPosts, regulationReviews, regulations, regulationVersions, users } from "@/db/schema";
import { addDays, addMonths, compareDates } from "@/lib/dates";
import { nextReviewDue, type ReviewTrigger } from "@/lib/regulations/due";

/**
 * Demo data of the regulation register and the PMS structure (docs/domain.md §2), relative to `today`:
 * the usual set of internal rules with several versions each, yearly reviews behind them, a mix of
 * on-time, due-soon and overdue reviews, one draft review waiting for approval, a draft regulation
 * and a retired one; the PMS posts with their holders and two gaps. Deterministic for a given `today`.
 *
 * The first review row (id 1 on a fresh database) is the draft on 安全管理規程, and the first
 * appointment is the 個人情報保護管理者's: the API reference's examples point at them.
 */

type RegSpec = {
  code: string;
  title: string;
  description: string;
  /** A demo user's email, or a name/role written out. */
  owner: { email: string } | { name: string };
  version: number;
  interval: number;
  /** Next review due = today + this many days (negative: overdue). */
  dueInDays: number;
  /** Which of the past reviews (0 = the latest) revised the regulation. */
  revised: number[];
  /** Summaries of changes, newest first, used for the revisions. */
  changes: string[];
  trigger?: ReviewTrigger;
};

const MANAGER = "manager@example.com";
const REVIEWERS = "個人情報保護管理者 佐藤 恵子、監査責任者 高橋 直樹、総務部長";

const REGULATIONS: RegSpec[] = [
  {
    code: "REG-01",
    title: "個人情報保護規程",
    description: "当社の個人情報保護マネジメントシステム（PMS）の基本を定める最上位の規程。",
    owner: { email: MANAGER },
    version: 5,
    interval: 12,
    dueInDays: 150,
    revised: [0, 2],
    changes: ["JIS Q 15001:2023 への移行に伴い、附属書Aの管理策との対応表を更新", "仮名加工情報の取扱いを追加（改正個人情報保護法 2022年4月施行）", "個人データの越境移転に関する条項を追加", "PMS委員会の構成を変更"],
  },
  {
    code: "REG-02",
    title: "安全管理規程",
    description: "個人データの漏えい等を防ぐための組織的・人的・物理的・技術的安全管理措置を定める。",
    owner: { name: "情報システム部長" },
    version: 4,
    interval: 12,
    dueInDays: 12,
    revised: [1],
    changes: ["テレワーク時の端末管理と画面ののぞき見防止を追加", "アクセスログの保存期間を1年から3年に延長", "入退室管理の手順を改定"],
  },
  {
    code: "REG-03",
    title: "委託先管理規程",
    description: "個人データの取扱いを委託する際の委託先選定基準、契約、監督の手順を定める。",
    owner: { name: "総務部長" },
    version: 3,
    interval: 12,
    dueInDays: -45,
    revised: [2],
    changes: ["再委託の事前承認手続を追加", "委託先評価チェックリストを改定"],
  },
  {
    code: "REG-04",
    title: "教育規程",
    description: "全従業者（派遣社員・パート・役員を含む）への個人情報保護教育の計画・実施・記録を定める。",
    owner: { email: "hr@example.com" },
    version: 3,
    interval: 12,
    dueInDays: 240,
    revised: [0],
    changes: ["理解度確認テストの合格基準（80点）を明記", "新入社員の受講期限を入社後30日以内に変更"],
  },
  {
    code: "REG-05",
    title: "内部監査規程",
    description: "PMSの適合状況監査および運用状況監査の計画、実施、報告の手順を定める。",
    owner: { email: "auditor@example.com" },
    version: 2,
    interval: 12,
    dueInDays: 25,
    revised: [],
    changes: ["監査員の独立性（自部門の監査禁止）を明記"],
  },
  {
    code: "REG-06",
    title: "事故対応規程",
    description: "個人情報の漏えい、滅失、毀損等の事故発生時の報告、対応、再発防止の手順を定める。",
    owner: { email: MANAGER },
    version: 4,
    interval: 12,
    dueInDays: -10,
    revised: [0, 1],
    trigger: "law_amendment",
    changes: ["審査機関への事故報告（速報・確報）の手順を追加", "個人情報保護委員会への漏えい等報告の義務化に対応（速報3〜5日、確報30日／60日）", "緊急連絡網を更新"],
  },
  {
    code: "REG-07",
    title: "開示等請求対応規程",
    description: "本人からの開示、訂正、追加、削除、利用停止等の請求への対応手順と手数料を定める。",
    owner: { name: "カスタマーサポート部長" },
    version: 3,
    interval: 12,
    dueInDays: 90,
    revised: [1],
    changes: ["第三者提供記録の開示請求への対応を追加", "電磁的記録による開示方法を追加"],
  },
  {
    code: "REG-08",
    title: "文書管理規程",
    description: "PMS文書および記録の作成、承認、配付、保管、廃棄の手順を定める。",
    owner: { name: "総務部長" },
    version: 2,
    interval: 24,
    dueInDays: 300,
    revised: [],
    changes: ["記録の保存期間一覧を追加"],
  },
  {
    code: "REG-09",
    title: "特定個人情報取扱規程",
    description: "マイナンバー（特定個人情報）の取得、利用、保管、提供、廃棄の手順を定める。",
    owner: { name: "人事部長" },
    version: 2,
    interval: 12,
    dueInDays: -120,
    revised: [],
    changes: ["事務取扱担当者の範囲を見直し"],
  },
  {
    code: "REG-11",
    title: "情報システム利用規程",
    description: "業務用PC、メール、クラウドサービス等の利用ルールを定める。",
    owner: { name: "情報システム部長" },
    version: 6,
    interval: 6,
    dueInDays: 60,
    revised: [0, 1, 2],
    changes: ["生成AIサービスへの個人情報入力の禁止を追加", "多要素認証を必須化", "私物端末（BYOD）の利用を原則禁止", "USBメモリの利用を許可制に変更", "クラウドストレージの利用ルールを追加"],
  },
];

const EXTRA_CHANGES = ["条文番号の整理および字句の修正", "組織変更に伴う責任者の名称変更", "様式の改訂"];

type PostSpec = { code: string; title: string; description: string; sortOrder: number; deptCode?: string };

const POSTS: PostSpec[] = [
  { code: "POST-CPO", title: "個人情報保護管理者", description: "PMSの実施及び運用に関する責任と権限を持つ", sortOrder: 10 },
  { code: "POST-AUDIT", title: "監査責任者", description: "内部監査の計画・実施・報告の責任を持つ（個人情報保護管理者と兼任不可）", sortOrder: 20 },
  { code: "POST-TOP", title: "代表者（トップマネジメント）", description: "個人情報保護方針を定め、マネジメントレビューを行う", sortOrder: 5 },
  { code: "POST-PROMO", title: "個人情報保護推進責任者", description: "各部門の推進担当を取りまとめ、PMSの運用を推進する", sortOrder: 30 },
  { code: "POST-EDU", title: "教育責任者", description: "従業者教育の計画、実施、記録の責任を持つ", sortOrder: 40 },
  { code: "POST-CONTACT", title: "苦情及び相談窓口責任者", description: "本人からの苦情・相談、開示等の請求の受付と対応の責任を持つ", sortOrder: 50 },
  ...["D01", "D02", "D03", "D04", "D05", "D06", "D07", "D08"].map((d, i) => ({
    code: `POST-DEPT-${d}`,
    title: "部門責任者",
    description: "部門内の個人情報の取扱いと安全管理の責任を持つ",
    sortOrder: 100 + i,
    deptCode: d,
  })),
];

export async function seedRegulations(tx: Tx, ctx: { today: string }): Promise<{ regulations: number; regulationReviews: number; regulationVersions: number; pmsPosts: number; pmsAppointments: number }> {
  const { today } = ctx;
  const userRows = await tx.select({ id: users.id, email: users.email, name: users.name }).from(users);
  const userBy = new Map(userRows.map((u) => [u.email.toLowerCase(), u]));
  const manager = userBy.get(MANAGER);
  const approval = (reviewedOn: string) => {
    const approvedOn = addDays(reviewedOn, 7);
    return { approvedBy: manager?.id ?? null, approvedOn, approvedAt: new Date(`${approvedOn}T10:00:00+09:00`) };
  };

  // The draft review waiting for approval comes first (id 1), on 安全管理規程; its regulation is filled in below.
  const regs: { id: number; spec: RegSpec }[] = [];
  const reviewRows: (typeof regulationReviews.$inferInsert)[] = [];
  const versionRows: (Omit<typeof regulationVersions.$inferInsert, "reviewId"> & { reviewIndex?: number })[] = [];

  for (const spec of REGULATIONS) {
    const due = addDays(today, spec.dueInDays);
    const last = addMonths(due, -spec.interval);
    const reviewDates = [0, 1, 2].map((k) => addMonths(last, -spec.interval * k));
    // Versions created by the revising reviews (newest first), older ones before the first review.
    const revisedNewestFirst = [...spec.revised].sort((a, b) => a - b);
    const versionOfReview = new Map<number, number>();
    revisedNewestFirst.forEach((k, i) => versionOfReview.set(k, spec.version - i));
    const olderCount = spec.version - revisedNewestFirst.length;
    const current = revisedNewestFirst.includes(0) ? addDays(reviewDates[0], 21) : null;
    const ownerUser = "email" in spec.owner ? userBy.get(spec.owner.email) : undefined;
    const effectiveDate =
      current ??
      (revisedNewestFirst.length ? addDays(reviewDates[revisedNewestFirst[0]], 21) : addMonths(reviewDates[2], -6));
    const facts = { status: "in_force" as const, effectiveDate, lastReviewedOn: reviewDates[0], reviewIntervalMonths: spec.interval };
    const [row] = await tx
      .insert(regulations)
      .values({
        code: spec.code,
        title: spec.title,
        description: spec.description,
        ownerUserId: ownerUser?.id ?? null,
        ownerName: ownerUser ? null : "name" in spec.owner ? spec.owner.name : null,
        currentVersion: spec.version,
        ...facts,
        nextReviewDue: nextReviewDue(facts),
        status: "in_force",
      })
      .onConflictDoNothing()
      .returning({ id: regulations.id });
    if (!row) continue;
    regs.push({ id: row.id, spec });

    let change = 0;
    const nextChange = () => spec.changes[change++] ?? EXTRA_CHANGES[(change - spec.changes.length - 1) % EXTRA_CHANGES.length];
    for (const k of [2, 1, 0]) {
      const v = versionOfReview.get(k);
      const reviewedOn = reviewDates[k];
      reviewRows.push({
        regulationId: row.id,
        reviewedOn,
        reviewers: REVIEWERS,
        trigger: k === 0 && spec.trigger ? spec.trigger : "periodic",
        outcome: v ? "revised" : "no_change",
        summary: v ? spec.changes[revisedNewestFirst.indexOf(k)] : "定期見直しの結果、現行のままで支障なし。",
        proposedVersion: v ?? null,
        proposedEffectiveDate: v ? addDays(reviewedOn, 21) : null,
        minutes: `${reviewedOn.slice(0, 4)}年${Number(reviewedOn.slice(5, 7))}月 PMS委員会にて審議、承認。`,
        state: "approved",
        recordedBy: manager?.id ?? null,
        ...approval(reviewedOn),
      });
      if (v) {
        versionRows.push({
          regulationId: row.id,
          versionNumber: v,
          effectiveDate: addDays(reviewedOn, 21),
          summary: spec.changes[revisedNewestFirst.indexOf(k)],
          approvedBy: manager?.id ?? null,
          approvedByName: manager?.name ?? null,
          approvedOn: addDays(reviewedOn, 7),
          reviewIndex: reviewRows.length - 1,
        });
      }
    }
    change = revisedNewestFirst.length;
    // Versions older than the reviews on record, about two years apart.
    for (let n = olderCount; n >= 1; n--) {
      const eff = addMonths(reviewDates[2], -24 * (olderCount - n) - 6);
      versionRows.push({
        regulationId: row.id,
        versionNumber: n,
        effectiveDate: eff,
        summary: n === 1 ? "制定" : nextChange(),
        approvedBy: null,
        approvedByName: "代表取締役 田中 誠",
        approvedOn: addDays(eff, -14),
      });
    }
  }

  // A draft regulation not yet in force, and one retired after being merged into 安全管理規程.
  const [draftReg] = await tx
    .insert(regulations)
    .values({
      code: "REG-10",
      title: "リスクアセスメント規程",
      description: "個人情報の特定、リスク分析・評価、対策の手順を定める（新規制定予定）。",
      ownerUserId: manager?.id ?? null,
      currentVersion: null,
      effectiveDate: addMonths(today, 2).slice(0, 8) + "01",
      reviewIntervalMonths: 12,
      status: "draft",
    })
    .onConflictDoNothing()
    .returning({ id: regulations.id });
  const retiredOn = addMonths(today, -5);
  const [retiredReg] = await tx
    .insert(regulations)
    .values({
      code: "REG-90",
      title: "モバイル端末管理規程",
      description: "安全管理規程へ統合のため廃止。",
      ownerName: "情報システム部長",
      currentVersion: 2,
      effectiveDate: addMonths(today, -40),
      reviewIntervalMonths: 12,
      lastReviewedOn: retiredOn,
      nextReviewDue: null,
      status: "retired",
      retiredAt: new Date(`${addDays(retiredOn, 7)}T10:00:00+09:00`),
    })
    .onConflictDoNothing()
    .returning({ id: regulations.id });

  // Reviews: the pending draft first (id 1), then the approved history.
  let draftReviewCount = 0;
  const safety = regs.find((r) => r.spec.code === "REG-02");
  if (safety) {
    const [d] = await tx
      .insert(regulationReviews)
      .values({
        regulationId: safety.id,
        reviewedOn: addDays(today, -3),
        reviewers: "個人情報保護管理者 佐藤 恵子、情報システム部長",
        trigger: "audit_finding",
        outcome: "revised",
        summary: "内部監査の指摘を受け、アクセス権の棚卸しを半期ごとから四半期ごとに変更（第12条）。",
        proposedVersion: safety.spec.version + 1,
        proposedEffectiveDate: null,
        minutes: null,
        state: "draft",
        recordedBy: manager?.id ?? null,
      })
      .returning({ id: regulationReviews.id });
    draftReviewCount = d ? 1 : 0;
  }
  if (retiredReg) {
    reviewRows.push({
      regulationId: retiredReg.id,
      reviewedOn: retiredOn,
      reviewers: REVIEWERS,
      trigger: "periodic",
      outcome: "retired",
      summary: "安全管理規程（第4版）に内容を統合したため廃止。",
      state: "approved",
      recordedBy: manager?.id ?? null,
      ...approval(retiredOn),
    });
    versionRows.push(
      { regulationId: retiredReg.id, versionNumber: 1, effectiveDate: addMonths(today, -64), summary: "制定", approvedByName: "代表取締役 田中 誠" },
      { regulationId: retiredReg.id, versionNumber: 2, effectiveDate: addMonths(today, -40), summary: "私物端末の業務利用ルールを追加", approvedByName: "代表取締役 田中 誠" },
    );
  }
  const insertedReviews = reviewRows.length ? await tx.insert(regulationReviews).values(reviewRows).returning({ id: regulationReviews.id }) : [];
  const insertedVersions = versionRows.length
    ? await tx
        .insert(regulationVersions)
        .values(
          versionRows.map(({ reviewIndex, ...v }) => ({ ...v, reviewId: reviewIndex === undefined ? null : (insertedReviews[reviewIndex]?.id ?? null) })),
        )
        .returning({ id: regulationVersions.id })
    : [];

  // PMS structure
  const deptRows = await tx.select({ id: departments.id, code: departments.code }).from(departments);
  const deptId = new Map(deptRows.map((d) => [d.code, d.id]));
  const posts = await tx
    .insert(pmsPosts)
    .values(POSTS.map((p) => ({ code: p.code, title: p.title, description: p.description, sortOrder: p.sortOrder, departmentId: p.deptCode ? (deptId.get(p.deptCode) ?? null) : null })))
    .onConflictDoNothing()
    .returning({ id: pmsPosts.id, code: pmsPosts.code });
  const postId = new Map(posts.map((p) => [p.code, p.id]));
  // 監査責任者 and 個人情報保護管理者 may not be held together (兼任不可): each names the other.
  const cpoId = postId.get("POST-CPO");
  const auditId = postId.get("POST-AUDIT");
  if (cpoId && auditId) {
    await tx.update(pmsPosts).set({ exclusiveWith: [auditId] }).where(eq(pmsPosts.id, cpoId));
    await tx.update(pmsPosts).set({ exclusiveWith: [cpoId] }).where(eq(pmsPosts.id, auditId));
  }
  const fyStart = (years: number) => `${Number(today.slice(0, 4)) - years - (today.slice(5, 7) < "04" ? 1 : 0)}-04-01`;

  // A head per department: its longest-serving regular (non-executive) employee, then a successor where terms changed.
  const heads = await tx
    .select({ id: employees.id, deptId: employees.departmentId, number: employees.employeeNumber, hire: employees.hireDate, name: employees.name })
    .from(employees)
    .where(and(isNull(employees.retiredAt), isNull(employees.leaveDate), inArray(employees.employmentType, ["regular"])))
    .orderBy(asc(employees.hireDate), asc(employees.employeeNumber));
  const firstIn = (code: string, skip = 0) => heads.filter((e) => e.deptId === deptId.get(code))[skip];

  const appts: (typeof pmsAppointments.$inferInsert)[] = [];
  const add = (code: string, person: { userId?: number | null; employeeId?: number | null }, fromDate: string, toDate: string | null, note: string | null = null) => {
    const pid = postId.get(code);
    if (!pid || (!person.userId && !person.employeeId)) return;
    if (toDate && compareDates(toDate, fromDate) < 0) return;
    appts.push({ postId: pid, userId: person.userId ?? null, employeeId: person.userId ? null : (person.employeeId ?? null), fromDate, toDate, note });
  };
  // First row: the 個人情報保護管理者 (the API reference's examples use it).
  add("POST-CPO", { userId: manager?.id }, fromYear(fyStart(2)), null, "代表取締役による任命");
  add("POST-CPO", { employeeId: firstIn("D02", 1)?.id }, fromYear(fyStart(6)), addDays(fromYear(fyStart(2)), -1), "人事異動により交代");
  add("POST-AUDIT", { userId: userBy.get("auditor@example.com")?.id }, fromYear(fyStart(3)), null, "代表取締役による任命");
  add("POST-TOP", { userId: userBy.get("executive@example.com")?.id }, fromYear(fyStart(8)), null);
  add("POST-PROMO", { employeeId: firstIn("D02", 2)?.id }, fromYear(fyStart(1)), null);
  add("POST-EDU", { userId: userBy.get("hr@example.com")?.id }, fromYear(fyStart(2)), null);
  // 苦情及び相談窓口責任者: the last holder left at the end of last month — a gap.
  add("POST-CONTACT", { employeeId: firstIn("D06")?.id }, fromYear(fyStart(3)), addDays(today.slice(0, 8) + "01", -1), "退職により退任");
  for (const code of ["D01", "D02", "D03", "D04", "D05", "D06", "D08"]) {
    const head = firstIn(code, code === "D01" ? 2 : code === "D02" ? 3 : 0);
    add(`POST-DEPT-${code}`, { employeeId: head?.id }, fromYear(fyStart(2)), null);
  }
  // マーケティング部: the head's term ended and no successor yet — the second gap.
  add("POST-DEPT-D07", { employeeId: firstIn("D07")?.id }, fromYear(fyStart(3)), addDays(today, -20), "異動により退任");
  const insertedAppts = appts.length ? await tx.insert(pmsAppointments).values(appts).returning({ id: pmsAppointments.id }) : [];

  return {
    regulations: regs.length + (draftReg ? 1 : 0) + (retiredReg ? 1 : 0),
    regulationReviews: insertedReviews.length + draftReviewCount,
    regulationVersions: insertedVersions.length,
    pmsPosts: posts.length,
    pmsAppointments: insertedAppts.length,
  };
}

/** A date clamped so it is not before 2000 (very old demo terms stay plausible). */
function fromYear(d: string): string {
  return compareDates(d, "2000-01-01") < 0 ? "2000-01-01" : d;
}

