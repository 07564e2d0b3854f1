/** Fixed content of the large seed: names, departments, courses, titles. */

export type DeptKind = "mgmt" | "ga" | "hr" | "acct" | "legal" | "it" | "sales" | "support" | "dev" | "marketing" | "ops" | "audit";

/**
 * 60 departments. The first eight mirror the demo company (the demo sign-in users belong to D01–D03),
 * and the order mixes kinds so that a small factor still has sales, development and support.
 */
export const DEPARTMENTS: { name: string; kind: DeptKind; weight: number }[] = [
  { name: "経営企画部", kind: "mgmt", weight: 0.6 },
  { name: "総務部", kind: "ga", weight: 0.8 },
  { name: "人事部", kind: "hr", weight: 0.8 },
  { name: "東京営業第一部", kind: "sales", weight: 1.6 },
  { name: "システム開発第一部", kind: "dev", weight: 1.8 },
  { name: "カスタマーサポート部 東京センター", kind: "support", weight: 2.2 },
  { name: "マーケティング部", kind: "marketing", weight: 0.9 },
  { name: "経理部", kind: "acct", weight: 0.7 },
  { name: "法務部", kind: "legal", weight: 0.4 },
  { name: "情報システム部", kind: "it", weight: 1.0 },
  { name: "東京営業第二部", kind: "sales", weight: 1.5 },
  { name: "システム開発第二部", kind: "dev", weight: 1.7 },
  { name: "カスタマーサポート部 大阪センター", kind: "support", weight: 2.0 },
  { name: "大阪営業部", kind: "sales", weight: 1.4 },
  { name: "業務管理部", kind: "ops", weight: 1.1 },
  { name: "内部監査室", kind: "audit", weight: 0.3 },
  { name: "名古屋営業部", kind: "sales", weight: 1.1 },
  { name: "システム開発第三部", kind: "dev", weight: 1.6 },
  { name: "カスタマーサポート部 札幌センター", kind: "support", weight: 1.8 },
  { name: "福岡営業部", kind: "sales", weight: 1.0 },
  { name: "デジタルマーケティング部", kind: "marketing", weight: 0.8 },
  { name: "給与厚生部", kind: "hr", weight: 0.5 },
  { name: "東京営業第三部", kind: "sales", weight: 1.3 },
  { name: "基盤技術部", kind: "dev", weight: 1.2 },
  { name: "カスタマーサポート部 福岡センター", kind: "support", weight: 1.7 },
  { name: "札幌営業部", kind: "sales", weight: 0.8 },
  { name: "広報部", kind: "mgmt", weight: 0.4 },
  { name: "購買部", kind: "ga", weight: 0.5 },
  { name: "システム開発第四部", kind: "dev", weight: 1.5 },
  { name: "カスタマーサポート部 那覇センター", kind: "support", weight: 1.5 },
  { name: "仙台営業部", kind: "sales", weight: 0.8 },
  { name: "データ分析部", kind: "dev", weight: 0.9 },
  { name: "商品企画部", kind: "marketing", weight: 0.7 },
  { name: "広島営業部", kind: "sales", weight: 0.7 },
  { name: "物流管理部", kind: "ops", weight: 1.2 },
  { name: "セキュリティ技術部", kind: "it", weight: 0.6 },
  { name: "東京営業第四部", kind: "sales", weight: 1.2 },
  { name: "システム開発第五部", kind: "dev", weight: 1.4 },
  { name: "カスタマーサポート部 仙台センター", kind: "support", weight: 1.4 },
  { name: "法人営業部", kind: "sales", weight: 1.1 },
  { name: "代理店営業部", kind: "sales", weight: 0.9 },
  { name: "品質保証部", kind: "ops", weight: 0.7 },
  { name: "システム開発第六部", kind: "dev", weight: 1.3 },
  { name: "コールセンター運営部", kind: "support", weight: 1.6 },
  { name: "横浜営業部", kind: "sales", weight: 0.9 },
  { name: "経営管理部", kind: "acct", weight: 0.5 },
  { name: "研究開発部", kind: "dev", weight: 0.8 },
  { name: "さいたま営業部", kind: "sales", weight: 0.7 },
  { name: "ECサイト運営部", kind: "marketing", weight: 0.9 },
  { name: "業務改革推進部", kind: "ops", weight: 0.5 },
  { name: "神戸営業部", kind: "sales", weight: 0.7 },
  { name: "クラウドサービス部", kind: "dev", weight: 1.2 },
  { name: "カスタマーサクセス部", kind: "support", weight: 1.0 },
  { name: "京都営業部", kind: "sales", weight: 0.6 },
  { name: "人材開発部", kind: "hr", weight: 0.5 },
  { name: "アプリケーション保守部", kind: "dev", weight: 1.1 },
  { name: "金沢営業部", kind: "sales", weight: 0.5 },
  { name: "ファシリティ管理部", kind: "ga", weight: 0.5 },
  { name: "新規事業開発部", kind: "mgmt", weight: 0.5 },
  { name: "熊本営業部", kind: "sales", weight: 0.5 },
];

