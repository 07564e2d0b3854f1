import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { assessmentTemplates, assessments, contractorCertifications, contractors, type AssessmentScore } from "@/db/schema";
import { withCheckDigit } from "@/lib/contractors/corporate-number";
import { DEFAULT_TEMPLATE, DEFAULT_TEMPLATE_FAMILY } from "@/lib/contractors/default-template";
import { nextAssessmentDue, type AssessmentType, type CertificationKind, type ContractorStatus } from "@/lib/contractors/rules";
import { resultFor, weightedTotal } from "@/lib/contractors/scoring";
import { addDays } from "@/lib/dates";
import { mulberry32 } from "./random";

/**
 * Demo contractors 委託先 of RUFT Inc. (docs/domain.md §4), relative to `today`: a register with approved,
 * conditional and candidate contractors, assessment history over several years, a few expired
 * certifications, one overdue periodic assessment and one contract that started before its
 * assessment (flagged). Corporate numbers are fictitious bases with computed check digits.
 * The first rows are the ones the API reference's examples use (keep their order):
 *   #1 a candidate with no assessment, #2 a candidate with an approved initial assessment,
 *   #3 an approved contractor whose latest assessment can be withdrawn.
 */

type SeedAssessment = { type: AssessmentType; daysAgo: number; level: number; conditions?: string; nextDueMonths?: number };
type SeedContractor = {
  name: string;
  base: string | null;
  services: string;
  data: string[];
  volume: number | null;
  status: ContractorStatus;
  /** Contract start, days before today (negative: in the future); null: no contract yet. */
  startDaysAgo: number | null;
  endDaysAgo?: number;
  months?: number;
  contact: [string, string, string];
  certs?: [CertificationKind, string, number | null][];
  as: SeedAssessment[];
  note?: string;
};

const ASSESSORS = ["個人情報保護管理者 佐藤 恵子", "監査責任者 高橋 直樹", "情報システム部 中村 亮"];

