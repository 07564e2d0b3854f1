import type { Tx } from "@/db";
import { contractors, disclosureRequestCounters, disclosureRequests, jointUses, provisionRecords } from "@/db/schema";
import { addDays } from "@/lib/dates";
import { DEFAULT_FY_START_MONTH, fiscalYearOf } from "@/lib/fiscal-year";
import { recordRequired, retention } from "@/lib/provisions/rules";
import type { NewDisclosureRequest, NewProvisionRecord } from "@/db/schema/requests";

/**
 * Demo requests from individuals and provision records for RUFT Inc. (docs/domain.md §7), laid out
 * relative to `today` in the order they were received (ids follow time within each list). The API
 * reference's examples point at them: request 1 awaits identity documents, 2 the fee, 3 is ready to be
 * answered, 4 is open and late, 7 is past its retention; provision record 7 is past its retention.
 */

type RequestSpec = Omit<NewDisclosureRequest, "reference" | "fiscalYear" | "seq" | "receivedOn"> & { receivedAgo: number; at?: Record<string, number> };

// `at`: days ago of the date columns (identityRequestedOn, identityCheckedOn, feeRequestedOn, feePaidOn, answeredOn, withdrawnOn).
const REQUESTS: RequestSpec[] = [
  {
    receivedAgo: 3, kind: "disclosure", channel: "email", requesterName: "佐々木 健一", requesterContact: "k.sasaki@example.jp",
    details: "私の利用者登録情報およびログイン履歴の開示を求めます。", disclosureMethod: "electronic", at: { identityRequestedOn: 2 },
  },
  {
    receivedAgo: 10, kind: "provision_record_disclosure", channel: "web_form", requesterName: "高橋 美咲", requesterContact: "misaki.t@example.jp",
    details: "私の個人データを第三者に提供した記録の開示を求めます。", disclosureMethod: "electronic",
    identityMethod: "registered_details_match", identityCheckedBy: "個人情報保護管理者 佐藤", feeExclTax: 1000, feeTaxRatePercent: 10, at: { identityCheckedOn: 8, feeRequestedOn: 8 },
  },
  {
    receivedAgo: 6, kind: "correction", channel: "post", requesterName: "中村 大輔", requesterAddress: "東京都世田谷区桜新町1-2-3",
    details: "登録住所が旧住所のままのため、新住所への訂正を求めます。", identityMethod: "id_document_copy", identityCheckedBy: "個人情報保護管理者 佐藤", at: { identityCheckedOn: 4 },
  },
  {
    receivedAgo: 25, kind: "stop_use", channel: "email", requesterName: "小林 由美", requesterContact: "yumi.k@example.jp",
    details: "キャンペーン案内メールへの利用を停止してください。", identityMethod: "registered_details_match", identityCheckedBy: "個人情報保護管理者 佐藤", at: { identityCheckedOn: 20 },
  },
  {
    receivedAgo: 60, kind: "purpose_notice", channel: "in_person", requesterName: "加藤 誠", details: "私の個人情報の利用目的の通知を求めます。",
    identityMethod: "in_person_id", identityCheckedBy: "総務部 田中", feeExclTax: 1000, feeTaxRatePercent: 10,
    decision: "comply", answerMethod: "paper", answerNote: "利用目的を記載した書面を手交した。", at: { identityCheckedOn: 60, feeRequestedOn: 60, feePaidOn: 58, answeredOn: 55 },
  },
  {
    receivedAgo: 120, kind: "disclosure", channel: "email", requesterName: "山田 太郎（自称）", requesterContact: "taro.y@example.net",
    details: "登録情報の全件開示を求めます。", disclosureMethod: "electronic", decision: "refuse", refusalGround: "identity_unconfirmed",
    decisionReason: "本人確認書類の提出を2度依頼したが提出がなく、本人からの請求であることを確認できなかった。", answerMethod: "electronic", at: { identityRequestedOn: 118, answeredOn: 90 },
  },
  {
    receivedAgo: 1300, kind: "disclosure", channel: "post", requesterName: "井上 和子", requesterAddress: "神奈川県横浜市中区1-1", viaAgent: true, agentName: "井上 修",
    agentRelationship: "長男（委任状あり）", details: "母の利用者情報の開示を代理人として求めます。", disclosureMethod: "paper",
    identityMethod: "agent_authority", identityCheckedBy: "個人情報保護管理者 佐藤", feeExclTax: 1000, feeTaxRatePercent: 10, decision: "comply", answerMethod: "paper",
    at: { identityCheckedOn: 1298, feeRequestedOn: 1298, feePaidOn: 1295, answeredOn: 1290 },
  },
  {
    receivedAgo: 200, kind: "stop_provision", channel: "web_form", requesterName: "松本 亮", requesterContact: "ryo.m@example.jp",
    details: "提携先への個人データ提供を停止してください。", at: { withdrawnOn: 190 },
  },
  {
    receivedAgo: 400, kind: "correction", channel: "email", requesterName: "林 直子", requesterContact: "naoko.h@example.jp",
    details: "生年月日が誤っているため訂正を求めます。", identityMethod: "registered_details_match", identityCheckedBy: "個人情報保護管理者 佐藤",
    decision: "refuse", refusalGround: "no_grounds", decisionReason: "申込時の本人確認書類と照合し、登録内容が正確であることを確認した。", answerMethod: "electronic",
    at: { identityCheckedOn: 398, answeredOn: 392 },
  },
];