export type CourseSpec = {
  code: string;
  title: string;
  description: string;
  /** Audience by department kind (empty: everyone, unless types are given). */
  kinds: DeptKind[];
  types: ("regular" | "contract" | "dispatched" | "part_time" | "executive")[];
  recurrenceMonths: number | null;
  newHireDueDays: number;
  passMark: number | null;
  /** Required from the start of the fiscal year this many years before the current one. */
  fyBack: number;
  /** Months of the campaign in each cycle (calendar months); empty: self-paced / on joining. */
  campaignMonths: number[];
  method: "e_learning" | "classroom" | "video";
};

export const COURSES: CourseSpec[] = [
  {
    code: "PI-BASIC",
    title: "個人情報保護基礎研修",
    description: "個人情報保護方針、個人情報保護法および当社規程の基本を学ぶ全従業者向けの年次研修です（理解度確認テスト80点以上で合格）。",
    kinds: [],
    types: [],
    recurrenceMonths: 12,
    newHireDueDays: 30,
    passMark: 80,
    fyBack: 4,
    campaignMonths: [6],
    method: "e_learning",
  },
  {
    code: "SEC-AWARE",
    title: "情報セキュリティ意識向上研修",
    description: "標的型メール、パスワード管理、持ち出し端末の取扱いなど日常業務での対策を確認する年次研修です。サイバーセキュリティ月間（2月）に実施します。",
    kinds: [],
    types: [],
    recurrenceMonths: 12,
    newHireDueDays: 30,
    passMark: null,
    fyBack: 4,
    campaignMonths: [2],
    method: "e_learning",
  },
  {
    code: "PHISH-DRILL",
    title: "標的型メール訓練",
    description: "隔月で実施する標的型攻撃メールの疑似訓練です。直近3か月以内の受講が必要で、受信後の報告までを記録します。",
    kinds: [],
    types: [],
    recurrenceMonths: 3,
    newHireDueDays: 60,
    passMark: null,
    fyBack: 4,
    campaignMonths: [4, 6, 8, 10, 12, 2],
    method: "e_learning",
  },
  {
    code: "SEC-CHECK",
    title: "情報セキュリティ四半期確認テスト",
    description: "四半期ごとに実施する短い確認テストです。直近6か月以内の合格が必要です。規程改定や最近の事故事例を題材にします（70点以上で合格）。",
    kinds: [],
    types: [],
    recurrenceMonths: 6,
    newHireDueDays: 60,
    passMark: 70,
    fyBack: 4,
    campaignMonths: [6, 9, 12, 3],
    method: "e_learning",
  },
  {
    code: "PMS-INTRO",
    title: "新入社員向けPMS導入研修",
    description: "入社時に受講する個人情報保護マネジメントシステム（PMS）の導入研修です。体制、規程類、事故発生時の報告ルートを説明します。",
    kinds: [],
    types: [],
    recurrenceMonths: null,
    newHireDueDays: 14,
    passMark: null,
    fyBack: 4,
    campaignMonths: [],
    method: "classroom",
  },
  {
    code: "CS-HANDLING",
    title: "顧客情報取扱い研修",
    description: "顧客の個人情報を直接取り扱う営業部門・カスタマーサポート部門向けの研修です。本人確認、電話・メール対応、誤送信防止を扱います（70点以上で合格）。",
    kinds: ["sales", "support"],
    types: [],
    recurrenceMonths: 12,
    newHireDueDays: 30,
    passMark: 70,
    fyBack: 4,
    campaignMonths: [10],
    method: "classroom",
  },
  {
    code: "INCIDENT-DRILL",
    title: "事故対応訓練",
    description: "個人情報の漏えい等を想定した机上訓練です。発見から報告（速報・確報）、本人通知までの流れを確認します。",
    kinds: [],
    types: ["regular", "executive"],
    recurrenceMonths: 24,
    newHireDueDays: 90,
    passMark: null,
    fyBack: 4,
    campaignMonths: [10],
    method: "classroom",
  },
  {
    code: "MYNUMBER",
    title: "特定個人情報（マイナンバー）取扱研修",
    description: "マイナンバーを取り扱う人事・経理・総務部門の担当者向け研修です。取扱区域、アクセス制御、廃棄の手順を確認します（80点以上で合格）。",
    kinds: ["hr", "acct", "ga"],
    types: [],
    recurrenceMonths: 12,
    newHireDueDays: 30,
    passMark: 80,
    fyBack: 4,
    campaignMonths: [1],
    method: "e_learning",
  },
];