const CONTRACTORS: SeedContractor[] = [
  {
    name: "株式会社ネクストクラウド",
    base: "010001000006",
    services: "人事給与システムのクラウド提供（SaaS）",
    data: ["氏名", "社員番号", "給与額", "口座情報"],
    volume: 450,
    status: "candidate",
    startDaysAgo: null,
    contact: ["営業部 佐々木", "sales@nextcloud.example.jp", "03-5555-0101"],
    certs: [["isms", "IS 700001", 900]],
    as: [],
    note: "新規選定中。初回評価の実施待ち。",
  },
  {
    name: "株式会社さくらペイロール",
    base: "010401123450",
    services: "給与計算・年末調整の代行",
    data: ["氏名", "住所", "マイナンバー", "給与額", "扶養家族"],
    volume: 480,
    status: "candidate",
    startDaysAgo: null,
    months: 6,
    contact: ["業務推進部 桜井 美香", "sakurai@sakura-payroll.example.jp", "03-5555-0202"],
    certs: [["pmark", "10820345(02)", 540]],
    as: [{ type: "initial", daysAgo: 10, level: 4.6 }],
    note: "特定個人情報を扱うため6か月ごとに評価。承認待ち。",
  },
  {
    name: "みらい印刷株式会社",
    base: "011101045678",
    services: "株主通知・DMの印刷および発送代行",
    data: ["氏名", "住所", "郵便番号"],
    volume: 35000,
    status: "approved",
    startDaysAgo: 700,
    contact: ["営業本部 三浦 健", "miura@mirai-print.example.jp", "03-5555-0303"],
    certs: [["pmark", "10860123(05)", 420]],
    as: [
      { type: "initial", daysAgo: 720, level: 4.3 },
      { type: "periodic", daysAgo: 355, level: 4.4 },
      { type: "periodic", daysAgo: 20, level: 4.5 },
    ],
  },
  {
    name: "東洋コールセンター株式会社",
    base: "010701098765",
    services: "お客様相談窓口（コールセンター）の運営",
    data: ["氏名", "電話番号", "メールアドレス", "問合せ内容"],
    volume: 60000,
    status: "approved",
    startDaysAgo: 1100,
    contact: ["センター長 東 正人", "azuma@toyo-cc.example.jp", "06-5555-0404"],
    certs: [["pmark", "10840567(04)", 300], ["isms", "IS 610234", 200]],
    as: [
      { type: "initial", daysAgo: 1120, level: 4.2 },
      { type: "periodic", daysAgo: 790, level: 4.0 },
      { type: "periodic", daysAgo: 430, level: 4.1 },
    ],
    note: "定期評価の日程調整中（先方の監査対応のため延期）。",
  },
  {
    name: "有限会社データ入力センター北",
    base: "043002011223",
    services: "アンケート用紙のデータ入力",
    data: ["氏名", "年齢", "性別", "回答内容"],
    volume: 8000,
    status: "approved",
    startDaysAgo: 300,
    contact: ["代表 北川 誠", "kitagawa@dec-kita.example.jp", "011-555-0505"],
    certs: [],
    as: [{ type: "initial", daysAgo: 280, level: 4.2 }],
    note: "繁忙期の緊急発注で評価前に作業を開始していた。是正報告書 No.2025-07 参照。",
  },
  {
    name: "株式会社スカイホスティング",
    base: "010401077001",
    services: "自社ECサイトのサーバー運用・保守",
    data: ["氏名", "住所", "電話番号", "購入履歴"],
    volume: 120000,
    status: "approved",
    startDaysAgo: 1500,
    contact: ["カスタマーサクセス 空野 翔", "support@skyhost.example.jp", "03-5555-0606"],
    certs: [["isms", "IS 588012", 150], ["other", "ISO/IEC 27017 CLOUD 700123", 150]],
    as: [
      { type: "initial", daysAgo: 1520, level: 4.6 },
      { type: "periodic", daysAgo: 1160, level: 4.5 },
      { type: "periodic", daysAgo: 800, level: 4.6 },
      { type: "periodic", daysAgo: 440, level: 4.7 },
      { type: "periodic", daysAgo: 80, level: 4.7 },
    ],
  },
  {
    name: "アオバシステム保守株式会社",
    base: "037001033445",
    services: "基幹システムの保守・障害対応",
    data: ["氏名", "社員番号", "取引先担当者情報"],
    volume: 2500,
    status: "conditional",
    startDaysAgo: 500,
    contact: ["保守サービス部 青葉 剛", "aoba@aoba-sys.example.jp", "022-555-0707"],
    certs: [["pmark", "10823456(01)", -40]],
    as: [
      { type: "initial", daysAgo: 520, level: 3.6, conditions: "リモート保守端末の多要素認証を3か月以内に導入すること。" },
      { type: "periodic", daysAgo: 150, level: 3.5, conditions: "再委託先（夜間監視）の一覧と誓約書を次回評価までに提出すること。" },
    ],
  },
  {
    name: "株式会社ロジスティクス関東",
    base: "030001056789",
    services: "会員向け記念品の保管・配送",
    data: ["氏名", "住所", "電話番号"],
    volume: 15000,
    status: "approved",
    startDaysAgo: 260,
    contact: ["物流企画課 関 英二", "seki@logi-kanto.example.jp", "048-555-0808"],
    certs: [["pmark", "10870011(03)", 610]],
    as: [{ type: "initial", daysAgo: 270, level: 4.1 }],
  },
  {
    name: "グリーンメール株式会社",
    base: "010401099887",
    services: "メールマガジン配信サービス",
    data: ["氏名", "メールアドレス", "配信履歴"],
    volume: 90000,
    status: "approved",
    startDaysAgo: 900,
    contact: ["営業部 緑川 葵", "midorikawa@greenmail.example.jp", "03-5555-0909"],
    certs: [["isms", "IS 650777", -120]],
    as: [
      { type: "initial", daysAgo: 910, level: 4.3 },
      { type: "periodic", daysAgo: 545, level: 4.2 },
      { type: "periodic", daysAgo: 190, level: 4.2 },
    ],
  },
  {
    name: "株式会社ひかり健診サービス",
    base: "012001067890",
    services: "定期健康診断の実施と結果通知",
    data: ["氏名", "生年月日", "健康診断結果（要配慮個人情報）"],
    volume: 130,
    status: "approved",
    startDaysAgo: 1300,
    months: 12,
    contact: ["法人健診課 光井 遥", "mitsui@hikari-kenshin.example.jp", "03-5555-1010"],
    certs: [["pmark", "10810987(06)", 700]],
    as: [
      { type: "initial", daysAgo: 1320, level: 4.5 },
      { type: "periodic", daysAgo: 960, level: 4.6 },
      { type: "periodic", daysAgo: 600, level: 4.4 },
      { type: "periodic", daysAgo: 240, level: 4.7 },
    ],
  },
  {
    name: "株式会社翻訳工房ミライ",
    base: "012001076543",
    services: "契約書・社内文書の翻訳",
    data: ["氏名", "取引先担当者情報"],
    volume: 300,
    status: "conditional",
    startDaysAgo: 140,
    contact: ["代表取締役 未来 和也", "info@honyaku-mirai.example.jp", "06-5555-1111"],
    certs: [],
    as: [{ type: "initial", daysAgo: 150, level: 3.4, conditions: "翻訳者との秘密保持契約書の写しを提出すること。作業用PCのディスク暗号化を徹底すること。" }],
  },
  {
    name: "シュレッダーサービス東京株式会社",
    base: "010701054321",
    services: "機密文書の回収・溶解処理",
    data: ["紙媒体の個人情報全般"],
    volume: null,
    status: "approved",
    startDaysAgo: 1000,
    contact: ["営業課 石田 修", "ishida@shred-tokyo.example.jp", "03-5555-1212"],
    certs: [["pmark", "10850432(04)", 230]],
    as: [
      { type: "initial", daysAgo: 1030, level: 4.4 },
      { type: "periodic", daysAgo: 670, level: 4.3 },
      { type: "periodic", daysAgo: 310, level: 4.4 },
    ],
  },
  {
    name: "株式会社ウェブアナリティクス・ラボ",
    base: "011001043210",
    services: "Webアクセス解析・広告効果測定",
    data: ["Cookie ID", "閲覧履歴", "メールアドレス（ハッシュ化）"],
    volume: 250000,
    status: "candidate",
    startDaysAgo: null,
    contact: ["ソリューション部 解田 学", "lab@web-analytics.example.jp", "03-5555-1313"],
    certs: [],
    as: [
      {
        type: "initial",
        daysAgo: 35,
        level: 2.6,
        conditions: "再委託先（海外クラウド）の所在国と安全管理措置が不明。提供資料の再提出を求める。",
      },
    ],
    note: "初回評価は不合格。改善資料の受領後に再評価予定。",
  },
  {
    name: "株式会社はやて採用支援",
    base: "010401034567",
    services: "新卒採用の応募受付・適性検査",
    data: ["氏名", "生年月日", "学歴", "連絡先", "適性検査結果"],
    volume: 5000,
    status: "approved",
    startDaysAgo: 620,
    contact: ["HRソリューション部 早田 優", "hayata@hayate-saiyo.example.jp", "03-5555-1414"],
    certs: [["pmark", "10830876(03)", 380]],
    as: [
      { type: "initial", daysAgo: 640, level: 4.0 },
      { type: "periodic", daysAgo: 290, level: 4.5 },
    ],
  },
  {
    name: "株式会社まごころ発送センター",
    base: "012401087654",
    services: "カタログ・請求書の封入封緘と発送",
    data: ["氏名", "住所", "請求金額"],
    volume: 42000,
    status: "conditional",
    startDaysAgo: 330,
    contact: ["業務課 真心 花子", "gyomu@magokoro-hassou.example.jp", "045-555-1515"],
    certs: [["pmark", "10880765(01)", 60]],
    as: [{ type: "initial", daysAgo: 335, level: 3.7, conditions: "誤封入防止の照合手順（重量検査）を導入し、実施記録を提出すること。" }],
  },
  {
    name: "株式会社ITサポート西日本",
    base: "012001098712",
    services: "社内ヘルプデスク・PCキッティング",
    data: ["氏名", "社員番号", "メールアドレス"],
    volume: 450,
    status: "approved",
    startDaysAgo: 420,
    contact: ["サービスデスク 西村 大輔", "nishimura@its-west.example.jp", "06-5555-1616"],
    certs: [["isms", "IS 677001", 480]],
    as: [
      { type: "initial", daysAgo: 430, level: 4.2 },
      { type: "periodic", daysAgo: 65, level: 4.3 },
    ],
  },
  {
    name: "株式会社ブルーオーシャン・リサーチ",
    base: "010401065432",
    services: "顧客満足度調査の実施・集計",
    data: ["氏名", "メールアドレス", "回答内容"],
    volume: 20000,
    status: "suspended",
    startDaysAgo: 800,
    contact: ["リサーチ部 青海 学", "aoumi@blue-research.example.jp", "03-5555-1717"],
    certs: [["pmark", "10840111(02)", -200]],
    as: [
      { type: "initial", daysAgo: 820, level: 4.0 },
      { type: "ad_hoc", daysAgo: 100, level: 2.8, conditions: "調査票データの誤送信事故を受けた臨時評価。再発防止策の完了まで取引を停止する。" },
    ],
    note: "2件の誤送信事故（インシデント報告参照）により取引停止中。",
  },
  {
    name: "株式会社オフィスクリーン",
    base: "011101023456",
    services: "執務室の清掃（個人情報の閲覧可能性あり）",
    data: ["執務室内の書類（閲覧可能性）"],
    volume: null,
    status: "approved",
    startDaysAgo: 1200,
    months: 24,
    contact: ["営業所長 清水 勇", "shimizu@office-clean.example.jp", "03-5555-1818"],
    certs: [],
    as: [
      { type: "initial", daysAgo: 1210, level: 4.0, nextDueMonths: 24 },
      { type: "periodic", daysAgo: 480, level: 4.1, nextDueMonths: 24 },
    ],
    note: "取り扱う個人情報が限定的なため、再評価の間隔を24か月としている。",
  },
  {
    name: "株式会社ファーストペイメント",
    base: "010401011122",
    services: "クレジットカード決済代行",
    data: ["氏名", "カード情報（トークン化）", "購入金額"],
    volume: 80000,
    status: "approved",
    startDaysAgo: 1400,
    contact: ["加盟店営業部 一ノ瀬 亮", "ichinose@first-pay.example.jp", "03-5555-1919"],
    certs: [["isms", "IS 540099", 330], ["other", "PCI DSS v4.0 準拠", 160]],
    as: [
      { type: "initial", daysAgo: 1410, level: 4.8 },
      { type: "periodic", daysAgo: 1050, level: 4.7 },
      { type: "periodic", daysAgo: 690, level: 4.8 },
      { type: "periodic", daysAgo: 325, level: 4.8 },
    ],
  },
  {
    name: "株式会社さくら会計事務所",
    base: "011001055667",
    services: "記帳代行・経理業務支援",
    data: ["取引先担当者情報", "役員報酬"],
    volume: 200,
    status: "approved",
    startDaysAgo: 950,
    contact: ["所長 桜田 修", "sakurada@sakura-kaikei.example.jp", "03-5555-2020"],
    certs: [],
    as: [
      { type: "initial", daysAgo: 960, level: 4.1 },
      { type: "periodic", daysAgo: 600, level: 4.0 },
      { type: "periodic", daysAgo: 235, level: 4.3 },
    ],
  },
  {
    name: "株式会社トラベルデスク",
    base: "010401088990",
    services: "出張手配（航空券・宿泊）",
    data: ["氏名", "生年月日", "パスポート番号", "連絡先"],
    volume: 300,
    status: "approved",
    startDaysAgo: 560,
    contact: ["法人営業部 旅田 彩", "tabita@traveldesk.example.jp", "03-5555-2121"],
    certs: [["pmark", "10890222(02)", 260]],
    as: [
      { type: "initial", daysAgo: 575, level: 4.1 },
      { type: "periodic", daysAgo: 215, level: 4.2 },
    ],
  },
  {
    name: "株式会社旧データセンター",
    base: "010401044556",
    services: "オンプレミスサーバーのハウジング（2025年3月終了）",
    data: ["氏名", "住所", "購入履歴"],
    volume: 100000,
    status: "terminated",
    startDaysAgo: 2200,
    endDaysAgo: 600,
    contact: ["解約窓口", "close@old-dc.example.jp", "03-5555-2222"],
    certs: [["isms", "IS 400100", -500]],
    as: [
      { type: "initial", daysAgo: 2210, level: 4.2 },
      { type: "periodic", daysAgo: 1850, level: 4.1 },
      { type: "periodic", daysAgo: 1480, level: 4.0 },
      { type: "periodic", daysAgo: 1110, level: 3.9 },
    ],
    note: "クラウド移行に伴い契約終了。データ消去証明書を受領済み。",
  },
  {
    name: "株式会社ことぶき福利厚生",
    base: "012401033221",
    services: "福利厚生サービスの提供",
    data: ["氏名", "社員番号", "家族構成"],
    volume: 460,
    status: "candidate",
    startDaysAgo: null,
    contact: ["営業部 寿 良子", "kotobuki@kotobuki-fukuri.example.jp", "03-5555-2323"],
    certs: [["pmark", "10870999(01)", 680]],
    as: [],
  },
  {
    name: "株式会社セキュアバックアップ",
    base: "010401022334",
    services: "業務データの遠隔バックアップ",
    data: ["業務データ全般（個人情報を含む）"],
    volume: 150000,
    status: "approved",
    startDaysAgo: 380,
    contact: ["技術営業 守屋 勉", "moriya@secure-backup.example.jp", "03-5555-2424"],
    certs: [["isms", "IS 699888", 520]],
    as: [
      { type: "initial", daysAgo: 390, level: 4.6 },
      { type: "periodic", daysAgo: 40, level: 4.6 },
    ],
  },
  {
    name: "株式会社えがお研修センター",
    base: "011001066778",
    services: "階層別研修の企画・運営",
    data: ["氏名", "所属部署", "受講履歴"],
    volume: 450,
    status: "conditional",
    startDaysAgo: 200,
    contact: ["研修企画部 笑田 陽", "emida@egao-kenshu.example.jp", "03-5555-2525"],
    certs: [],
    as: [{ type: "initial", daysAgo: 205, level: 3.5, conditions: "受講者名簿の受け渡しをパスワード付きZIPからファイル共有サービスへ変更すること。" }],
  },
];

