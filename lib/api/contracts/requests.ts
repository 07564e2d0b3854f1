import { ADMINS, ANY_ROLE } from "@/lib/auth/roles";
import { EXPORT_CONTENT_TYPES, withExportFormat } from "@/lib/list/export-format";
import { pageSchema } from "@/lib/list/page";
import { REQUEST_READERS } from "@/lib/requests/roles";
import {
  answerSchema,
  createRequestSchema,
  exportRequestsQuery,
  feeSchema,
  identitySchema,
  listRequestsQuery,
  requestIdParams,
  requestSchema,
  publicRequestReceipt,
  publicRequestSchema,
  requestSettingsDto,
  updateRequestSchema,
  updateRequestSettingsSchema,
  withdrawSchema,
} from "@/lib/requests/schema";
import { defineOperation } from "../operation";
import { recordActions } from "../record-actions";
import { versionOnlySchema } from "@/lib/validation/common";

/**
 * Requests from individuals 開示等請求 (docs/domain.md §7). The privacy manager handles them; the
 * auditor and the executive read them; HR does not (REQUEST_READERS). Stage, clock, fee with tax and
 * retention are computed on every read.
 * Demo data: request 1 awaits identity, 2 the fee, 3 is ready to answer, 4 is open, 7 is past its retention (all version 1).
 */

const COMPUTED =
  "Each request carries its stage (awaiting_identity, awaiting_fee, in_progress, answered, withdrawn), its clock " +
  "(dueOn = received + target days + paused days; the clock pauses while identity documents or the fee are awaited), " +
  "clockState, late, the fee with its consumption tax, and when the requester's details may be disposed of.";

export const listRequests = defineOperation({
  id: "listRequests",
  method: "get",
  path: "/api/v1/requests",
  roles: REQUEST_READERS,
  tag: "requests",
  summary: "Requests from individuals (開示等請求), filtered, sorted and paged; stage=open for those not answered nor withdrawn",
  description: COMPUTED,
  query: listRequestsQuery,
  response: pageSchema(requestSchema),
});

export const createRequest = defineOperation({
  id: "createRequest",
  method: "post",
  path: "/api/v1/requests",
  roles: ADMINS,
  tag: "requests",
  summary: "Log a request received: kind, channel, date, requester (or agent), register items concerned, what is asked. The server assigns REQ-<FY>-<seq>",
  description: COMPUTED,
  body: createRequestSchema,
  example: {
    kind: "disclosure",
    channel: "email",
    receivedOn: "2026-11-24",
    requesterName: "山本 花子",
    requesterContact: "hanako.yamamoto@example.jp",
    requesterAddress: null,
    viaAgent: false,
    details: "RUFTに登録されている私の利用者情報と利用履歴の開示を求めます。",
    disclosureMethod: "electronic",
    registerItemIds: [],
  },
  successStatus: 201,
  response: requestSchema,
});

export const exportRequests = defineOperation({
  id: "exportRequests",
  method: "get",
  path: "/api/v1/requests/export.csv",
  roles: REQUEST_READERS,
  tag: "requests",
  summary: "The request list (same filters as listRequests) as CSV, UTF-8 with BOM; with format=xlsx an Excel workbook",
  query: withExportFormat(exportRequestsQuery),
  produces: EXPORT_CONTENT_TYPES,
});

export const getRequest = defineOperation({
  id: "getRequest",
  method: "get",
  path: "/api/v1/requests/{id}",
  roles: REQUEST_READERS,
  tag: "requests",
  summary: "A request with its stage, clock, fee and retention",
  params: requestIdParams,
  response: requestSchema,
});

export const updateRequest = defineOperation({
  id: "updateRequest",
  method: "patch",
  path: "/api/v1/requests/{id}",
  roles: ADMINS,
  tag: "requests",
  summary: "Correct the intake of a request (stale version → 409; a disposed request → 409)",
  params: requestIdParams,
  body: updateRequestSchema,
  paramsExample: { id: 1 },
  example: {
    kind: "disclosure",
    channel: "email",
    receivedOn: "2026-11-21",
    requesterName: "佐々木 健一",
    requesterContact: "k.sasaki@example.jp",
    requesterAddress: null,
    viaAgent: false,
    details: "私の利用者登録情報およびログイン履歴の開示を求めます。電子メールでの提供を希望します。",
    disclosureMethod: "electronic",
    registerItemIds: [],
    version: 1,
  },
  response: requestSchema,
});