type ProvisionSpec = Omit<NewProvisionRecord, "providedFrom" | "providedTo" | "recordedOn" | "recordRequired" | "retainUntil" | "disposableFrom"> & {
  fromAgo: number;
  toAgo?: number;
  recordedAgo?: number;
  contractorName?: string;
  retiredAgo?: number;
  jointUse?: true;
};

const PROVISIONS: ProvisionSpec[] = [
  {
    fromAgo: 30, direction: "provided", ground: "consent", consentMethod: "キャンペーン応募フォームの同意チェック", counterpartyName: "株式会社エンゲージパートナーズ",
    counterpartyAddress: "東京都渋谷区渋谷2-1-1", counterpartyRepresentative: "代表取締役 森 拓也", persons: "2026年秋キャンペーン当選者 12名", dataItems: "氏名、住所、電話番号",
  },
  {
    fromAgo: 400, toAgo: 10, direction: "provided", ground: "consent", recordForm: "bulk_continuous", consentMethod: "利用規約への同意（提携サービス連携時）",
    counterpartyName: "株式会社ワークスタイル研究所", counterpartyAddress: "大阪府大阪市北区梅田1-1", counterpartyRepresentative: "代表取締役 西田 恵",
    persons: "連携を有効にした利用者（毎月約300名）", dataItems: "氏名、会社名、メールアドレス、利用状況",
  },
  {
    fromAgo: 45, direction: "provided", ground: "consent", consentMethod: "海外イベント参加申込書での同意（外国の制度等の情報提供後）",
    counterpartyName: "Engage Events Inc.", counterpartyAddress: "San Francisco, CA, USA", counterpartyRepresentative: "CEO Jane Miller", persons: "海外カンファレンス参加申込者 5名",
    dataItems: "氏名、会社名、メールアドレス", abroadCountry: "US", countrySystem: "連邦の包括的な個人情報保護法はなく、州法（カリフォルニア州CCPA等）による",
    recipientMeasures: "契約で目的外利用の禁止と安全管理措置を義務付け", informedBeforeConsent: true,
  },
  {
    fromAgo: 70, direction: "provided", ground: "law", counterpartyName: "渋谷税務署", counterpartyAddress: "東京都渋谷区宇田川町1-3",
    persons: "報酬支払先 8名", dataItems: "氏名、住所、支払金額", consentMethod: null,
  },
  {
    fromAgo: 300, direction: "provided", ground: "outsourcing", counterpartyName: "株式会社ネクストクラウド", contractorName: "株式会社ネクストクラウド",
    persons: "全利用者", dataItems: "利用者データベース（ホスティング）",
  },
  {
    fromAgo: 20, direction: "received", ground: "consent", counterpartyName: "株式会社キャリアリンク", counterpartyAddress: "東京都港区芝5-1-1",
    counterpartyRepresentative: "代表取締役 大野 聡", sourceHowObtained: "同社の転職支援サービス登録時に、当社への提供について本人の同意を取得",
    persons: "採用候補者 3名", dataItems: "氏名、職務経歴、連絡先", consentMethod: "提供元が登録フォームで取得した同意",
  },
  {
    fromAgo: 1200, direction: "provided", ground: "consent", consentMethod: "書面による同意", counterpartyName: "株式会社アドバンスマーケティング",
    counterpartyAddress: "東京都新宿区西新宿3-3-3", counterpartyRepresentative: "代表取締役 上田 浩", persons: "2023年アンケート回答者 40名", dataItems: "氏名、メールアドレス、回答内容",
  },
  {
    fromAgo: 500, toAgo: 400, direction: "provided", ground: "consent", recordForm: "contract_with_person", consentMethod: "有料オプション申込契約書",
    counterpartyName: "株式会社ギフトデリバリー", counterpartyAddress: "埼玉県さいたま市大宮区1-1", counterpartyRepresentative: "代表取締役 岡本 奈々",
    persons: "記念品送付オプション申込者 25名", dataItems: "氏名、住所、電話番号",
  },
  {
    fromAgo: 15, direction: "provided", ground: "consent", consentMethod: "共同研究参加同意書", counterpartyName: "Engagement Research GmbH",
    counterpartyAddress: "Berlin, Germany", counterpartyRepresentative: "Geschäftsführer Max Weber", persons: "共同研究参加者 20名", dataItems: "会社名、役職、回答データ", abroadCountry: "DE",
  },
  {
    // Record 10: entered twice by mistake and withdrawn (the API reference restores it).
    fromAgo: 30, direction: "provided", ground: "consent", consentMethod: "キャンペーン応募フォームの同意チェック", counterpartyName: "株式会社エンゲージパートナーズ",
    counterpartyAddress: "東京都渋谷区渋谷2-1-1", counterpartyRepresentative: "代表取締役 森 拓也", persons: "2026年秋キャンペーン当選者 12名（重複登録）", dataItems: "氏名、住所、電話番号",
    retiredAgo: 29,
  },
  {
    // Record 11: survey data shared under joint use 1 — logged, no record required (not a third party, Art. 27(5)(iii)).
    fromAgo: 60, toAgo: 5, direction: "provided", ground: "joint_use", jointUse: true, counterpartyName: "株式会社サンプル商事（法人契約企業）",
    persons: "同社従業員のサーベイ回答者 120名", dataItems: "氏名、所属部署、サーベイ回答",
  },
];

