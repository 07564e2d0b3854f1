import { ANY_ROLE } from "@/lib/auth/roles";
import { PMARK_OWNERS } from "@/lib/audits/roles";
import {
  createManagementReviewSchema,
  createReviewActionSchema,
  idParams,
  listManagementReviewsQuery,
  managementReviewDetailSchema,
  managementReviewSchema,
  reviewActionSchema,
  updateManagementReviewSchema,
  updateReviewActionSchema,
} from "@/lib/audits/schema";
import { defineOperation } from "../operation";
import { pageSchema } from "@/lib/list/page";

const tag = "management-reviews";

export const listManagementReviews = defineOperation({
  id: "listManagementReviews",
  method: "get",
  path: "/api/v1/management-reviews",
  roles: ANY_ROLE,
  tag,
  summary: "Management reviews マネジメントレビュー, newest first, paged; filter by fiscal year",
  query: listManagementReviewsQuery,
  response: pageSchema(managementReviewSchema),
});

export const createManagementReview = defineOperation({
  id: "createManagementReview",
  method: "post",
  path: "/api/v1/management-reviews",
  roles: PMARK_OWNERS,
  tag,
  summary: "Record a management review by top management (inputs: audit results, incidents, training, contractors, changes in law; decisions)",
  body: createManagementReviewSchema,
  example: {
    heldOn: "2026-11-20",
    title: "2026年度 臨時マネジメントレビュー",
    participants: "代表取締役 田中 誠、個人情報保護管理者 佐藤 恵子、監査責任者 高橋 直樹",
    inputAuditResults: "上期の運用状況監査で軽微な不適合1件。是正処置を実施中。",
    inputIncidents: "誤送信1件（本人への連絡・報告済み）。",
    inputTraining: "全社の受講率 94%。未受講者へ督促中。",
    inputContractors: "主要委託先の年次評価は完了。",
    inputLawChanges: "個人情報保護法施行規則の改正予定を確認。",
    decisions: "メール誤送信対策として外部送信時の確認機能を導入する。",
  },
  successStatus: 201,
  response: managementReviewDetailSchema,
});

export const getManagementReview = defineOperation({
  id: "getManagementReview",
  method: "get",
  path: "/api/v1/management-reviews/{id}",
  roles: ANY_ROLE,
  tag,
  summary: "A management review with its actions",
  params: idParams,
  response: managementReviewDetailSchema,
});

export const updateManagementReview = defineOperation({
  id: "updateManagementReview",
  method: "patch",
  path: "/api/v1/management-reviews/{id}",
  roles: PMARK_OWNERS,
  tag,
  summary: "Change a management review (send the version you read; stale → 409)",
  params: idParams,
  body: updateManagementReviewSchema,
  example: {
    heldOn: "2026-03-16",
    title: "2025年度 マネジメントレビュー",
    participants: "代表取締役 田中 誠、個人情報保護管理者 佐藤 恵子、監査責任者 高橋 直樹、人事部長 鈴木 健一",
    inputAuditResults: "内部監査3件を実施。重大な不適合1件、軽微な不適合3件。",
    inputIncidents: "インシデント4件。重大な漏えいなし。",
    inputTraining: "年間受講率 96%。",
    inputContractors: "委託先12社の評価を完了。1社に改善要請。",
    inputLawChanges: "改正法の施行に伴う規程改訂を完了。",
    inputOther: null,
    decisions: "アクセス権棚卸しを四半期ごとに実施する。",
    version: 1,
  },
  paramsExample: { id: 1 },
  response: managementReviewDetailSchema,
});

export const createManagementReviewAction = defineOperation({
  id: "createManagementReviewAction",
  method: "post",
  path: "/api/v1/management-reviews/{id}/actions",
  roles: PMARK_OWNERS,
  tag,
  summary: "Add an action that follows from the review (owner, due), tracked like a corrective action",
  params: idParams,
  body: createReviewActionSchema,
  example: { description: "外部送信メールの確認機能を全社に導入する。", ownerUserId: 1, dueDate: "2027-02-28" },
  paramsExample: { id: 1 },
  successStatus: 201,
  response: reviewActionSchema,
});

export const updateManagementReviewAction = defineOperation({
  id: "updateManagementReviewAction",
  method: "patch",
  path: "/api/v1/management-reviews/actions/{id}",
  roles: PMARK_OWNERS,
  tag,
  summary: "Change an action or mark it done (stale version → 409)",
  params: idParams,
  body: updateReviewActionSchema,
  example: { description: "アクセス権の棚卸しを四半期ごとに実施する。", ownerUserId: 1, dueDate: "2026-06-30", status: "done", doneOn: "2026-06-25", note: "第1四半期分を実施済み。", version: 1 },
  paramsExample: { id: 1 },
  response: reviewActionSchema,
});
