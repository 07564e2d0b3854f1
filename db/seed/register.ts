import { inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import {
  contractors,
  departments,
  purposesOfUse,
  registerItemContractors,
  registerItemPurposes,
  registerItems,
  registerItemVersions,
  registerReviews,
  registerRisks,
  registerRiskVersions,
  users,
  type Countermeasure,
} from "@/db/schema";
import { addDays } from "@/lib/dates";
import type { AcquisitionMethod, DataForm, LifecycleStage, ProvisionKind, RegisterKind, RiskThreat, SafeguardKind } from "@/lib/register/enums";
import { nextRegisterReviewDue } from "@/lib/register/review";

/**
 * The demo personal information register of RUFT Inc. (docs/domain.md §6), derived from its privacy
 * policy: the purposes of use are §3's seven; the items are where §2 says personal information is
 * acquired (contracts and user registration, payment data, the cloud phone book, inquiries and
 * campaigns, recruitment and HR), what §4 says about outsourcing and joint use, and §7's cookies and
 * analytics (person-related information). Each item carries its risk analysis per lifecycle stage
 * with countermeasures; some residual risks are accepted, a few high ones are not (the dashboard's
 * figure); some items are overdue for review. Dates relative to `today`. The order of the items is the
 * API reference's (item 1 is RUFT利用者登録情報; the last one is retired — lib/api/contracts/register.ts).
 */

/** §3 (1)–(7), and one purpose of a seminar business that ended (retired: purpose 8 in the API examples). */
export const PURPOSES: { code: string; text: string; retired?: boolean }[] = [
  { code: "P1", text: "利用者の契約者登録、利用者登録、本人確認、不正利用の防止等の利用者管理のため" },
  { code: "P2", text: "利用者の利用代金決済のため" },
  { code: "P3", text: "利用者へのRUFT提供のため" },
  { code: "P4", text: "利用状況の確認のため" },
  { code: "P5", text: "利用者への通知等の連絡業務、利用者の問い合わせに対する回答、キャンペーンの案内、アンケートの収集等のため" },
  { code: "P6", text: "採用希望者の採用業務や従業員の人事管理のため" },
  { code: "P7", text: "RUFT利用に関する統計処理、サービス向上、新規サービスの開発、マーケティング活動、販売や広告活動のため" },
  { code: "P8", text: "RUFT活用セミナーの参加受付と開催案内のため（2024年3月のセミナー事業終了により廃止）", retired: true },
];

type Profile = "web" | "paper" | "analytics" | "hr";

export type SeedItem = {
  code: string;
  name: string;
  kind?: RegisterKind;
  subjects: string[];
  items: string[];
  persons: number | null;
  form: DataForm;
  acquisition: AcquisitionMethod;
  notice: string;
  purposes: string[];
  dept: string;
  storagePlace: string;
  storageMethod: string;
  access: string;
  usePeriod: string;
  retention: string;
  disposal: string;
  contractors: string[];
  provision?: ProvisionKind;
  provisionBasis?: string;
  abroad?: string[];
  /** Days before today of the last review; null: never reviewed (registered `registeredDaysAgo` ago). */
  reviewedDaysAgo: number | null;
  registeredDaysAgo?: number;
  profile: Profile;
  /** Raises likelihood and impact of this item's risks (large or sensitive sets). */
  weight: 0 | 1 | 2;
  note?: string;
  retired?: boolean;
};

export const ITEMS: SeedItem[] = [
  {
    code: "PI-001",
    name: "RUFT利用者登録情報",
    subjects: ["RUFT利用者"],
    items: ["氏名", "メールアドレス", "所属企業名", "部署・役職", "ログインID", "パスワード（ハッシュ値）", "プロフィール画像"],
    persons: 85_000,
    form: "electronic",
    acquisition: "direct_written",
    notice: "利用者登録画面でプライバシーポリシーを表示し、同意のチェックを得て登録",
    purposes: ["P1", "P3", "P4", "P5"],
    dept: "D05",
    storagePlace: "RUFT本番データベース（国内クラウド、東京リージョン）",
    storageMethod: "データベース暗号化、パスワードはハッシュ化して保存",
    access: "システム開発部の運用担当者（特権IDは申請・承認制）",
    usePeriod: "利用契約の期間中",
    retention: "退会後1年",
    disposal: "退会1年後にバッチで論理削除、90日後に物理削除",
    contractors: ["株式会社スカイホスティング", "株式会社セキュアバックアップ"],
    reviewedDaysAgo: 200,
    profile: "web",
    weight: 2,
  },
  {
    code: "PI-002",
    name: "RUFT契約者情報（法人契約）",
    subjects: ["RUFT契約者の担当者"],
    items: ["会社名", "担当者氏名", "部署・役職", "メールアドレス", "電話番号", "会社住所", "契約プラン"],
    persons: 1_200,
    form: "electronic",
    acquisition: "direct_written",
    notice: "申込フォームで利用目的を明示し、利用規約・プライバシーポリシーへの同意を得て取得",
    purposes: ["P1", "P2", "P3", "P5"],
    dept: "D04",
    storagePlace: "顧客管理システム（クラウド）",
    storageMethod: "アクセス権限を営業部・経理部に限定",
    access: "営業部、経理部（請求担当）",
    usePeriod: "契約期間中",
    retention: "契約終了後7年（取引記録として）",
    disposal: "保存期間経過後にデータ削除、削除記録を保存",
    contractors: ["株式会社スカイホスティング"],
    reviewedDaysAgo: 200,
    profile: "web",
    weight: 1,
  },
  {
    code: "PI-003",
    name: "決済情報（クレジットカード）",
    subjects: ["RUFT契約者", "個人利用者"],
    items: ["カード名義", "カード番号（トークン化）", "有効期限", "請求先住所"],
    persons: 3_400,
    form: "electronic",
    acquisition: "direct_written",
    notice: "決済情報の登録画面で決済代行会社への提供と利用目的を表示",
    purposes: ["P2"],
    dept: "D08",
    storagePlace: "決済代行会社のシステム（当社はトークンのみ保持）",
    storageMethod: "カード番号は当社で保持せず、トークンと下4桁のみ保存",
    access: "経理部（請求照会のみ）",
    usePeriod: "契約期間中",
    retention: "契約終了後7年（トークン・請求記録）",
    disposal: "決済代行会社での削除依頼と当社トークンの削除",
    contractors: ["株式会社ファーストペイメント"],
    reviewedDaysAgo: 120,
    profile: "web",
    weight: 2,
  },
  {
    code: "PI-004",
    name: "請求・入金管理情報",
    subjects: ["RUFT契約者の請求担当者"],
    items: ["会社名", "請求担当者氏名", "請求先住所", "メールアドレス", "振込口座名義", "入金履歴"],
    persons: 1_150,
    form: "both",
    acquisition: "direct_written",
    notice: "申込書の請求先欄に利用目的を記載",
    purposes: ["P2"],
    dept: "D08",
    storagePlace: "会計システム（クラウド）／請求書控えは経理部の施錠キャビネット",
    storageMethod: "紙の控えは施錠保管、電子データは経理部のみ閲覧",
    access: "経理部",
    usePeriod: "契約期間中",
    retention: "7年（法定保存期間）",
    disposal: "紙は溶解処理、データは保存期間経過後に削除",
    contractors: ["株式会社さくら会計事務所", "株式会社まごころ発送センター"],
    reviewedDaysAgo: 420,
    profile: "paper",
    weight: 1,
  },
  {
    code: "PI-005",
    name: "クラウド電話帳データ",
    subjects: ["利用者が登録した取引先・知人"],
    items: ["氏名", "会社名", "部署・役職", "電話番号", "メールアドレス", "住所", "メモ"],
    persons: 1_200_000,
    form: "electronic",
    acquisition: "third_party",
    notice: "利用規約で、電話帳に登録する情報は利用者が適法に取得したものであることを求め、当社はサービス提供にのみ利用する旨を公表",
    purposes: ["P3"],
    dept: "D05",
    storagePlace: "RUFT本番データベース（国内クラウド、東京リージョン）",
    storageMethod: "利用者ごとに論理分離、データベース暗号化",
    access: "システム開発部の運用担当者（障害対応時のみ、承認制）",
    usePeriod: "利用契約の期間中",
    retention: "退会後90日",
    disposal: "退会90日後に自動削除、バックアップは世代管理で35日後に消滅",
    contractors: ["株式会社スカイホスティング", "株式会社セキュアバックアップ"],
    reviewedDaysAgo: 200,
    profile: "web",
    weight: 2,
    note: "本人から直接取得しない個人情報。件数は登録件数の概数。",
  },
  {
    code: "PI-006",
    name: "お問い合わせ情報",
    subjects: ["問い合わせ者（利用者・見込み客）"],
    items: ["氏名", "会社名", "メールアドレス", "電話番号", "問い合わせ内容"],
    persons: 6_500,
    form: "electronic",
    acquisition: "direct_other",
    notice: "問い合わせフォームに利用目的を表示、電話では音声ガイダンスで通知",
    purposes: ["P5"],
    dept: "D06",
    storagePlace: "問い合わせ管理システム（クラウド）",
    storageMethod: "担当者ごとのアカウント、二要素認証",
    access: "カスタマーサポート部、委託先のオペレーター",
    usePeriod: "回答完了まで",
    retention: "回答完了後3年",
    disposal: "保存期間経過後に自動削除",
    contractors: ["東洋コールセンター株式会社"],
    reviewedDaysAgo: 200,
    profile: "web",
    weight: 1,
  },
  {
    code: "PI-007",
    name: "サポート通話録音データ",
    subjects: ["電話での問い合わせ者"],
    items: ["通話音声", "発信者電話番号", "通話日時", "対応者"],
    persons: 4_000,
    form: "electronic",
    acquisition: "direct_other",
    notice: "通話冒頭の音声ガイダンスで録音と利用目的を通知",
    purposes: ["P5"],
    dept: "D06",
    storagePlace: "コールセンターの録音サーバー（委託先）",
    storageMethod: "録音ファイルの暗号化、再生ログの取得",
    access: "カスタマーサポート部の責任者、委託先の品質管理担当",
    usePeriod: "応対品質の確認が終わるまで",
    retention: "1年",
    disposal: "1年経過後に委託先で自動削除し、削除報告を受領",
    contractors: ["東洋コールセンター株式会社"],
    reviewedDaysAgo: 395,
    profile: "web",
    weight: 0,
  },
  {
    code: "PI-008",
    name: "キャンペーン応募者情報",
    subjects: ["キャンペーン応募者"],
    items: ["氏名", "住所", "電話番号", "メールアドレス", "応募内容"],
    persons: 9_800,
    form: "electronic",
    acquisition: "direct_written",
    notice: "応募フォームに利用目的（当選連絡・景品発送・今後の案内）を表示し同意を取得",
    purposes: ["P5", "P7"],
    dept: "D07",
    storagePlace: "キャンペーン管理システム（クラウド）",
    storageMethod: "応募期間終了後は閲覧権限を縮小",
    access: "マーケティング部のキャンペーン担当",
    usePeriod: "景品発送完了まで（案内は同意者のみ継続）",
    retention: "キャンペーン終了後1年",
    disposal: "保存期間経過後に削除、発送用の紙データは溶解処理",
    contractors: ["株式会社まごころ発送センター", "株式会社ロジスティクス関東"],
    reviewedDaysAgo: 200,
    profile: "web",
    weight: 1,
  },
  {
    code: "PI-009",
    name: "アンケート回答情報",
    subjects: ["アンケート回答者（利用者）"],
    items: ["氏名", "会社名", "メールアドレス", "回答内容", "満足度"],
    persons: 5_200,
    form: "both",
    acquisition: "direct_written",
    notice: "アンケート冒頭に利用目的と回答が任意であることを記載",
    purposes: ["P5", "P7"],
    dept: "D07",
    storagePlace: "アンケートシステム／紙の回答用紙はマーケティング部の施錠キャビネット",
    storageMethod: "集計後は氏名を分離して保存",
    access: "マーケティング部",
    usePeriod: "集計・分析完了まで",
    retention: "2年",
    disposal: "回答用紙は溶解処理、データは削除",
    contractors: ["株式会社ブルーオーシャン・リサーチ", "有限会社データ入力センター北"],
    reviewedDaysAgo: 200,
    profile: "paper",
    weight: 0,
  },
  {
    code: "PI-010",
    name: "メールマガジン配信先情報",
    subjects: ["メールマガジン購読者"],
    items: ["氏名", "メールアドレス", "会社名", "配信停止の有無"],
    persons: 32_000,
    form: "electronic",
    acquisition: "direct_written",
    notice: "購読登録フォームで利用目的を表示し同意を取得、各配信に配信停止の方法を記載",
    purposes: ["P5", "P7"],
    dept: "D07",
    storagePlace: "メール配信サービス（委託先）",
    storageMethod: "配信リストは配信サービス上でのみ管理、ダウンロード禁止",
    access: "マーケティング部の配信担当",
    usePeriod: "配信停止まで",
    retention: "配信停止後6か月",
    disposal: "配信停止6か月後にリストから削除",
    contractors: ["グリーンメール株式会社"],
    reviewedDaysAgo: 200,
    profile: "web",
    weight: 1,
  },
  {
    code: "PI-011",
    name: "採用応募者情報",
    subjects: ["採用応募者"],
    items: ["氏名", "生年月日", "住所", "電話番号", "メールアドレス", "学歴", "職歴", "履歴書・職務経歴書", "面接評価"],
    persons: 1_500,
    form: "both",
    acquisition: "direct_written",
    notice: "採用サイトの応募フォームと募集要項に利用目的を記載、郵送の応募は受領後に通知",
    purposes: ["P6"],
    dept: "D03",
    storagePlace: "採用管理システム（委託先）／郵送書類は人事部の施錠キャビネット",
    storageMethod: "不採用者のデータは選考終了後に閲覧制限",
    access: "人事部の採用担当、面接官（担当する応募者のみ）",
    usePeriod: "選考終了まで（採用者は従業員情報へ移行）",
    retention: "選考終了後6か月",
    disposal: "データ削除、紙の書類は溶解処理",
    contractors: ["株式会社はやて採用支援", "シュレッダーサービス東京株式会社"],
    reviewedDaysAgo: 200,
    profile: "hr",
    weight: 1,
  },
  {
    code: "PI-012",
    name: "従業員人事情報",
    subjects: ["従業員", "退職者"],
    items: ["氏名", "社員番号", "生年月日", "住所", "電話番号", "所属・役職", "評価", "異動履歴"],
    persons: 130,
    form: "both",
    acquisition: "direct_written",
    notice: "入社時の誓約書・個人情報の取扱いに関する同意書",
    purposes: ["P6"],
    dept: "D03",
    storagePlace: "人事給与システム（クラウド）／人事ファイルは人事部の施錠書庫",
    storageMethod: "書庫は鍵管理簿で管理、システムは人事部のみ",
    access: "人事部",
    usePeriod: "在籍中",
    retention: "退職後5年（労働者名簿等は法定期間）",
    disposal: "紙は溶解処理、データは保存期間経過後に削除",
    contractors: ["株式会社ネクストクラウド"],
    reviewedDaysAgo: 200,
    profile: "hr",
    weight: 1,
  },
  {
    code: "PI-013",
    name: "給与・社会保険情報",
    subjects: ["従業員", "扶養家族"],
    items: ["氏名", "給与額", "口座情報", "社会保険番号", "個人番号（マイナンバー）", "扶養家族の氏名・続柄"],
    persons: 260,
    form: "electronic",
    acquisition: "direct_written",
    notice: "入社時に利用目的（給与・社会保険・税務手続）を書面で通知し、個人番号は通知カード等で本人確認",
    purposes: ["P6"],
    dept: "D03",
    storagePlace: "給与計算代行会社のシステム",
    storageMethod: "個人番号は事務取扱担当者のみ、専用端末から操作",
    access: "人事部の給与・個人番号事務取扱担当者",
    usePeriod: "在籍中",
    retention: "退職後7年（個人番号は不要になり次第）",
    disposal: "委託先での削除と削除証明書の受領",
    contractors: ["株式会社さくらペイロール"],
    reviewedDaysAgo: 120,
    profile: "hr",
    weight: 2,
  },
  {
    code: "PI-014",
    name: "健康診断結果・産業医面談記録",
    kind: "sensitive",
    subjects: ["従業員"],
    items: ["氏名", "社員番号", "健康診断結果", "既往歴", "産業医面談記録"],
    persons: 125,
    form: "both",
    acquisition: "third_party",
    notice: "健康診断の案内時に、健診機関から結果を受け取ることと利用目的を通知し、本人の同意書を取得",
    purposes: ["P6"],
    dept: "D03",
    storagePlace: "健診機関のWebシステム／面談記録は人事部の専用施錠キャビネット",
    storageMethod: "衛生管理者と人事部長のみ閲覧、他の人事情報と分けて保管",
    access: "人事部長、衛生管理者、産業医",
    usePeriod: "在籍中",
    retention: "5年（労働安全衛生規則）",
    disposal: "溶解処理、データは保存期間経過後に削除",
    contractors: ["株式会社ひかり健診サービス", "シュレッダーサービス東京株式会社"],
    reviewedDaysAgo: 120,
    profile: "hr",
    weight: 2,
  },
  {
    code: "PI-015",
    name: "Cookie・アクセス解析情報",
    kind: "person_related",
    subjects: ["当社ウェブサイト・RUFTの閲覧者"],
    items: ["Cookie ID", "IPアドレス", "端末情報", "ブラウザの種類・言語", "閲覧ページ・訪問頻度"],
    persons: null,
    form: "electronic",
    acquisition: "direct_other",
    notice: "プライバシーポリシー§7でCookie等の利用、Googleアナリティクスの利用とオプトアウトの方法を公表",
    purposes: ["P4", "P7"],
    dept: "D07",
    storagePlace: "Googleアナリティクス（Google社）",
    storageMethod: "IPアドレスの匿名化設定、データ保持期間を14か月に設定",
    access: "マーケティング部、委託先の解析担当",
    usePeriod: "解析期間中",
    retention: "14か月",
    disposal: "保持期間の設定により自動削除",
    contractors: ["株式会社ウェブアナリティクス・ラボ"],
    provision: "third_party",
    provisionBasis: "解析ツール提供者（Google社）による取得をプライバシーポリシー§7で公表（個人を識別する情報は含まない）",
    abroad: ["米国"],
    reviewedDaysAgo: 200,
    profile: "analytics",
    weight: 0,
  },
  {
    code: "PI-016",
    name: "RUFT利用ログ・アクセスログ",
    subjects: ["RUFT利用者"],
    items: ["利用者ID", "ログイン日時", "IPアドレス", "操作履歴", "端末情報"],
    persons: 85_000,
    form: "electronic",
    acquisition: "direct_other",
    notice: "プライバシーポリシー§3(4)・§7で利用状況の確認と不正利用防止のための取得を公表",
    purposes: ["P1", "P4"],
    dept: "D05",
    storagePlace: "ログ基盤（国内クラウド）",
    storageMethod: "改ざん防止設定（追記のみ）、閲覧は申請制",
    access: "システム開発部のセキュリティ担当",
    usePeriod: "1年",
    retention: "1年",
    disposal: "ライフサイクル設定で自動削除",
    contractors: ["株式会社スカイホスティング"],
    reviewedDaysAgo: 200,
    profile: "analytics",
    weight: 1,
  },
  {
    code: "PI-017",
    name: "利用統計用仮名加工データ",
    kind: "pseudonymized",
    subjects: ["RUFT利用者"],
    items: ["仮名ID", "所属企業の業種・規模", "機能別利用回数", "利用時間帯"],
    persons: 85_000,
    form: "electronic",
    acquisition: "direct_other",
    notice: "仮名加工情報の作成と利用目的（統計処理・サービス向上）を公表",
    purposes: ["P7"],
    dept: "D01",
    storagePlace: "分析用データウェアハウス（国内クラウド）",
    storageMethod: "削除情報等（対応表）はシステム開発部で分離保管",
    access: "経営企画部の分析担当",
    usePeriod: "分析プロジェクトの期間中",
    retention: "作成後2年",
    disposal: "データ削除、対応表も同時に削除",
    contractors: [],
    reviewedDaysAgo: null,
    registeredDaysAgo: 90,
    profile: "analytics",
    weight: 0,
  },
  {
    code: "PI-018",
    name: "ビジネスパートナー共同利用情報",
    subjects: ["RUFT契約者の担当者"],
    items: ["会社名", "担当者氏名", "メールアドレス", "電話番号", "契約プラン"],
    persons: 300,
    form: "electronic",
    acquisition: "direct_written",
    notice: "共同利用の利用目的・共同利用者の名称・項目・管理責任者を当社ウェブサイトで事前に公表",
    purposes: ["P3", "P7"],
    dept: "D04",
    storagePlace: "顧客管理システム（共同利用者との共有領域）",
    storageMethod: "共有項目を限定、共有領域へのアクセスログを取得",
    access: "営業部のパートナー担当、共同利用者の担当者",
    usePeriod: "共同利用契約の期間中",
    retention: "共同利用終了後1年",
    disposal: "共有領域から削除し、共同利用者に削除を依頼",
    contractors: [],
    provision: "joint_use",
    provisionBasis: "個人情報保護法第27条第5項第3号の共同利用（プライバシーポリシー§4(3)、事前公表）",
    reviewedDaysAgo: 380,
    profile: "web",
    weight: 1,
  },
  {
    code: "PI-019",
    name: "開示等請求者の本人確認書類",
    subjects: ["開示等の請求者", "代理人"],
    items: ["氏名", "住所", "本人確認書類の写し", "請求内容", "代理権を示す書類"],
    persons: 15,
    form: "paper",
    acquisition: "direct_written",
    notice: "開示等の請求手続の案内に利用目的（本人確認と請求への対応）を記載",
    purposes: ["P1"],
    dept: "D02",
    storagePlace: "総務部の施錠キャビネット",
    storageMethod: "請求ごとにファイリングし施錠保管",
    access: "総務部の個人情報相談窓口担当、個人情報保護管理者",
    usePeriod: "請求への対応完了まで",
    retention: "対応完了後1年",
    disposal: "溶解処理",
    contractors: ["シュレッダーサービス東京株式会社"],
    reviewedDaysAgo: 200,
    profile: "paper",
    weight: 0,
  },
  {
    code: "PI-020",
    name: "営業先担当者の名刺情報",
    subjects: ["営業先・見込み客の担当者"],
    items: ["氏名", "会社名", "部署・役職", "メールアドレス", "電話番号"],
    persons: 7_000,
    form: "both",
    acquisition: "direct_other",
    notice: "名刺交換時の取得（利用目的は取得の状況から明らか）。メール案内は配信停止の方法を記載",
    purposes: ["P5", "P7"],
    dept: "D04",
    storagePlace: "名刺管理サービス（クラウド）／名刺原本は各営業担当の施錠引出し",
    storageMethod: "スキャン後、原本は月次で回収し溶解",
    access: "営業部、マーケティング部",
    usePeriod: "取引・営業活動の期間中",
    retention: "最終接触から3年",
    disposal: "データ削除、名刺原本は溶解処理",
    contractors: ["シュレッダーサービス東京株式会社"],
    reviewedDaysAgo: 410,
    profile: "paper",
    weight: 1,
  },
  {
    code: "PI-021",
    name: "従業員の扶養家族・緊急連絡先",
    subjects: ["従業員の家族"],
    items: ["氏名", "続柄", "生年月日", "電話番号"],
    persons: 200,
    form: "paper",
    acquisition: "third_party",
    notice: "従業員を通じて取得し、家族への利用目的の周知を従業員に依頼",
    purposes: ["P6"],
    dept: "D03",
    storagePlace: "人事部の施錠書庫",
    storageMethod: "人事ファイルに綴じて施錠保管",
    access: "人事部",
    usePeriod: "従業員の在籍中",
    retention: "退職後5年",
    disposal: "溶解処理",
    contractors: ["シュレッダーサービス東京株式会社"],
    reviewedDaysAgo: 200,
    profile: "hr",
    weight: 0,
  },
  {
    code: "PI-090",
    name: "RUFT活用セミナー参加者情報",
    subjects: ["セミナー参加者"],
    items: ["氏名", "会社名", "メールアドレス", "電話番号"],
    persons: 2_300,
    form: "electronic",
    acquisition: "direct_written",
    notice: "申込フォームで利用目的を表示",
    purposes: ["P8"],
    dept: "D07",
    storagePlace: "セミナー管理システム（解約済み）",
    storageMethod: "—",
    access: "マーケティング部",
    usePeriod: "セミナー開催まで",
    retention: "事業終了後6か月",
    disposal: "サービス解約時にデータ削除、削除証明書を受領",
    contractors: [],
    reviewedDaysAgo: 600,
    profile: "web",
    weight: 0,
    note: "2024年3月のセミナー事業終了により廃止。データは削除済み。",
    retired: true,
  },
];

export type SeedRisk = {
  stage: LifecycleStage;
  threat: RiskThreat;
  description: string;
  l: number;
  i: number;
  measures: [SafeguardKind, string][];
  rl: number;
  ri: number;
};

/** The risks of an item per stage, from its profile; `name` is the item's. */
export function risksFor(item: SeedItem): SeedRisk[] {
  const w = item.weight;
  const n = item.name;
  const out: SeedRisk[] = [];
  const clamp = (x: number) => Math.max(1, Math.min(5, x));
  const add = (r: SeedRisk) => out.push({ ...r, l: clamp(r.l), i: clamp(r.i + (w > 1 ? 1 : 0)), rl: clamp(Math.min(r.rl, r.l)), ri: clamp(Math.min(r.ri + (w > 1 ? 1 : 0), r.i + (w > 1 ? 1 : 0))) });
  const outsourced = item.contractors.length > 0;
  if (item.profile === "paper" || item.profile === "hr") {
    add({
      stage: "acquisition",
      threat: "loss",
      description: `郵送・手渡しで受け取った${n}の書類の紛失・誤配`,
      l: 3,
      i: 2 + w,
      measures: [
        ["organizational", "受領時に受付簿へ記録し、担当者へ直接引き渡す"],
        ["physical", "受領した書類はその日のうちに施錠キャビネットへ保管"],
      ],
      rl: 1,
      ri: 2 + w,
    });
  } else {
    add({
      stage: "acquisition",
      threat: "improper_acquisition",
      description: `入力フォームの改ざんやなりすましによる${n}の不正な取得・過剰な取得`,
      l: 2,
      i: 3,
      measures: [
        ["technical", "フォームはTLSで暗号化し、WAFとreCAPTCHAで不正な送信を遮断"],
        ["organizational", "取得する項目を利用目的に必要な範囲に限定し、年1回フォームを見直す"],
      ],
      rl: 1,
      ri: 3,
    });
  }
  add({
    stage: "transfer",
    threat: "leak",
    description: outsourced ? `委託先（${item.contractors[0]}）との受け渡し時の${n}の誤送信・盗聴` : `社内外へのメール添付による${n}の誤送信`,
    l: outsourced ? 3 : 2,
    i: 3 + (w > 0 ? 1 : 0),
    measures: [
      ["technical", outsourced ? "受け渡しはSFTPまたは委託先システムへの直接登録とし、メール添付を禁止" : "個人情報を含むファイルは社内ストレージのリンクで共有し、添付送信をシステムで制限"],
      ["human", "誤送信防止の手順（宛先の二重確認）を年1回の教育で確認"],
    ],
    rl: outsourced ? 2 : 1,
    ri: 3,
  });
  add({
    stage: "use",
    threat: "misuse",
    description: `${n}の利用目的（${item.purposes.join("・")}）を超えた営業・分析への利用`,
    l: 2,
    i: 3,
    measures: [
      ["organizational", "利用目的の範囲を台帳と社内規程で明示し、目的外の利用は個人情報保護管理者の承認制とする"],
      ["human", "部門ごとに利用目的の範囲を教育で周知"],
    ],
    rl: 1,
    ri: 3,
  });
  if (item.profile !== "paper") {
    add({
      stage: "use",
      threat: "leak",
      description: `権限のない従業員・委託先による${n}の閲覧・持ち出し`,
      l: 3,
      i: 3 + w,
      measures: [
        ["technical", "役割ごとのアクセス権限と二要素認証、操作ログを取得し月次で確認"],
        ["organizational", "アクセス権限は異動・退職時に即日見直し、四半期ごとに棚卸し"],
      ],
      rl: w > 1 ? 3 : 2,
      ri: 3 + w,
    });
  }
  add({
    stage: "storage",
    threat: item.profile === "paper" ? "loss" : "leak",
    description: item.profile === "paper" ? `保管中の${n}の書類の紛失・盗難` : `不正アクセス・設定ミスによる保管中の${n}の漏えい`,
    l: item.profile === "paper" ? 2 : 3,
    i: 3 + w,
    measures:
      item.profile === "paper"
        ? [
            ["physical", "施錠キャビネットで保管し、鍵は管理簿で貸出管理"],
            ["organizational", "年1回、保管書類の棚卸しを実施"],
          ]
        : [
            ["technical", "保存データの暗号化、脆弱性診断を年2回実施、クラウド設定の自動監査"],
            ["organizational", "委託先の安全管理措置を年1回評価"],
          ],
    rl: 2,
    ri: 3 + (w > 1 ? 1 : 0),
  });
  if (item.profile !== "paper") {
    add({
      stage: "storage",
      threat: "loss",
      description: `障害・誤操作による${n}の滅失`,
      l: 2,
      i: 3,
      measures: [["technical", "日次バックアップ（35世代、別リージョン）と四半期ごとの復元テスト"]],
      rl: 1,
      ri: 3,
    });
  }
  if (item.profile === "analytics") {
    add({
      stage: "use",
      threat: "tampering",
      description: `${n}の改ざんによる不正の隠蔽・誤った分析`,
      l: 2,
      i: 2,
      measures: [["technical", "ログ基盤は追記のみの設定とし、ハッシュで改ざんを検知"]],
      rl: 1,
      ri: 2,
    });
  }
  add({
    stage: "disposal",
    threat: "leak",
    description: item.form === "electronic" ? `保存期間を過ぎた${n}の未消去・廃棄した媒体からの漏えい` : `廃棄した${n}の書類からの漏えい`,
    l: item.form === "electronic" ? 2 : 3,
    i: 3 + w,
    measures:
      item.form === "electronic"
        ? [
            ["technical", "保存期間経過後の自動削除と削除ログの保存"],
            ["organizational", "廃棄する媒体は物理破壊し、廃棄記録を残す"],
          ]
        : [
            ["physical", "機密文書回収ボックスで回収し、委託先で溶解処理"],
            ["organizational", "溶解証明書を受領し、廃棄記録と照合"],
          ],
    rl: 1,
    ri: 3,
  });
  return out;
}

const ACCEPTOR = "佐藤 恵子";

/** Seeds the purposes of use, the register items with their links, history, reviews and risk analysis. */
export async function seedRegister(tx: Tx, ctx: { today: string }): Promise<{ purposesOfUse: number; registerItems: number; registerRisks: number; registerReviews: number }> {
  const { today } = ctx;
  const d = (daysAgo: number) => addDays(today, -daysAgo);
  const at = (daysAgo: number) => new Date(`${d(daysAgo)}T10:00:00+09:00`);
  const [manager] = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.email, ["manager@example.com"]));

  const purposeRows = await tx
    .insert(purposesOfUse)
    .values(PURPOSES.map((p, n) => ({ code: p.code, text: p.text, sortOrder: (n + 1) * 10, retiredAt: p.retired ? at(900) : null })))
    .onConflictDoNothing()
    .returning();
  if (purposeRows.length !== PURPOSES.length) return { purposesOfUse: purposeRows.length, registerItems: 0, registerRisks: 0, registerReviews: 0 };
  const purposeByCode = new Map(purposeRows.map((p) => [p.code, p]));
  const deptRows = await tx.select({ id: departments.id, code: departments.code, name: departments.name }).from(departments);
  const deptByCode = new Map(deptRows.map((x) => [x.code, x]));
  const contractorRows = await tx.select({ id: contractors.id, name: contractors.name }).from(contractors);
  const contractorByName = new Map(contractorRows.map((c) => [c.name, c]));

  let nRisks = 0;
  let nReviews = 0;
  const wholeRegisterReviewDaysAgo = 200;
  for (const s of ITEMS) {
    const registeredDaysAgo = s.registeredDaysAgo ?? 900;
    const lastReviewedOn = s.reviewedDaysAgo === null ? null : d(s.reviewedDaysAgo);
    const dept = deptByCode.get(s.dept) ?? null;
    const itemContractors = s.contractors.map((name) => contractorByName.get(name)).filter((c) => c !== undefined);
    const itemPurposes = s.purposes.map((code) => purposeByCode.get(code)!);
    const values = {
      code: s.code,
      name: s.name,
      kind: s.kind ?? "personal",
      dataSubjects: s.subjects,
      dataItems: s.items,
      personCount: s.persons,
      form: s.form,
      acquisitionMethod: s.acquisition,
      noticeOrConsent: s.notice,
      ownerDepartmentId: dept?.id ?? null,
      storagePlace: s.storagePlace,
      storageMethod: s.storageMethod,
      accessScope: s.access,
      usePeriod: s.usePeriod,
      retentionPeriod: s.retention,
      disposalMethod: s.disposal,
      provision: s.provision ?? "none",
      provisionBasis: s.provisionBasis ?? null,
      abroadCountries: s.abroad ?? [],
      lastReviewedOn,
      reviewIntervalMonths: 12,
      nextReviewDueOn: nextRegisterReviewDue({ lastReviewedOn, registeredOn: d(registeredDaysAgo), reviewIntervalMonths: 12 }),
      note: s.note ?? null,
      createdBy: manager?.id ?? null,
      createdAt: at(registeredDaysAgo),
      updatedAt: at(s.retired ? (s.reviewedDaysAgo ?? 0) - 30 : registeredDaysAgo),
    };
    const [row] = await tx.insert(registerItems).values(values).returning();
    if (itemPurposes.length) await tx.insert(registerItemPurposes).values(itemPurposes.map((p) => ({ itemId: row.id, purposeId: p.id })));
    if (itemContractors.length) await tx.insert(registerItemContractors).values(itemContractors.map((c) => ({ itemId: row.id, contractorId: c.id })));
    // History: version 1 as registered (the shape db/queries/register.ts snapshots), then the retirement.
    const snapshot = {
      code: s.code,
      name: s.name,
      kind: values.kind,
      dataSubjects: s.subjects,
      dataItems: s.items,
      personCount: s.persons,
      form: s.form,
      acquisitionMethod: s.acquisition,
      noticeOrConsent: s.notice,
      purposes: itemPurposes.map((p) => ({ id: p.id, code: p.code, text: p.text })),
      ownerDepartmentId: dept?.id ?? null,
      ownerDepartmentName: dept?.name ?? null,
      storagePlace: s.storagePlace,
      storageMethod: s.storageMethod,
      accessScope: s.access,
      usePeriod: s.usePeriod,
      retentionPeriod: s.retention,
      disposalMethod: s.disposal,
      contractors: itemContractors.map((c) => ({ id: c.id, name: c.name })),
      provision: values.provision,
      provisionBasis: values.provisionBasis,
      abroadCountries: values.abroadCountries,
      lastReviewedOn,
      reviewIntervalMonths: 12,
      nextReviewDueOn: values.nextReviewDueOn,
      note: values.note,
      retiredAt: null as string | null,
    };
    await tx.insert(registerItemVersions).values({ itemId: row.id, version: 1, snapshot, action: "created", changedBy: manager?.id ?? null, changedAt: at(registeredDaysAgo) });
    if (s.reviewedDaysAgo !== null && s.reviewedDaysAgo !== wholeRegisterReviewDaysAgo) {
      await tx.insert(registerReviews).values({
        itemId: row.id,
        reviewedOn: d(s.reviewedDaysAgo),
        reviewer: `個人情報保護管理者 ${ACCEPTOR}`,
        reviewerId: manager?.id ?? null,
        result: "no_change",
        changes: null,
        risksReviewed: 1,
        createdAt: at(s.reviewedDaysAgo),
      });
      nReviews++;
    }

    const risks = risksFor(s);
    for (const [k, r] of risks.entries()) {
      const residual = r.rl * r.ri;
      // The manager accepted the low and medium residual risks at the last review; the high ones of the
      // largest sets wait for a decision (the dashboard's figure).
      const accepted = !s.retired && s.reviewedDaysAgo !== null && residual < 10 && k % 3 !== 2;
      const countermeasures: Countermeasure[] = r.measures.map(([safeguard, description]) => ({ safeguard, description, regulationId: null }));
      const [risk] = await tx
        .insert(registerRisks)
        .values({
          itemId: row.id,
          stage: r.stage,
          threat: r.threat,
          description: r.description,
          likelihood: r.l,
          impact: r.i,
          countermeasures,
          residualLikelihood: r.rl,
          residualImpact: r.ri,
          acceptedOn: accepted ? d(s.reviewedDaysAgo!) : null,
          acceptedBy: accepted ? (manager?.id ?? null) : null,
          acceptedByName: accepted ? ACCEPTOR : null,
          acceptanceNote: accepted ? "対策の実施を確認し、残存リスクを受容" : null,
          retiredAt: s.retired ? at(s.reviewedDaysAgo! - 30) : null,
          createdAt: at(registeredDaysAgo),
          updatedAt: at(accepted ? s.reviewedDaysAgo! : registeredDaysAgo),
        })
        .returning();
      const riskSnapshot = Object.fromEntries(Object.entries(risk).filter(([k]) => !["id", "version", "createdAt", "updatedAt"].includes(k)));
      await tx.insert(registerRiskVersions).values({ riskId: risk.id, version: 1, snapshot: riskSnapshot, action: "created", changedBy: manager?.id ?? null, changedAt: at(registeredDaysAgo) });
      nRisks++;
    }
  }
  // The retired item: version 2 is its retirement.
  const retired = ITEMS.filter((s) => s.retired);
  if (retired.length) {
    const rows = await tx.select().from(registerItems).where(inArray(registerItems.code, retired.map((s) => s.code)));
    for (const r of rows) {
      const s = retired.find((x) => x.code === r.code)!;
      const retiredAt = at(s.reviewedDaysAgo! - 30);
      const [after] = await tx.update(registerItems).set({ retiredAt, version: 2, updatedAt: retiredAt }).where(inArray(registerItems.id, [r.id])).returning();
      const [v1] = await tx.select().from(registerItemVersions).where(inArray(registerItemVersions.itemId, [r.id]));
      await tx
        .insert(registerItemVersions)
        .values({ itemId: r.id, version: 2, snapshot: { ...v1.snapshot, retiredAt: after.retiredAt!.toISOString() }, action: "retired", changedBy: manager?.id ?? null, changedAt: retiredAt });
    }
  }
  // The yearly review of the whole register, and the reviews of the items reviewed on their own.
  await tx.insert(registerReviews).values({
    itemId: null,
    reviewedOn: d(wholeRegisterReviewDaysAgo),
    reviewer: `個人情報保護管理者 ${ACCEPTOR}`,
    reviewerId: manager?.id ?? null,
    result: "changed",
    changes: "クラウド電話帳の保存期間を退会後90日に短縮。Cookie・アクセス解析情報を個人関連情報として追加。",
    risksReviewed: 1,
    createdAt: at(wholeRegisterReviewDaysAgo),
  });
  nReviews++;
  return { purposesOfUse: purposeRows.length, registerItems: ITEMS.length, registerRisks: nRisks, registerReviews: nReviews };
}
