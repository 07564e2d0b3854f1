import { inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { departments, incidentCorrectiveActions, incidentCounters, incidentTransitions, incidents, users, type NewIncident } from "@/db/schema";
import { addDays } from "@/lib/dates";
import { DEFAULT_FY_START_MONTH, fiscalYearOf } from "@/lib/fiscal-year";
import { INCIDENT_STATUSES, type IncidentStatus } from "@/lib/incidents/workflow";

/**
 * Demo incidents for RUFT Inc.: fifteen over the last 18 months, relative to `today`, in the order
 * they were discovered (so ids and INC numbers follow time). Three are reportable to the PPC; one
 * has its preliminary report late, two are due in the next days. The API reference's examples point
 * at the newest (id 15, just reported, version 1) and at corrective action 1 of incident 10.
 */

type Spec = {
  daysAgo: number;
  /** Tokyo wall-clock time of discovery. */
  time: string;
  occurredHoursBefore?: number;
  title: string;
  category: NewIncident["category"];
  dept: string;
  reporterRole: "privacy_manager" | "hr" | "auditor" | "executive";
  description: string;
  dataInvolved: string;
  persons: number;
  flags?: Partial<Pick<NewIncident, "sensitiveData" | "financialLoss" | "wrongfulPurpose" | "encrypted">>;
  severity: NewIncident["severity"];
  status: IncidentStatus;
  /** Days after discovery each later status was reached (investigating, contained, resolved, closed). */
  steps?: number[];
  containment?: string;
  /** Days after discovery each report was made (undefined: not made). */
  made?: Partial<Record<"ppcPre" | "ppcFinal" | "persons" | "pmarkPre" | "pmarkFinal", number>>;
  report?: Partial<Pick<NewIncident, "reportOverview" | "reportDataItems" | "reportPersons" | "reportCause" | "reportSecondaryRisk" | "reportResponseToPersons" | "reportPublication" | "reportRecurrenceMeasures" | "reportOther">>;
  actions?: { description: string; owner: string; dueAfter: number; doneAfter?: number }[];
};

const SPECS: Spec[] = [
  {
    daysAgo: 540, time: "14:20", occurredHoursBefore: 3, title: "注文書のFAX誤送信", category: "misdirected", dept: "D04", reporterRole: "executive",
    description: "取引先A社宛の注文書を、短縮ダイヤルの登録誤りによりB社へFAX送信した。B社から連絡があり判明。",
    dataInvolved: "担当者氏名、電話番号", persons: 3, severity: "low", status: "closed", steps: [0, 1, 5, 12],
    containment: "B社に受信文書の廃棄を依頼し、廃棄完了の連絡を受けた。", made: { pmarkPre: 3, pmarkFinal: 20 },
    actions: [{ description: "FAX短縮ダイヤル登録内容の総点検", owner: "営業部 山本", dueAfter: 14, doneAfter: 10 }],
  },
  {
    daysAgo: 500, time: "09:10", title: "暗号化USBメモリの紛失", category: "loss", dept: "D06", reporterRole: "hr",
    description: "顧客対応記録を保存したUSBメモリを移動中に紛失。USBメモリはハードウェア暗号化済みでパスワード保護されていた。",
    dataInvolved: "顧客氏名、電話番号、問い合わせ内容", persons: 1200, flags: { encrypted: true }, severity: "medium", status: "closed", steps: [0, 2, 9, 30],
    containment: "紛失届を提出。暗号化方式と鍵管理を確認し、高度な暗号化の要件を満たすことを確認した。", made: { pmarkPre: 2, pmarkFinal: 25 },
    actions: [{ description: "USBメモリの持ち出し申請手続きを見直す", owner: "カスタマーサポート部 小林", dueAfter: 30, doneAfter: 28 }],
  },
  {
    daysAgo: 450, time: "17:45", occurredHoursBefore: 1, title: "メールマガジン配信時のBCC漏れ", category: "leakage", dept: "D07", reporterRole: "privacy_manager",
    description: "セミナー案内メールを送信する際、宛先をBCCではなくTOに入力したため、受信者全員にメールアドレスが表示された。",
    dataInvolved: "メールアドレス", persons: 1050, severity: "high", status: "closed", steps: [0, 1, 8, 40],
    containment: "受信者へお詫びと削除依頼のメールを送信。", made: { ppcPre: 2, ppcFinal: 25, persons: 2, pmarkPre: 2, pmarkFinal: 25 },
    report: {
      reportOverview: "セミナー案内メールの送信時にBCCとすべき宛先をTOに入力し、1,050名のメールアドレスが受信者間で表示された。",
      reportDataItems: "メールアドレス", reportPersons: "1,050名", reportCause: "一斉送信を通常のメールソフトで行い、送信前の確認が行われなかった。",
      reportSecondaryRisk: "現時点で二次被害の報告はない。", reportResponseToPersons: "対象者全員にお詫びと削除依頼のメールを送付した。",
      reportPublication: "当社ウェブサイトにお知らせを掲載した。", reportRecurrenceMeasures: "一斉送信はメール配信システムに限定し、手動での一斉送信を禁止した。",
    },
    actions: [{ description: "一斉送信をメール配信システムに限定する運用ルールの制定", owner: "マーケティング部 伊藤", dueAfter: 30, doneAfter: 21 }],
  },
  {
    daysAgo: 400, time: "11:00", title: "保存期間内の申込書の誤廃棄", category: "destruction", dept: "D02", reporterRole: "hr",
    description: "保存期間が残っているサービス申込書一式を、廃棄対象の箱と取り違えて溶解処理に出した。",
    dataInvolved: "氏名、住所、電話番号", persons: 60, severity: "low", status: "closed", steps: [1, 2, 6, 20],
    containment: "溶解処理済みで外部流出はないことを処理業者の証明書で確認。", made: { pmarkPre: 4, pmarkFinal: 28 },
  },
  {
    daysAgo: 330, time: "02:15", title: "問い合わせフォームへの不正アクセス", category: "unauthorized_access", dept: "D05", reporterRole: "privacy_manager",
    description: "ウェブサイトの問い合わせフォームの脆弱性を突いた不正アクセスを検知。データベースの一部が閲覧された可能性がある。",
    dataInvolved: "氏名、メールアドレス、問い合わせ内容", persons: 320, flags: { wrongfulPurpose: true }, severity: "critical", status: "closed", steps: [0, 1, 20, 70],
    containment: "フォームを停止し、脆弱性を修正した上で再開。", made: { ppcPre: 3, ppcFinal: 62, persons: 4, pmarkPre: 3, pmarkFinal: 58 },
    report: {
      reportOverview: "問い合わせフォームの脆弱性を突いた不正アクセスにより、問い合わせデータが閲覧された可能性がある。",
      reportDataItems: "氏名、メールアドレス、問い合わせ内容", reportPersons: "320名", reportCause: "フォームで利用していたライブラリの既知の脆弱性が未修正だった。",
      reportSecondaryRisk: "不審メールの送付等の二次被害のおそれがあるため、注意喚起を行った。", reportResponseToPersons: "対象者全員に個別に通知した。",
      reportPublication: "当社ウェブサイトで公表した。", reportRecurrenceMeasures: "脆弱性診断を四半期ごとに実施し、ライブラリの更新を月次で確認する。",
    },
    actions: [
      { description: "外部業者による脆弱性診断の実施", owner: "システム開発部 中村", dueAfter: 30, doneAfter: 25 },
      { description: "ライブラリ更新の月次確認手順の制定", owner: "システム開発部 中村", dueAfter: 45, doneAfter: 40 },
    ],
  },
  {
    daysAgo: 280, time: "16:30", title: "請求書の封入誤り", category: "misdirected", dept: "D08", reporterRole: "executive",
    description: "請求書を封入する際、別の取引先の請求書を同封して郵送した。",
    dataInvolved: "担当者氏名、請求金額", persons: 2, severity: "low", status: "closed", steps: [0, 1, 4, 15],
    containment: "誤送付先から返送を受けた。", made: { pmarkPre: 3, pmarkFinal: 20 },
    actions: [{ description: "封入時のダブルチェックの徹底", owner: "経理部 加藤", dueAfter: 14, doneAfter: 7 }],
  },
  {
    daysAgo: 220, time: "20:40", title: "ノートPCの盗難（暗号化済み）", category: "loss", dept: "D04", reporterRole: "executive",
    description: "出張中の営業部員の車上荒らしにより業務用ノートPCが盗難された。ディスク全体暗号化済み。",
    dataInvolved: "顧客名簿（氏名、会社名、電話番号）", persons: 450, flags: { encrypted: true }, severity: "medium", status: "closed", steps: [0, 1, 3, 25],
    containment: "遠隔ロックを実行し、アカウントを無効化した。", made: { pmarkPre: 2, pmarkFinal: 24 },
  },
  {
    daysAgo: 170, time: "13:05", title: "健康診断結果の誤送付", category: "misdirected", dept: "D03", reporterRole: "hr",
    description: "従業員1名の健康診断結果を、同姓の別の従業員に社内便で送付した。",
    dataInvolved: "氏名、健康診断結果", persons: 1, flags: { sensitiveData: true }, severity: "high", status: "resolved", steps: [0, 1, 10],
    containment: "誤送付先の従業員から回収し、本人に事情を説明した。", made: { ppcPre: 3, ppcFinal: 28, persons: 1, pmarkPre: 3, pmarkFinal: 28 },
    report: {
      reportOverview: "健康診断結果を同姓の別の従業員へ社内便で誤送付した。", reportDataItems: "氏名、健康診断結果", reportPersons: "1名",
      reportCause: "宛名ラベル作成時に社員番号を確認しなかった。", reportSecondaryRisk: "回収済みであり二次被害のおそれはない。",
      reportResponseToPersons: "本人に面談で説明し謝罪した。", reportPublication: "本人のみに関わるため公表していない。",
      reportRecurrenceMeasures: "宛名ラベルを社員番号から自動作成する。",
    },
    actions: [{ description: "宛名ラベルを社員番号から自動作成する仕組みの導入", owner: "人事部 鈴木", dueAfter: 60, doneAfter: 50 }],
  },
  {
    daysAgo: 120, time: "10:20", title: "顧客データの誤更新", category: "tampering", dept: "D06", reporterRole: "hr",
    description: "一括更新作業の手順誤りにより、顧客の住所データ30件が別の顧客の住所で上書きされた。",
    dataInvolved: "氏名、住所", persons: 30, severity: "medium", status: "closed", steps: [0, 0, 3, 14],
    containment: "バックアップから復元した。", made: { pmarkPre: 2, pmarkFinal: 21 },
  },
  {
    daysAgo: 75, time: "15:50", title: "共有フォルダのアクセス権設定誤り", category: "leakage", dept: "D05", reporterRole: "auditor",
    description: "内部監査で、人事評価資料を保存した共有フォルダが全社員から閲覧可能になっていることが判明した。",
    dataInvolved: "氏名、評価結果", persons: 40, severity: "high", status: "contained", steps: [0, 2],
    containment: "アクセス権を人事部のみに修正した。アクセスログを確認中。", made: { pmarkPre: 4, pmarkFinal: 29 },
    actions: [
      { description: "共有フォルダのアクセス権の全件棚卸し", owner: "システム開発部 中村", dueAfter: 90 },
      { description: "フォルダ作成時のアクセス権設定手順の文書化", owner: "総務部 田中", dueAfter: 60, doneAfter: 50 },
    ],
  },
  {
    daysAgo: 45, time: "18:10", title: "宅配便の送り状控えの紛失", category: "loss", dept: "D02", reporterRole: "hr",
    description: "発送業務で使用した送り状控え（約20件分）の所在が不明になった。",
    dataInvolved: "氏名、住所、電話番号", persons: 20, severity: "low", status: "investigating", steps: [1],
    made: { pmarkPre: 3 },
  },
  {
    daysAgo: 20, time: "11:30", title: "クレジットカード情報を含む申込書の誤送信", category: "misdirected", dept: "D06", reporterRole: "hr",
    description: "カード番号を記載した申込書のPDFを、別の顧客へメールで誤送信した。",
    dataInvolved: "氏名、クレジットカード番号、有効期限", persons: 1, flags: { financialLoss: true }, severity: "high", status: "contained", steps: [0, 1],
    containment: "誤送信先に削除を依頼し、削除の確認を得た。カード会社に連絡済み。", made: { ppcPre: 2, persons: 2, pmarkPre: 2 },
    actions: [{ description: "カード情報の受付をメールから決済代行サービスへ移行", owner: "カスタマーサポート部 小林", dueAfter: 45 }],
  },
  {
    daysAgo: 12, time: "23:30", title: "会員サイトへの不正ログイン", category: "unauthorized_access", dept: "D05", reporterRole: "privacy_manager",
    description: "会員サイトでパスワードリスト型攻撃とみられる大量のログイン試行を検知し、一部アカウントへの不正ログインを確認した。",
    dataInvolved: "氏名、メールアドレス、住所、購入履歴", persons: 860, flags: { wrongfulPurpose: true }, severity: "critical", status: "investigating", steps: [0],
    containment: "対象アカウントのパスワードをリセットした。",
  },
  {
    daysAgo: 4, time: "16:00", occurredHoursBefore: 5, title: "健康診断の再検査通知のFAX誤送信", category: "misdirected", dept: "D03", reporterRole: "hr",
    description: "健診機関への再検査依頼をFAXで送る際、番号の入力を誤り別の事業所へ送信した。",
    dataInvolved: "氏名、生年月日、検査項目", persons: 1, flags: { sensitiveData: true }, severity: "high", status: "reported",
  },
  {
    daysAgo: 3, time: "10:05", occurredHoursBefore: 1, title: "見積書メールの誤送信", category: "misdirected", dept: "D04", reporterRole: "executive",
    description: "見積書を添付したメールを、アドレス帳の自動補完により別の顧客へ送信した。",
    dataInvolved: "担当者氏名、メールアドレス", persons: 1, severity: "low", status: "reported",
  },
];

function at(date: string, time: string, plusHours = 0): Date {
  return new Date(new Date(`${date}T${time}:00+09:00`).getTime() + plusHours * 3600_000);
}

export async function seedIncidents(tx: Tx, ctx: { today: string; fyStartMonth?: number }): Promise<{ incidents: number; correctiveActions: number }> {
  const fyStart = ctx.fyStartMonth ?? DEFAULT_FY_START_MONTH;
  const userRows = await tx.select({ id: users.id, name: users.name, role: users.role }).from(users);
  const deptRows = await tx.select({ id: departments.id, code: departments.code }).from(departments).where(inArray(departments.code, [...new Set(SPECS.map((s) => s.dept))]));
  const userOf = (role: string) => userRows.find((u) => u.role === role) ?? null;
  const manager = userOf("privacy_manager");
  const deptId = new Map(deptRows.map((d) => [d.code, d.id]));
  const seqByFy = new Map<number, number>();
  let actionCount = 0;
  const pendingActions: { incidentId: number; description: string; owner: string; dueOn: string; doneOn: string | null; first: boolean }[] = [];

  for (const s of SPECS) {
    const day = addDays(ctx.today, -s.daysAgo);
    const discoveredAt = at(day, s.time);
    const fy = fiscalYearOf(day, fyStart);
    const seq = (seqByFy.get(fy) ?? 0) + 1;
    seqByFy.set(fy, seq);
    const reporter = userOf(s.reporterRole);
    const made = (n: number | undefined) => (n === undefined ? null : addDays(day, n));
    const steps = s.steps ?? [];
    const closedAt = s.status === "closed" ? at(addDays(day, steps[3]), "17:00") : null;
    const [row] = await tx
      .insert(incidents)
      .values({
        reference: `INC-${fy}-${String(seq).padStart(3, "0")}`,
        fiscalYear: fy,
        seq,
        title: s.title,
        category: s.category,
        occurredAt: s.occurredHoursBefore === undefined ? null : at(day, s.time, -s.occurredHoursBefore),
        discoveredAt,
        reporterId: reporter?.id ?? null,
        reporterName: reporter?.name ?? "—",
        departmentId: deptId.get(s.dept) ?? null,
        description: s.description,
        dataInvolved: s.dataInvolved,
        personsAffected: s.persons,
        sensitiveData: s.flags?.sensitiveData ?? false,
        financialLoss: s.flags?.financialLoss ?? false,
        wrongfulPurpose: s.flags?.wrongfulPurpose ?? false,
        encrypted: s.flags?.encrypted ?? false,
        severity: s.severity,
        status: s.status,
        containment: s.containment ?? null,
        ...s.report,
        ppcPreliminaryReportedOn: made(s.made?.ppcPre),
        ppcFinalReportedOn: made(s.made?.ppcFinal),
        personsNotifiedOn: made(s.made?.persons),
        pmarkPreliminaryReportedOn: made(s.made?.pmarkPre),
        pmarkFinalReportedOn: made(s.made?.pmarkFinal),
        closedApprovedBy: closedAt ? (manager?.id ?? null) : null,
        closedApprovedAt: closedAt,
        createdAt: at(day, s.time, 1),
        updatedAt: at(day, s.time, 1),
      })
      .returning({ id: incidents.id });
    // The timeline: reported, then each later status on its day.
    const reached = INCIDENT_STATUSES.slice(0, INCIDENT_STATUSES.indexOf(s.status) + 1);
    await tx.insert(incidentTransitions).values(
      reached.map((to, i) => ({
        incidentId: row.id,
        fromStatus: i === 0 ? null : reached[i - 1],
        toStatus: to,
        actorId: i === 0 ? (reporter?.id ?? null) : (manager?.id ?? null),
        actorName: (i === 0 ? reporter?.name : manager?.name) ?? "—",
        // Never before the report itself (a discovery late at night is reported after midnight).
        at: i === 0 ? at(day, s.time, 1) : new Date(Math.max(at(addDays(day, steps[i - 1]), "18:00").getTime(), at(day, s.time, 1 + i).getTime())),
        note: null,
      })),
    );
    for (const a of s.actions ?? []) {
      pendingActions.push({ incidentId: row.id, description: a.description, owner: a.owner, dueOn: addDays(day, a.dueAfter), doneOn: a.doneAfter === undefined ? null : addDays(day, a.doneAfter), first: s.status === "contained" && s.daysAgo === 75 });
    }
  }
  // Corrective action 1 belongs to an open incident, for the API reference's examples.
  pendingActions.sort((a, b) => Number(b.first) - Number(a.first));
  if (pendingActions.length) {
    await tx.insert(incidentCorrectiveActions).values(pendingActions.map((a) => ({ incidentId: a.incidentId, description: a.description, owner: a.owner, dueOn: a.dueOn, doneOn: a.doneOn })));
    actionCount = pendingActions.length;
  }
  for (const [fiscalYear, lastSeq] of seqByFy) {
    await tx.insert(incidentCounters).values({ fiscalYear, lastSeq }).onConflictDoUpdate({ target: incidentCounters.fiscalYear, set: { lastSeq } });
  }
  return { incidents: SPECS.length, correctiveActions: actionCount };
}