/** Deterministic scores around a target level (0–5) for the criteria of the template. */
function scoresFor(level: number, rnd: () => number, keys: string[]): AssessmentScore[] {
  return keys.map((key) => {
    const s = Math.round(level + (rnd() - 0.5) * 1.6);
    return { key, score: Math.max(0, Math.min(5, s)), comment: null };
  });
}

export async function seedContractors(tx: Tx, ctx: { today: string; recordedBy?: number | null }): Promise<{ contractors: number; contractorAssessments: number; contractorCertifications: number }> {
  const rnd = mulberry32(4_2_2026);
  const d = (daysAgo: number) => addDays(ctx.today, -daysAgo);
  let [template] = await tx
    .select()
    .from(assessmentTemplates)
    .where(and(eq(assessmentTemplates.family, DEFAULT_TEMPLATE_FAMILY), isNull(assessmentTemplates.supersededAt)));
  // The migration writes the default template; a database without it gets it here.
  if (!template) [template] = await tx.insert(assessmentTemplates).values({ family: DEFAULT_TEMPLATE_FAMILY, ...DEFAULT_TEMPLATE }).returning();
  const keys = template.criteria.map((c) => c.key);

  let nAssessments = 0;
  let nCerts = 0;
  let nContractors = 0;
  for (const c of CONTRACTORS) {
    const corporateNumber = c.base ? withCheckDigit(c.base) : null;
    const [row] = await tx
      .insert(contractors)
      .values({
        name: c.name,
        corporateNumber,
        services: c.services,
        dataCategories: c.data,
        dataVolume: c.volume,
        contractStart: c.startDaysAgo === null ? null : d(c.startDaysAgo),
        contractEnd: c.endDaysAgo === undefined ? null : d(c.endDaysAgo),
        status: c.status,
        contactName: c.contact[0],
        contactEmail: c.contact[1],
        contactPhone: c.contact[2],
        reassessmentMonths: c.months ?? null,
        note: c.note ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: contractors.id });
    if (!row) continue;
    nContractors++;
    if (c.certs?.length) {
      await tx.insert(contractorCertifications).values(
        c.certs.map(([kind, number, expiresIn]) => ({ contractorId: row.id, kind, number, expiresOn: expiresIn === null ? null : d(-expiresIn) })),
      );
      nCerts += c.certs.length;
    }
    for (const [i, a] of c.as.entries()) {
      const scores = scoresFor(a.level, rnd, keys);
      if (a.conditions) scores[3] = { ...scores[3], comment: "改善事項あり（条件欄参照）" };
      const total = weightedTotal(template.criteria, scores, template.maxScore)!;
      const assessedOn = d(a.daysAgo);
      await tx.insert(assessments).values({
        contractorId: row.id,
        templateId: template.id,
        type: a.type,
        assessedOn,
        assessor: ASSESSORS[(i + nContractors) % ASSESSORS.length],
        scores,
        totalPercent: total,
        result: resultFor(total, template),
        conditions: a.conditions ?? null,
        nextDueOn: nextAssessmentDue(assessedOn, a.nextDueMonths ?? c.months ?? null),
        evidence: `委託先評価チェックシート ${assessedOn.slice(0, 4)}-${String(row.id * 10 + i).padStart(3, "0")}`,
        recordedBy: ctx.recordedBy ?? null,
      });
      nAssessments++;
    }
  }
  return { contractors: nContractors, contractorAssessments: nAssessments, contractorCertifications: nCerts };
}