export const REG_TOPICS = [
  "個人情報保護", "個人情報取扱", "安全管理措置", "委託先管理", "教育", "内部監査", "苦情及び相談対応", "緊急事態対応",
  "文書管理", "記録管理", "リスクアセスメント", "入退室管理", "アクセス制御", "情報システム運用", "媒体管理",
  "特定個人情報取扱", "開示等請求対応", "マネジメントレビュー", "是正処置", "テレワーク",
  "クラウドサービス利用", "モバイル端末管理", "外部記録媒体", "ログ管理", "バックアップ", "廃棄", "採用選考情報",
  "顧客情報", "仮名加工情報取扱", "外国にある第三者への提供",
] as const;
export const REG_KINDS = ["規程", "細則", "手順書", "運用マニュアル", "基準", "チェックリスト", "様式集", "ガイドライン", "要領", "台帳管理要領"] as const;

export const INCIDENT_KINDS: { category: "unauthorized_access" | "loss" | "destruction" | "tampering" | "leakage" | "misdirected" | "other"; titles: string[]; data: string }[] = [
  { category: "misdirected", titles: ["メールの誤送信", "FAXの誤送信", "郵便物の誤封入", "請求書の誤送付", "添付ファイルの取り違え"], data: "氏名、住所、電話番号" },
  { category: "loss", titles: ["ノートPCの紛失", "USBメモリの紛失", "書類の紛失", "スマートフォンの置き忘れ", "申込書の所在不明"], data: "氏名、連絡先、申込内容" },
  { category: "leakage", titles: ["BCC漏れによるメールアドレスの表示", "共有リンクの公開設定誤り", "SNSへの画面写り込み", "資料の社外持ち出し"], data: "メールアドレス、氏名" },
  { category: "unauthorized_access", titles: ["会員サイトへの不正ログイン", "委託先サーバへの不正アクセス", "退職者アカウントの不正利用", "フィッシングによるアカウント侵害"], data: "会員ID、氏名、購入履歴" },
  { category: "destruction", titles: ["バックアップの消失", "保存期間中の書類の誤廃棄", "ファイルサーバの誤削除"], data: "顧客対応記録" },
  { category: "tampering", titles: ["顧客データの誤更新", "アクセス権のない者による記録の書き換え"], data: "顧客属性情報" },
  { category: "other", titles: ["施錠されていないキャビネットの放置", "入館証の貸し借り", "画面ロックの未実施"], data: "社内資料" },
];

