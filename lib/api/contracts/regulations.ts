import { ANY_ROLE } from "@/lib/auth/roles";
import { REGULATION_WRITERS } from "@/lib/regulations/roles";
import {
  createRegulationSchema,
  createReviewSchema,
  exportRegulationsQuery,
  listRegulationsQuery,
  regulationDetailSchema,
  regulationIdParams,
  regulationSchema,
  regulationSummarySchema,
  reviewSchema,
  summaryQuery,
  updateRegulationSchema,
  updateReviewSchema,
} from "@/lib/regulations/schema";
import { defineOperation } from "../operation";
import { EXPORT_CONTENT_TYPES, withExportFormat } from "@/lib/list/export-format";
import { pageSchema } from "@/lib/list/page";
import { versionOnlySchema } from "@/lib/validation/common";

const tag = "regulations";

export const listRegulations = defineOperation({
  id: "listRegulations",
  method: "get",
  path: "/api/v1/regulations",
  roles: ANY_ROLE,
  tag,
  summary: "The regulation register 規程類, paged; filter by status, due state (overdue, due_soon, on_time, none), owner; search code/title/owner",
  query: listRegulationsQuery,
  response: pageSchema(regulationSchema),
});

export const createRegulation = defineOperation({
  id: "createRegulation",
  method: "post",
  path: "/api/v1/regulations",
  roles: REGULATION_WRITERS,
  tag,
  summary: "Register a regulation, in force with its current version (第N版) or as a draft",
  description:
    "status in_force records the given currentVersion (default 1) as in force from effectiveDate; draft is not in force until a 'revised' review is approved. " +
    "Owner: ownerUserId or ownerName. Next review due = (lastReviewedOn or effectiveDate) + reviewIntervalMonths (default 12), month-end clamped.",
  body: createRegulationSchema,
  example: {
    code: "REG-20",
    title: "特定個人情報取扱規程",
    description: "マイナンバー（特定個人情報）の取得・利用・保管・廃棄の手順を定める。",
    ownerName: "総務部長",
    status: "in_force",
    currentVersion: 2,
    effectiveDate: "2025-10-01",
    reviewIntervalMonths: 12,
    versionSummary: "番号法改正に伴う利用範囲の見直し",
  },
  successStatus: 201,
  response: regulationSchema,
});

export const getRegulation = defineOperation({
  id: "getRegulation",
  method: "get",
  path: "/api/v1/regulations/{id}",
  roles: ANY_ROLE,
  tag,
  summary: "A regulation with its revision history 改訂履歴 (every version) and its reviews 見直し記録",
  params: regulationIdParams,
  response: regulationDetailSchema,
});

export const updateRegulation = defineOperation({
  id: "updateRegulation",
  method: "patch",
  path: "/api/v1/regulations/{id}",
  roles: REGULATION_WRITERS,
  tag,
  summary: "Change code, title, owner or review interval (send the version you read; stale → 409). Versions and status change only by approved reviews",
  params: regulationIdParams,
  body: updateRegulationSchema,
  example: {
    code: "REG-01",
    title: "個人情報保護規程",
    description: "当社の個人情報保護マネジメントシステム（PMS）の基本を定める最上位の規程。",
    ownerUserId: 1,
    reviewIntervalMonths: 12,
    version: 1,
  },
  response: regulationSchema,
});

export const regulationSummary = defineOperation({
  id: "regulationSummary",
  method: "get",
  path: "/api/v1/regulations/summary",
  roles: ANY_ROLE,
  tag,
  summary: "Counts (overdue, due soon, on time, drafts, pending approval) and reviews due per month of the fiscal year",
  query: summaryQuery,
  response: regulationSummarySchema,
});

export const exportRegulations = defineOperation({
  id: "exportRegulations",
  method: "get",
  path: "/api/v1/regulations/export.csv",
  roles: ANY_ROLE,
  tag,
  summary: "The register (same filters as listRegulations) as CSV, UTF-8 with BOM; with format=xlsx an Excel workbook instead (same columns, dates as dates)",
  query: withExportFormat(exportRegulationsQuery),
  produces: EXPORT_CONTENT_TYPES,
});

export const createRegulationReview = defineOperation({
  id: "createRegulationReview",
  method: "post",
  path: "/api/v1/regulations/{id}/reviews",
  roles: REGULATION_WRITERS,
  tag,
  summary: "Record a review 見直し as a draft; nothing in force changes until it is approved",
  description:
    "outcome revised proposes the next version (highest + 1) and needs a summary of changes; proposedEffectiveDate defaults to the approval date. " +
    "One open draft per regulation (409 otherwise).",
  params: regulationIdParams,
  body: createReviewSchema,
  example: {
    reviewedOn: "2026-11-20",
    reviewers: "個人情報保護管理者、総務部長、情報システム部長",
    trigger: "law_amendment",
    outcome: "revised",
    summary: "個人情報保護法施行規則の改正に合わせ、漏えい等報告の手順（速報・確報の期限）を第8条に追記。",
    proposedEffectiveDate: "2026-12-01",
    minutes: "2026年11月20日 PMS委員会にて審議。異議なし。",
  },
  successStatus: 201,
  response: reviewSchema,
});

export const updateRegulationReview = defineOperation({
  id: "updateRegulationReview",
  method: "patch",
  path: "/api/v1/regulations/reviews/{id}",
  roles: REGULATION_WRITERS,
  tag,
  summary: "Change a draft review (approved reviews are final; stale version → 409)",
  params: regulationIdParams,
  body: updateReviewSchema,
  example: {
    reviewedOn: "2026-11-18",
    reviewers: "個人情報保護管理者、情報システム部長",
    trigger: "audit_finding",
    outcome: "revised",
    summary: "内部監査の指摘（アクセス権の定期棚卸し）を受け、第12条に四半期ごとの棚卸しを追加。",
    proposedEffectiveDate: null,
    minutes: null,
    version: 1,
  },
  response: reviewSchema,
});

export const approveRegulationReview = defineOperation({
  id: "approveRegulationReview",
  method: "post",
  path: "/api/v1/regulations/reviews/{id}/approve",
  roles: REGULATION_WRITERS,
  tag,
  summary: "Approve a draft review: a revision becomes the version in force, the next review due moves; 'retired' retires the regulation",
  params: regulationIdParams,
  body: versionOnlySchema,
  example: { version: 1 },
  response: regulationDetailSchema,
});

export const discardRegulationReview = defineOperation({
  id: "discardRegulationReview",
  method: "post",
  path: "/api/v1/regulations/reviews/{id}/discard",
  roles: REGULATION_WRITERS,
  tag,
  summary: "Discard a draft review (kept, marked discarded; never deletes)",
  params: regulationIdParams,
  body: versionOnlySchema,
  example: { version: 1 },
  response: reviewSchema,
});
