import { ANY_ROLE } from "@/lib/auth/roles";
import {
  CONTRACTOR_WRITERS,
  assessmentParams,
  assessmentSchema,
  changeStatusSchema,
  contractorDetailSchema,
  contractorImportResultSchema,
  contractorSchema,
  createAssessmentSchema,
  createContractorSchema,
  exportContractorsQuery,
  idParams,
  listContractorsQuery,
  statsQuery,
  statsSchema,
  updateContractorSchema,
  withdrawAssessmentSchema,
} from "@/lib/contractors/schema";
import { defineOperation } from "../operation";
import { EXPORT_CONTENT_TYPES, withExportFormat } from "@/lib/list/export-format";
import { pageSchema } from "@/lib/list/page";

export const listContractors = defineOperation({
  id: "listContractors",
  method: "get",
  path: "/api/v1/contractors",
  roles: ANY_ROLE,
  tag: "contractors",
  summary: "The contractor register 委託先一覧, paged, with flags (contract before assessment, overdue assessment, expired certification)",
  description:
    "Filters: q (name, 法人番号, services, contact), status, flag (one flag or 'any'), result (latest result or 'none'), dueMonth (YYYY-MM of the next assessment). " +
    "Sort: name, status, contractStart, nextDueOn, latestTotal.",
  query: listContractorsQuery,
  response: pageSchema(contractorSchema),
});

export const createContractor = defineOperation({
  id: "createContractor",
  method: "post",
  path: "/api/v1/contractors",
  roles: CONTRACTOR_WRITERS,
  tag: "contractors",
  summary: "Register a contractor as a candidate (法人番号 check digit validated)",
  description:
    "A new contractor starts as 'candidate'. A contractStart is refused (400) until an approved or conditional assessment dated on or before it exists: assess first, then enter the contract.",
  body: createContractorSchema,
  example: {
    name: "株式会社みなと物流サービス",
    corporateNumber: "7000012050002",
    services: "通販商品の梱包・発送代行",
    dataCategories: ["氏名", "住所", "電話番号"],
    dataVolume: 12000,
    contactName: "港 太郎",
    contactEmail: "minato@example.co.jp",
    contactPhone: "03-0000-0000",
    reassessmentMonths: null,
    certifications: [{ kind: "pmark", number: "10800999(01)", expiresOn: "2028-03-31" }],
  },
  successStatus: 201,
  response: contractorSchema,
});

export const exportContractors = defineOperation({
  id: "exportContractors",
  method: "get",
  path: "/api/v1/contractors/export.csv",
  roles: ANY_ROLE,
  tag: "contractors",
  summary: "The register (same filters as listContractors) as CSV, UTF-8 with BOM; with format=xlsx an Excel workbook instead (same columns, dates as dates)",
  query: withExportFormat(exportContractorsQuery),
  produces: EXPORT_CONTENT_TYPES,
});

export const contractorStats = defineOperation({
  id: "contractorStats",
  method: "get",
  path: "/api/v1/contractors/stats",
  roles: ANY_ROLE,
  tag: "contractors",
  summary: "Latest results, statuses, flags, and periodic assessments due per month of a fiscal year (default: the current one)",
  query: statsQuery,
  response: statsSchema,
});

export const getContractor = defineOperation({
  id: "getContractor",
  method: "get",
  path: "/api/v1/contractors/{id}",
  roles: ANY_ROLE,
  tag: "contractors",
  summary: "A contractor with its assessments over time (withdrawn ones marked) and its change history",
  params: idParams,
  response: contractorDetailSchema,
});

export const updateContractor = defineOperation({
  id: "updateContractor",
  method: "patch",
  path: "/api/v1/contractors/{id}",
  roles: CONTRACTOR_WRITERS,
  tag: "contractors",
  summary: "Change a contractor (send the version you read; a stale version gets 409)",
  description: "A changed contractStart without an approved or conditional assessment dated on or before it is refused (400). Certifications are replaced by the list sent.",
  params: idParams,
  paramsExample: { id: 1 },
  body: updateContractorSchema,
  example: {
    name: "株式会社ネクストクラウド",
    corporateNumber: "1010001000006",
    services: "人事給与システムのクラウド提供（SaaS）",
    dataCategories: ["氏名", "社員番号", "給与額", "口座情報"],
    dataVolume: 450,
    contractStart: null,
    contractEnd: null,
    contactName: "営業部 佐々木",
    contactEmail: "sales@nextcloud.example.jp",
    contactPhone: "03-5555-0101",
    reassessmentMonths: 12,
    note: "新規選定中。初回評価の実施待ち。",
    certifications: [{ kind: "isms", number: "IS 700001", expiresOn: "2028-06-30" }],
    version: 1,
  },
  response: contractorSchema,
});