export const COMPANY_A = ["東", "西", "北", "南", "中央", "日本", "大和", "富士", "桜", "青葉", "若葉", "朝日", "旭", "光", "昭和", "新日本", "関東", "関西", "九州", "北海道"];
export const COMPANY_B = ["データ", "システム", "ロジスティクス", "情報サービス", "ビジネスサポート", "テクノロジー", "印刷", "コンサルティング", "ソリューションズ", "ネットワーク", "メディア", "クラウド", "物流", "コールセンター", "人材サービス"];
export const COMPANY_FORM = ["株式会社", "株式会社", "株式会社", "有限会社", "合同会社"];
export const SERVICES: { services: string; data: string[] }[] = [
  { services: "コールセンター業務", data: ["氏名", "電話番号", "住所", "問い合わせ内容"] },
  { services: "ダイレクトメール発送代行", data: ["氏名", "住所"] },
  { services: "給与計算・年末調整業務", data: ["氏名", "住所", "マイナンバー", "給与額", "扶養家族"] },
  { services: "システム開発・保守", data: ["氏名", "メールアドレス", "購入履歴"] },
  { services: "クラウドストレージ提供", data: ["氏名", "メールアドレス"] },
  { services: "書類の保管・廃棄", data: ["氏名", "住所", "契約内容"] },
  { services: "健康診断の実施", data: ["氏名", "生年月日", "健康診断結果"] },
  { services: "採用選考支援", data: ["氏名", "学歴", "職歴", "連絡先"] },
  { services: "印刷・封入封緘", data: ["氏名", "住所"] },
  { services: "データ入力代行", data: ["氏名", "住所", "電話番号", "申込内容"] },
  { services: "Web解析・広告運用", data: ["Cookie ID", "閲覧履歴"] },
  { services: "配送業務", data: ["氏名", "住所", "電話番号"] },
];

export const CLAUSES = ["A.3.1", "A.3.2", "A.3.3.1", "A.3.3.2", "A.3.3.3", "A.3.3.4", "A.3.3.6", "A.3.4.2", "A.3.4.3.1", "A.3.4.3.2", "A.3.4.3.3", "A.3.4.3.4", "A.3.4.4", "A.3.4.5", "A.3.5", "A.3.6", "A.3.7", "A.3.8"];

export const FINDING_TEXT: Record<"major_nc" | "minor_nc" | "observation" | "good_practice", string[]> = {
  major_nc: [
    "個人情報の特定と台帳への登録が一年以上更新されておらず、リスク分析が実施されていない。",
    "委託先との契約に安全管理に関する条項が含まれていない契約が複数確認された。",
    "退職者のアクセス権が削除されないまま三か月以上残っていた。",
  ],
  minor_nc: [
    "個人情報取扱台帳の一部項目（保管期間）が記入されていない。",
    "教育の理解度確認テストの結果記録が保存されていない受講者がいた。",
    "入退室記録の確認が月次で行われていない月があった。",
    "持ち出し申請の承認記録が一部欠落していた。",
    "規程の改訂内容が部門内に周知された記録がない。",
    "委託先評価の実施記録に評価者の署名がない。",
  ],
  observation: [
    "執務室の机上に個人情報を含む書類が放置されている時間帯があった。注意喚起を推奨する。",
    "共有フォルダのアクセス権設定が部門異動に追随しているか、定期的な確認を推奨する。",
    "シュレッダー待ちの書類の保管場所を施錠可能な場所とすることを推奨する。",
    "手順書の記載と実際の運用に軽微な差異があり、手順書の見直しを推奨する。",
  ],
  good_practice: [
    "個人情報を含むメールの送信前ダブルチェックが徹底されており、良好な運用である。",
    "閲覧ログを月次で確認し、結果を部門会議で共有している。",
    "新任者向けの独自チェックリストを整備しており、他部門の参考となる。",
  ],
};
