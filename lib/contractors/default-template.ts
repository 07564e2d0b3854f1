import type { UpdateTemplateInput } from "./schema";

/**
 * The seeded selection criteria 委託先選定基準 (JIS Q 15001 A.3.4.3.4 / §4(2) of the policy): what an
 * assessor asks a contractor about. Weights favour the safeguards that protect the data directly.
 * Scores run 0 (not in place) to 5 (in place, documented and checked).
 */
export const DEFAULT_TEMPLATE_FAMILY = "default";

export const DEFAULT_TEMPLATE: Omit<UpdateTemplateInput, "version"> = {
  nameJa: "委託先評価基準（標準）",
  nameEn: "Contractor assessment criteria (standard)",
  maxScore: 5,
  approvedMin: 80,
  conditionalMin: 60,
  criteria: [
    {
      key: "organizational",
      labelJa: "組織的安全管理措置",
      labelEn: "Organisational safeguards",
      weight: 15,
      guidanceJa: "個人情報保護方針・規程、責任者の任命、取扱状況の記録と点検",
      guidanceEn: "Policy and rules, an appointed officer, records and checks of handling",
    },
    {
      key: "human",
      labelJa: "人的安全管理措置",
      labelEn: "Human safeguards",
      weight: 10,
      guidanceJa: "従業者との秘密保持契約、年1回以上の教育",
      guidanceEn: "Confidentiality undertakings from staff, training at least yearly",
    },
    {
      key: "physical",
      labelJa: "物理的安全管理措置",
      labelEn: "Physical safeguards",
      weight: 10,
      guidanceJa: "入退室管理、施錠保管、媒体の廃棄方法",
      guidanceEn: "Entry control, locked storage, disposal of media",
    },
    {
      key: "technical",
      labelJa: "技術的安全管理措置",
      labelEn: "Technical safeguards",
      weight: 20,
      guidanceJa: "アクセス制御、暗号化、ログ監視、脆弱性対策",
      guidanceEn: "Access control, encryption, log monitoring, vulnerability management",
    },
    {
      key: "subcontracting",
      labelJa: "再委託先の管理",
      labelEn: "Sub-contracting control",
      weight: 10,
      guidanceJa: "再委託の事前承認、再委託先の監督",
      guidanceEn: "Prior approval of sub-contracting, supervision of sub-contractors",
    },
    {
      key: "incident_response",
      labelJa: "事故発生時の対応体制",
      labelEn: "Incident response",
      weight: 10,
      guidanceJa: "報告の連絡経路と期限、対応手順",
      guidanceEn: "Reporting line and deadline, response procedure",
    },
    {
      key: "contract_clauses",
      labelJa: "契約条項",
      labelEn: "Contract clauses",
      weight: 10,
      guidanceJa: "安全管理、再委託、返却・廃棄、監査権、事故報告の条項",
      guidanceEn: "Clauses on safeguards, sub-contracting, return and disposal, audit rights, incident reporting",
    },
    {
      key: "certification",
      labelJa: "第三者認証",
      labelEn: "Certification",
      weight: 10,
      guidanceJa: "プライバシーマーク、ISMS（ISO/IEC 27001）の取得と有効期限",
      guidanceEn: "Privacy Mark, ISMS (ISO/IEC 27001) held and in force",
    },
    {
      key: "past_incidents",
      labelJa: "過去の事故・違反",
      labelEn: "Past incidents",
      weight: 5,
      guidanceJa: "過去3年の漏えい等の事故と再発防止策",
      guidanceEn: "Breaches in the last three years and what was done about them",
    },
  ],
};