export const changeContractorStatus = defineOperation({
  id: "changeContractorStatus",
  method: "post",
  path: "/api/v1/contractors/{id}/status",
  roles: CONTRACTOR_WRITERS,
  tag: "contractors",
  summary: "Approve, approve with conditions, suspend or terminate a contractor",
  description:
    "approved needs the newest (not withdrawn) assessment to be approved — never on a rejected one; conditional needs an approved or conditional one. Other statuses are always allowed.",
  params: idParams,
  paramsExample: { id: 2 },
  body: changeStatusSchema,
  example: { status: "approved", reason: "初回評価の結果により承認", version: 1 },
  response: contractorSchema,
});

export const createAssessment = defineOperation({
  id: "createAssessment",
  method: "post",
  path: "/api/v1/contractors/{id}/assessments",
  roles: CONTRACTOR_WRITERS,
  tag: "contractors",
  summary: "Record an assessment scored with a template: total and result are computed on the server",
  description:
    "scores: one per criterion of the template (0..maxScore). nextDueOn empty: the contractor's interval (default 12 months) after assessedOn. assessedOn may not be in the future.",
  params: idParams,
  paramsExample: { id: 1 },
  body: createAssessmentSchema,
  example: {
    templateId: 1,
    type: "initial",
    assessedOn: "2026-04-01",
    assessor: "個人情報保護管理者 佐藤",
    scores: [
      { key: "organizational", score: 4, comment: "規程類は整備済み" },
      { key: "human", score: 4, comment: null },
      { key: "physical", score: 5, comment: "データセンターは生体認証で入退室管理" },
      { key: "technical", score: 4, comment: null },
      { key: "subcontracting", score: 3, comment: "再委託先一覧の提出を依頼" },
      { key: "incident_response", score: 4, comment: null },
      { key: "contract_clauses", score: 5, comment: null },
      { key: "certification", score: 5, comment: "ISMS認証取得済み" },
      { key: "past_incidents", score: 5, comment: "過去3年の事故なし" },
    ],
    conditions: null,
    nextDueOn: null,
    evidence: "委託先評価チェックシート 2026-014",
  },
  successStatus: 201,
  response: assessmentSchema,
});

export const withdrawAssessment = defineOperation({
  id: "withdrawAssessment",
  method: "post",
  path: "/api/v1/contractors/{id}/assessments/{assessmentId}/withdraw",
  roles: CONTRACTOR_WRITERS,
  tag: "contractors",
  summary: "Withdraw an assessment (kept and shown, no longer counts); the contractor's flags are re-evaluated",
  params: assessmentParams,
  paramsExample: { id: 3, assessmentId: 3 },
  body: withdrawAssessmentSchema,
  example: { reason: "評価対象の契約書の版を誤って記録したため", version: 1 },
  response: assessmentSchema,
});

export const importContractors = defineOperation({
  id: "importContractors",
  method: "post",
  path: "/api/v1/contractors/import",
  roles: CONTRACTOR_WRITERS,
  tag: "contractors",
  summary: "Import the register from CSV or Excel: preview, then commit all-or-nothing (match by 法人番号, else by exact name)",
  description:
    "CSV in UTF-8 (with or without BOM) or Shift_JIS/CP932, or the first sheet of an .xlsx workbook, detected from the bytes; at most 5 MB and 5,000 rows. The columns are the export's " +
    "(名称/name and 委託業務/services required; 法人番号, 状態, 個人情報の項目, 件数, 契約開始日, 契約終了日, 担当者, メールアドレス, 電話番号, 再評価の間隔（月）, 備考 optional). " +
    "A contract start without a prior approved assessment is not refused here: the row is flagged in `changes[].flags`. " +
    "`mode=preview` stores nothing; `mode=commit` stores every row in one transaction, or nothing and a 400 whose `errors` name each bad line as " +
    "`{line, column?, field: \"line:<n>[:<column>]\", code, message}` (the format of every import). With `Accept: application/x-ndjson` the commit streams progress lines.",
  multipart: {
    fields: {
      file: { type: "binary", description: "The CSV or .xlsx file" },
      mode: { type: "string", description: "preview (default) or commit" },
    },
    required: ["file"],
  },
  response: contractorImportResultSchema,
});
