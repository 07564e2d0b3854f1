import { inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { auditFindings, auditTeamMembers, audits, departments, managementReviewActions, managementReviews, pmarkCertificates, users } from "@/db/schema";
import { addDays, addMonths } from "@/lib/dates";
import { DEFAULT_FY_START_MONTH, fiscalYearOf, fiscalYearRange } from "@/lib/fiscal-year";

/**
 * Demo data of the audit module (docs/domain.md §5), relative to `today`, fixed (no randomness):
 * this fiscal year's plan (an operation audit in progress, a conformance audit, a contractor on-site
 * audit, an audit of 経営企画部 led by the privacy manager because the internal auditor belongs to it,
 * the external P-mark assessment, and one audit already closed), last fiscal year's audits (closed,
 * and one reported with an overdue corrective action and one waiting for verification), last year's
 * management review with its actions, and the P-mark certificate whose renewal window is open now.
 *
 * Ids on a fresh database (the API reference's examples point at them): audit 1 is in progress,
 * audit 2 planned, audit 3 the contractor audit (no team), finding 1 has a planned action, finding 5
 * is done and waits for verification, finding 12 is retired (a duplicate of finding 1), management
 * review 1 / action 1, certificate 1 is the current one.
 */
export async function seedAudits(
  tx: Tx,
  ctx: { today: string; fyStartMonth?: number },
): Promise<{ audits: number; auditFindings: number; managementReviews: number; pmarkCertificates: number }> {
  const { today } = ctx;
  const startMonth = ctx.fyStartMonth ?? DEFAULT_FY_START_MONTH;
  const d = (days: number) => addDays(today, days);
  const fyOf = (date: string) => fiscalYearOf(date, startMonth);
  const prevFy = fyOf(today) - 1;
  const prev = fiscalYearRange(prevFy, startMonth);
  const p = (months: number, days = 0) => addDays(addMonths(prev.start, months), days);

  const deptRows = await tx.select({ id: departments.id, code: departments.code }).from(departments);
  const dept = (code: string) => deptRows.find((r) => r.code === code)?.id;
  const depts = (...codes: string[]) => codes.map(dept).filter((x): x is number => x !== undefined);
  const userRows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, ["manager@example.com", "hr@example.com", "auditor@example.com", "executive@example.com"]));
  const user = (email: string) => userRows.find((u) => u.email === email)?.id ?? null;
  const manager = user("manager@example.com");
  const hr = user("hr@example.com");
  const auditor = user("auditor@example.com");

  type Spec = {
    type: "conformance" | "operation" | "contractor_onsite" | "pmark_assessment";
    title: string;
    scope: string[];
    clauses: string[];
    auditee?: string;
    start: string;
    days: number;
    lead: number | null;
    team: (number | null)[];
    status: "planned" | "in_progress" | "reported" | "closed";
    summary?: string;
    fy?: number;
  };
  const specs: Spec[] = [
    {
      type: "operation",
      title: "運用状況監査（営業部・カスタマーサポート部）",
      scope: ["D04", "D06"],
      clauses: ["A.3.3.4", "A.3.4.2", "A.3.4.3"],
      start: d(-5),
      days: 9,
      lead: auditor,
      team: [manager],
      status: "in_progress",
    },
    {
      type: "conformance",
      title: "適合状況監査（JIS Q 15001 全社）",
      scope: ["D02", "D03", "D04", "D05", "D06", "D07", "D08"],
      clauses: ["A.3.1", "A.3.2", "A.3.3", "A.3.4", "A.3.5", "A.3.6", "A.3.7", "A.3.8"],
      start: d(21),
      days: 4,
      lead: auditor,
      team: [],
      status: "planned",
    },
    {
      type: "contractor_onsite",
      title: "委託先実地監査（株式会社データライン）",
      scope: [],
      clauses: ["A.3.4.3.4"],
      auditee: "株式会社データライン（コールセンター業務委託先）",
      start: d(35),
      days: 1,
      lead: auditor,
      team: [],
      status: "planned",
    },
    {
      type: "operation",
      title: "運用状況監査（経営企画部）",
      scope: ["D01"],
      clauses: ["A.3.4.2", "A.3.4.5"],
      start: d(45),
      days: 1,
      lead: manager,
      team: [],
      status: "planned",
    },
    {
      type: "pmark_assessment",
      title: "プライバシーマーク更新 現地審査",
      scope: [],
      clauses: [],
      auditee: "一般財団法人日本情報経済社会推進協会（JIPDEC）",
      start: d(75),
      days: 1,
      lead: null,
      team: [],
      status: "planned",
    },
    {
      type: "operation",
      title: "運用状況監査（システム開発部・人事部）",
      scope: ["D03", "D05"],
      clauses: ["A.3.4.3.1", "A.3.4.3.2", "A.3.4.3.3"],
      start: d(-70),
      days: 2,
      lead: auditor,
      team: [],
      status: "closed",
      summary: "アクセス制御と入退室管理は概ね適切に運用されている。開発環境の本番データ利用について軽微な不適合1件。是正を確認済み。",
    },
    // Last fiscal year.
    {
      type: "conformance",
      title: "適合状況監査（JIS Q 15001 全社）",
      scope: ["D02", "D03", "D04", "D05", "D06", "D07", "D08"],
      clauses: ["A.3.1", "A.3.2", "A.3.3", "A.3.4", "A.3.5", "A.3.6", "A.3.7", "A.3.8"],
      start: p(6, 6),
      days: 4,
      lead: auditor,
      team: [],
      status: "closed",
      summary: "規程類は規格要求事項を概ね満たしている。特定した個人情報の台帳更新漏れ（重大）と教育記録の不備（軽微）を指摘。いずれも是正と有効性を確認済み。",
      fy: prevFy,
    },
    {
      type: "operation",
      title: "運用状況監査（営業部・マーケティング部）",
      scope: ["D04", "D07"],
      clauses: ["A.3.4.2", "A.3.4.4", "A.3.6"],
      start: p(9, 13),
      days: 2,
      lead: auditor,
      team: [],
      status: "reported",
      summary: "メール配信リストの取得経緯の記録と、名刺情報の保管について軽微な不適合2件。是正処置を実施中。",
      fy: prevFy,
    },
    {
      type: "contractor_onsite",
      title: "委託先実地監査（株式会社ネクストシステムズ）",
      scope: [],
      clauses: ["A.3.4.3.4"],
      auditee: "株式会社ネクストシステムズ（システム保守委託先）",
      start: p(4, 9),
      days: 1,
      lead: auditor,
      team: [],
      status: "closed",
      summary: "委託契約に定めた安全管理措置が実施されていることを確認した。指摘なし（観察事項1件）。",
      fy: prevFy,
    },
  ];

  const auditIds: number[] = [];
  for (const s of specs) {
    const end = addDays(s.start, s.days);
    const done = s.status === "reported" || s.status === "closed";
    const [row] = await tx
      .insert(audits)
      .values({
        fiscalYear: s.fy ?? fyOf(s.start),
        type: s.type,
        title: s.title,
        scopeDepartmentIds: depts(...s.scope),
        scopeClauses: s.clauses,
        auditee: s.auditee ?? null,
        plannedStart: s.start,
        plannedEnd: end,
        actualStart: s.status === "planned" ? null : s.start,
        actualEnd: done ? end : null,
        leadAuditorId: s.lead,
        status: s.status,
        summary: s.summary ?? null,
        reportedOn: done ? addDays(end, 7) : null,
        closedOn: s.status === "closed" ? addDays(end, 45) : null,
        createdBy: auditor,
      })
      .returning({ id: audits.id });
    auditIds.push(row.id);
    const team = s.team.filter((u): u is number => u !== null && u !== s.lead);
    if (team.length) await tx.insert(auditTeamMembers).values(team.map((userId) => ({ auditId: row.id, userId })));
  }
  const A = (i: number) => auditIds[i];

  type F = {
    audit: number;
    clause: string | null;
    grade: "major_nc" | "minor_nc" | "observation" | "good_practice";
    dept: string | null;
    description: string;
    action?: string;
    owner?: number | null;
    ownerName?: string;
    due?: string;
    status: "open" | "action_planned" | "done" | "verified";
    doneOn?: string;
    verifiedOn?: string;
    note?: string;
    /** Retired (recorded by mistake): the reason. */
    retired?: string;
  };
  const reported = specs[7];
  const closedPrev = specs[6];
  const closedThis = specs[5];
  const findings: F[] = [
    {
      audit: A(0),
      clause: "A.3.3.4",
      grade: "minor_nc",
      dept: "D04",
      description: "顧客リストを含むUSBメモリの持ち出し記録が2件記入されていなかった。",
      action: "持ち出し申請をワークフロー化し、記録のない持ち出しをできないようにする。",
      owner: hr,
      due: d(30),
      status: "action_planned",
    },
    { audit: A(0), clause: "A.3.4.2", grade: "observation", dept: "D06", description: "通話録音データの保存期間が手順書と運用で異なる可能性がある。確認を推奨する。", status: "open" },
    {
      audit: A(7),
      clause: "A.3.4.2.4",
      grade: "minor_nc",
      dept: "D07",
      description: "メール配信リストの一部について、本人同意の取得日時の記録が残っていなかった。",
      action: "配信リストの取得経路ごとに同意記録を保存する手順を定め、既存リストを棚卸しする。",
      ownerName: "マーケティング部長",
      due: d(-25),
      status: "action_planned",
    },
    { audit: A(7), clause: null, grade: "good_practice", dept: "D04", description: "営業部では名刺管理システムへの登録後、紙の名刺を即日シュレッダー処理しており、良好な運用である。", status: "open" },
    {
      audit: A(7),
      clause: "A.3.4.3.1",
      grade: "minor_nc",
      dept: "D04",
      description: "退職者1名の名刺管理システムのアカウントが削除されていなかった。",
      action: "退職手続きチェックリストに名刺管理システムのアカウント削除を追加し、全アカウントを棚卸しした。",
      owner: hr,
      due: d(-5),
      status: "done",
      doneOn: d(-10),
    },
    {
      audit: A(6),
      clause: "A.3.3.1",
      grade: "major_nc",
      dept: "D06",
      description: "問い合わせ窓口で取得している個人情報が個人情報管理台帳に登録されていなかった。",
      action: "全部署で個人情報の特定をやり直し、台帳を更新。年1回の台帳見直しを手順に追加。",
      owner: manager,
      due: addDays(closedPrev.start, 60),
      status: "verified",
      doneOn: addDays(closedPrev.start, 50),
      verifiedOn: addDays(closedPrev.start, 58),
      note: "更新後の台帳と見直し手順を確認。有効と判断。",
    },
    {
      audit: A(6),
      clause: "A.3.4.5",
      grade: "minor_nc",
      dept: "D03",
      description: "中途入社者2名の入社時教育の受講記録が保管されていなかった。",
      action: "入社時教育の受講記録をシステムで管理するよう変更。",
      owner: hr,
      due: addDays(closedPrev.start, 45),
      status: "verified",
      doneOn: addDays(closedPrev.start, 30),
      verifiedOn: addDays(closedPrev.start, 40),
      note: "以降の入社者の記録がシステムに登録されていることを確認。",
    },
    { audit: A(6), clause: "A.3.2", grade: "observation", dept: "D02", description: "個人情報保護方針の社内掲示が一部の拠点で旧版のままだった。", status: "open" },
    {
      audit: A(5),
      clause: "A.3.4.3.2",
      grade: "minor_nc",
      dept: "D05",
      description: "開発環境のテストデータに本番の顧客データがマスキングせずに使われていた。",
      action: "テストデータのマスキング手順を定め、開発環境の本番データを削除した。",
      owner: manager,
      due: addDays(closedThis.start, 30),
      status: "verified",
      doneOn: addDays(closedThis.start, 20),
      verifiedOn: addDays(closedThis.start, 28),
      note: "開発環境のデータを抽出確認。本番データは残っていない。",
    },
    { audit: A(5), clause: null, grade: "good_practice", dept: "D03", description: "人事部では人事データの閲覧ログを月次で確認しており、良好な運用である。", status: "open" },
    { audit: A(8), clause: "A.3.4.3.4", grade: "observation", dept: null, description: "委託先の入館記録の保存期間（1年）について、契約との整合を次回確認する。", status: "open" },
    // Recorded twice by mistake, and retired: it shows under "show retired" and can be restored.
    {
      audit: A(0),
      clause: "A.3.3.4",
      grade: "minor_nc",
      dept: "D04",
      description: "USBメモリの持ち出し記録の記入漏れ（2件）。",
      status: "open",
      retired: "指摘1と同じ事象を重複して登録したため",
    },
  ];
  void reported;
  const verifier = auditor;
  await tx.insert(auditFindings).values(
    findings.map((f) => ({
      auditId: f.audit,
      clauseRef: f.clause,
      grade: f.grade,
      departmentId: f.dept ? (dept(f.dept) ?? null) : null,
      description: f.description,
      correctiveAction: f.action ?? null,
      ownerUserId: f.owner ?? null,
      ownerName: f.owner ? null : (f.ownerName ?? null),
      dueDate: f.due ?? null,
      status: f.status,
      doneOn: f.doneOn ?? (f.status === "verified" ? f.verifiedOn : null) ?? null,
      verifiedOn: f.status === "verified" ? f.verifiedOn! : null,
      verifiedBy: f.status === "verified" ? verifier : null,
      verificationNote: f.note ?? null,
      retiredAt: f.retired ? new Date(`${d(-1)}T09:00:00+09:00`) : null,
      retiredBy: f.retired ? auditor : null,
      retireReason: f.retired ?? null,
    })),
  );

  // Last fiscal year's management review, a few weeks before the year end.
  const heldOn = addDays(prev.end, -15);
  const [review] = await tx
    .insert(managementReviews)
    .values({
      fiscalYear: prevFy,
      heldOn,
      title: `${prevFy}年度 マネジメントレビュー`,
      participants: "代表取締役 田中 誠、個人情報保護管理者 佐藤 恵子、監査責任者 高橋 直樹、人事部長 鈴木 健一",
      inputAuditResults: "内部監査2件・委託先監査1件を実施。重大な不適合1件、軽微な不適合3件。重大な不適合は是正・有効性確認済み。",
      inputIncidents: "インシデント4件（メール誤送信2件、書類の紛失1件、不正アクセスの試行1件）。本人への影響が大きいものはなし。",
      inputTraining: "年間の教育受講率 96%。未受講者には個別に督促済み。",
      inputContractors: "委託先12社の年次評価を完了。1社に安全管理措置の改善を要請。",
      inputLawChanges: "個人情報保護法施行規則の改正（漏えい等報告）を受けて規程を改訂済み。",
      inputOther: "Pマークの更新審査が次年度に予定されている。",
      decisions: "1. アクセス権の棚卸しを四半期ごとに実施する。\n2. メール誤送信対策として外部送信時の確認機能を導入する。\n3. 次年度の内部監査は営業部門とカスタマーサポート部門を重点とする。",
      createdBy: manager,
    })
    .returning({ id: managementReviews.id });
  await tx.insert(managementReviewActions).values([
    { reviewId: review.id, description: "アクセス権の棚卸しを四半期ごとに実施する。", ownerUserId: manager, dueDate: addDays(prev.end, 90), status: "done", doneOn: addDays(prev.end, 80) },
    { reviewId: review.id, description: "外部送信メールの確認機能を全社に導入する。", ownerName: "情報システム担当", dueDate: d(-14), status: "open" },
    { reviewId: review.id, description: "内部監査の重点部署（営業・カスタマーサポート）を監査計画に反映する。", ownerUserId: auditor, dueDate: d(60), status: "open" },
  ]);

  // The current certificate expires in about six months: the renewal window is open now.
  const validTo = addMonths(today, 6);
  const validFrom = addDays(addMonths(validTo, -24), 1);
  const prevTo = addDays(validFrom, -1);
  await tx.insert(pmarkCertificates).values([
    { certificateNumber: "17000123(08)", validFrom, validTo, note: "第8回更新" },
    { certificateNumber: "17000123(07)", validFrom: addDays(addMonths(prevTo, -24), 1), validTo: prevTo, note: "第7回更新" },
  ]);

  return { audits: specs.length, auditFindings: findings.length, managementReviews: 1, pmarkCertificates: 2 };
}