export async function seedRequests(tx: Tx, { today }: { today: string }): Promise<Record<string, number>> {
  // References follow receipt within each fiscal year; ids follow this list (the API reference's examples name them).
  const seqOf = new Map<RequestSpec, { fiscalYear: number; seq: number }>();
  const lastSeq = new Map<number, number>();
  for (const s of [...REQUESTS].sort((a, b) => b.receivedAgo - a.receivedAgo)) {
    const fiscalYear = fiscalYearOf(addDays(today, -s.receivedAgo), DEFAULT_FY_START_MONTH);
    const seq = (lastSeq.get(fiscalYear) ?? 0) + 1;
    lastSeq.set(fiscalYear, seq);
    seqOf.set(s, { fiscalYear, seq });
  }
  const rows: NewDisclosureRequest[] = REQUESTS.map((s) => {
    const { fiscalYear, seq } = seqOf.get(s)!;
    const { receivedAgo, at = {}, ...rest } = s;
    const dates = Object.fromEntries(Object.entries(at).map(([k, ago]) => [k, addDays(today, -ago)]));
    return { ...rest, ...dates, receivedOn: addDays(today, -receivedAgo), fiscalYear, seq, reference: `REQ-${fiscalYear}-${String(seq).padStart(3, "0")}` };
  });
  const inserted = await tx.insert(disclosureRequests).values(rows).returning({ id: disclosureRequests.id });
  for (const [fiscalYear, seq] of lastSeq) await tx.insert(disclosureRequestCounters).values({ fiscalYear, lastSeq: seq }).onConflictDoNothing();

  const joint = await tx
    .insert(jointUses)
    .values([{
      title: "導入企業との利用状況データの共同利用",
      purpose: "導入企業における従業員エンゲージメント施策の立案・効果測定のため",
      partners: "RUFTの法人契約企業（契約期間中に限る）",
      dataItems: "氏名、所属部署、役職、サーベイ回答、利用状況",
      responsibleName: "RUFT株式会社",
      responsibleAddress: "東京都渋谷区神南1-2-3",
      responsibleRepresentative: "代表取締役 田中 誠",
      publishedOn: addDays(today, -700),
    }, {
      // Joint use 2: ended when the affiliate left the group (the API reference restores it).
      title: "旧グループ会社とのセミナー参加者情報の共同利用",
      purpose: "共催セミナーの運営及び参加者へのご案内のため",
      partners: "株式会社ルフトラーニング（2025年3月までRUFTグループ）",
      dataItems: "氏名、会社名、部署、メールアドレス、参加履歴",
      responsibleName: "RUFT株式会社",
      responsibleAddress: "東京都渋谷区神南1-2-3",
      responsibleRepresentative: "代表取締役 田中 誠",
      publishedOn: addDays(today, -1100),
      retiredAt: new Date(`${addDays(today, -400)}T10:00:00+09:00`),
    }])
    .returning({ id: jointUses.id });
  const contractorRows = await tx.select({ id: contractors.id, name: contractors.name }).from(contractors);
  const contractorId = new Map(contractorRows.map((c) => [c.name, c.id]));
  const provisionRows: NewProvisionRecord[] = PROVISIONS.map(({ fromAgo, toAgo, recordedAgo, contractorName, retiredAgo, jointUse, ...p }) => {
    const providedFrom = addDays(today, -fromAgo);
    const providedTo = toAgo === undefined ? null : addDays(today, -toAgo);
    const recordedOn = addDays(today, -(recordedAgo ?? toAgo ?? fromAgo));
    const recordForm = p.recordForm ?? "individual";
    const kept = retention({ ground: p.ground, recordForm, recordedOn, providedFrom, providedTo });
    return {
      ...p,
      recordForm,
      providedFrom,
      providedTo,
      recordedOn,
      contractorId: contractorName ? (contractorId.get(contractorName) ?? null) : null,
      jointUseId: jointUse ? joint[0].id : null,
      recordRequired: recordRequired(p.ground),
      retainUntil: kept?.retainUntil ?? null,
      disposableFrom: kept?.disposableFrom ?? null,
      retiredAt: retiredAgo === undefined ? null : new Date(`${addDays(today, -retiredAgo)}T10:00:00+09:00`),
    };
  });
  const provisions = await tx.insert(provisionRecords).values(provisionRows).returning({ id: provisionRecords.id });
  return { disclosureRequests: inserted.length, provisionRecords: provisions.length, jointUses: joint.length };
}