export const recordRequestIdentity = defineOperation({
  id: "recordRequestIdentity",
  method: "put",
  path: "/api/v1/requests/{id}/identity",
  roles: ADMINS,
  tag: "requests",
  summary: "The identity check: when documents were asked for (the clock pauses) and when, how and by whom identity was confirmed",
  params: requestIdParams,
  body: identitySchema,
  paramsExample: { id: 1 },
  example: { identityRequestedOn: "2026-11-22", identityCheckedOn: "2026-11-24", identityMethod: "id_document_copy", identityCheckedBy: "個人情報保護管理者 佐藤", version: 1 },
  response: requestSchema,
});

export const recordRequestFee = defineOperation({
  id: "recordRequestFee",
  method: "put",
  path: "/api/v1/requests/{id}/fee",
  roles: ADMINS,
  tag: "requests",
  summary: "The fee (notice of purpose and disclosure only): amount excluding tax, estimate, request and payment dates, or waived",
  description: "A fee on any other kind is refused (400); more than the policy's amount needs an estimate sent first. The clock pauses from the request until the payment.",
  params: requestIdParams,
  body: feeSchema,
  paramsExample: { id: 2 },
  example: { feeExclTax: 1000, feeEstimatedOn: null, feeRequestedOn: "2026-11-16", feePaidOn: "2026-11-24", feeWaived: false, version: 1 },
  response: requestSchema,
});

export const answerRequest = defineOperation({
  id: "answerRequest",
  method: "post",
  path: "/api/v1/requests/{id}/answer",
  roles: ADMINS,
  tag: "requests",
  summary: "Answer: comply in whole or in part, refuse on one of the policy's grounds, or no such data; with the reason told",
  description: "Complying needs the identity confirmed and the fee paid (or waived) first (409). A second answer is a 409.",
  params: requestIdParams,
  body: answerSchema,
  paramsExample: { id: 3 },
  example: { decision: "comply", refusalGround: null, decisionReason: null, answeredOn: "2026-11-24", answerMethod: "paper", answerNote: "住所の訂正を完了し、訂正後の登録内容を郵送で通知した。", version: 1 },
  response: requestSchema,
});

export const withdrawRequest = defineOperation({
  id: "withdrawRequest",
  method: "post",
  path: "/api/v1/requests/{id}/withdraw",
  roles: ADMINS,
  tag: "requests",
  summary: "The requester withdrew the request (the clock stops)",
  params: requestIdParams,
  body: withdrawSchema,
  paramsExample: { id: 4 },
  example: { withdrawnOn: "2026-11-24", version: 1 },
  response: requestSchema,
});

const request = recordActions({ path: "/api/v1/requests/{id}", roles: ADMINS, tag: "requests", params: requestIdParams, body: versionOnlySchema, response: requestSchema });

export const disposeRequest = request("dispose", {
  id: "disposeRequest",
  summary: "Dispose of the requester's details once the retention after closing has run; a minimal log stays (409 before)",
  paramsExample: { id: 7 },
});

export const retireRequest = request("retire", { id: "retireRequest", summary: "Withdraw a request logged by mistake (a duplicate): kept, never deleted", paramsExample: { id: 1 } });

export const getRequestSettings = defineOperation({
  id: "getRequestSettings",
  method: "get",
  path: "/api/v1/settings/requests",
  roles: REQUEST_READERS,
  tag: "requests",
  summary: "Settings for requests: answer target in days (default 14), the fee excluding tax (1,000 yen) and the tax rate (10 %), months a closed request is kept (36)",
  response: requestSettingsDto,
});

export const updateRequestSettings = defineOperation({
  id: "updateRequestSettings",
  method: "put",
  path: "/api/v1/settings/requests",
  roles: ADMINS,
  tag: "requests",
  summary: "Change the settings for requests (send the version you read; 0 while nothing has been saved yet)",
  body: updateRequestSettingsSchema,
  example: { targetDays: 14, feeExclTax: 1000, taxRatePercent: 10, retentionMonths: 36, version: 0 },
  response: requestSettingsDto,
});

export const submitPublicRequest = defineOperation({
  id: "submitPublicRequest",
  method: "post",
  path: "/api/v1/public/requests",
  roles: ANY_ROLE,
  public: true,
  tag: "requests",
  summary: "The public intake page's request (no sign-in): logged as received today by web form; 404 while the setting publicIntake is off (the default)",
  description:
    "Public: anyone may send it while the company has turned the intake page on (GET/PUT /api/v1/settings/requests, publicIntake). " +
    "Answers the reference to quote, the day received and the answer target in days; the requester's identity is checked by the privacy manager before anything is disclosed.",
  rateLimit: "5 requests per client address and hour (then 429 with Retry-After)",
  body: publicRequestSchema,
  example: { kind: "disclosure", requesterName: "山田 花子", requesterContact: "hanako@example.jp", viaAgent: false, details: "私に関して貴社が保有している個人データの開示を求めます。" },
  successStatus: 201,
  response: publicRequestReceipt,
});
