import { z } from "zod";
import { ANY_ROLE } from "@/lib/auth/roles";
import { XLSX_CONTENT_TYPE } from "@/lib/list/export-format";
import { pageSchema } from "@/lib/list/page";
import {
  REGISTER_WRITERS,
  createItemSchema,
  createPurposeSchema,
  createReviewSchema,
  exportRegisterQuery,
  itemDetailSchema,
  itemHistorySchema,
  itemIdParams,
  listItemsQuery,
  listPurposesQuery,
  listReviewsQuery,
  purposeSchema,
  registerImportResultSchema,
  registerItemSchema,
  reviewSchema,
  updateItemSchema,
  updatePurposeSchema,
} from "@/lib/register/schema";
import { defineOperation } from "../operation";
import { recordActions } from "../record-actions";
import { versionOnlySchema } from "@/lib/validation/common";

/**
 * The personal information register 個人情報管理台帳 (docs/domain.md §6): items, their history, the
 * yearly reviews, the list of purposes of use, the import of an existing register and the .xlsx export
 * with the risk analysis. The privacy manager writes; HR, the auditor and the executive read.
 */

const TAG = "register";

/** In the demo data: item 1 is RUFT's user registration information; the last seeded item is retired; so is purpose 8. */
export const DEMO_RETIRED_ITEM_ID = 22;
export const DEMO_RETIRED_PURPOSE_ID = 8;

const itemExample = {
  code: "PI-901",
  name: "展示会来場者名刺情報",
  kind: "personal",
  dataSubjects: ["展示会来場者"],
  dataItems: ["氏名", "会社名", "部署・役職", "メールアドレス", "電話番号"],
  personCount: 800,
  form: "both",
  acquisitionMethod: "direct_other",
  noticeOrConsent: "ブースの掲示と名刺交換時の口頭説明で利用目的を通知",
  purposeIds: [5, 7],
  ownerDepartmentId: 7,
  storagePlace: "営業支援システム（クラウド）／名刺は施錠キャビネット",
  storageMethod: "スキャン後、名刺原本は施錠保管",
  accessScope: "マーケティング部・営業部",
  usePeriod: "取得から3年",
  retentionPeriod: "最終接触から3年",
  disposalMethod: "データ削除、名刺原本は溶解処理",
  contractorIds: [],
  provision: "none",
  provisionBasis: null,
  abroadCountries: [],
  reviewIntervalMonths: 12,
  note: null,
};

export const listRegisterItems = defineOperation({
  id: "listRegisterItems",
  method: "get",
  path: "/api/v1/register/items",
  roles: ANY_ROLE,
  tag: TAG,
  summary: "The personal information register 個人情報管理台帳, filtered, sorted and paged",
  description:
    "Filters: q (code, name, data items, data subjects), kind, departmentId, overdue (next review date before today in Tokyo), sensitive (kind = sensitive), status (active, retired, all; default active). " +
    "Sort: code, name, kind, personCount, nextReviewDueOn, department.",
  query: listItemsQuery,
  response: pageSchema(registerItemSchema),
});

export const createRegisterItem = defineOperation({
  id: "createRegisterItem",
  method: "post",
  path: "/api/v1/register/items",
  roles: REGISTER_WRITERS,
  tag: TAG,
  summary: "Add an item to the register (its next review is due a review interval after registration, or after lastReviewedOn when given)",
  description: "The code must be unused (409 otherwise). Purposes must be live purposes of use; contractors and the department must exist (400 naming the field). The first version is kept in the item's history.",
  body: createItemSchema,
  example: itemExample,
  successStatus: 201,
  response: registerItemSchema,
});

export const getRegisterItem = defineOperation({
  id: "getRegisterItem",
  method: "get",
  path: "/api/v1/register/items/{id}",
  roles: ANY_ROLE,
  tag: TAG,
  summary: "One register item with its reviews (reviews of the whole register included)",
  params: itemIdParams,
  response: itemDetailSchema,
});

export const updateRegisterItem = defineOperation({
  id: "updateRegisterItem",
  method: "patch",
  path: "/api/v1/register/items/{id}",
  roles: REGISTER_WRITERS,
  tag: TAG,
  summary: "Change a register item (send the version you read; a stale version gets 409); the new version joins the history",
  description: "The last review date changes only through a review; a changed review interval moves the next due date.",
  params: itemIdParams,
  body: updateItemSchema,
  example: { ...itemExample, code: "PI-001", name: "RUFT利用者登録情報", version: 1 },
  response: registerItemSchema,
});

const registerItem = recordActions({ path: "/api/v1/register/items/{id}", roles: REGISTER_WRITERS, tag: TAG, params: itemIdParams, body: versionOnlySchema, response: registerItemSchema });

export const retireRegisterItem = registerItem("retire", { id: "retireRegisterItem", summary: "Retire a register item (no longer held: kept with its history, no longer due for review); 409 when already retired" });

export const restoreRegisterItem = registerItem("restore", { id: "restoreRegisterItem", summary: "Put a retired register item back in use; 409 when it is not retired", paramsExample: { id: DEMO_RETIRED_ITEM_ID }, version: 2 });

export const registerItemHistory = defineOperation({
  id: "registerItemHistory",
  method: "get",
  path: "/api/v1/register/items/{id}/history",
  roles: ANY_ROLE,
  tag: TAG,
  summary: "Every version of a register item, newest first: what happened, who, when, the fields it changed and the item as it was",
  params: itemIdParams,
  response: itemHistorySchema,
});

export const listRegisterReviews = defineOperation({
  id: "listRegisterReviews",
  method: "get",
  path: "/api/v1/register/reviews",
  roles: ANY_ROLE,
  tag: TAG,
  summary: "Reviews of the register, newest first: with itemId, that item's reviews and the reviews of the whole register; scope narrows to one kind",
  query: listReviewsQuery,
  response: pageSchema(reviewSchema),
});

export const createRegisterReview = defineOperation({
  id: "createRegisterReview",
  method: "post",
  path: "/api/v1/register/reviews",
  roles: REGISTER_WRITERS,
  tag: TAG,
  summary: "Record a review of one item (itemId and the item's version) or of the whole register (no itemId): the items' last review and next due date move forward",
  description:
    "Dated today or earlier (Tokyo). A review of an item with result 'retired' retires it; 'changed' needs the changes described. A review of the whole register counts every item in use as reviewed on that date (each gets a new version in its history).",
  body: createReviewSchema,
  example: { reviewedOn: "2026-11-20", reviewer: "個人情報保護管理者 佐藤 恵子", result: "no_change", changes: null, risksReviewed: true },
  successStatus: 201,
  response: reviewSchema,
});

export const listPurposesOfUse = defineOperation({
  id: "listPurposesOfUse",
  method: "get",
  path: "/api/v1/register/purposes",
  roles: ANY_ROLE,
  tag: TAG,
  summary: "The company's purposes of use 利用目的 (seeded from the privacy policy §3), with the number of items in use that name each",
  query: listPurposesQuery,
  response: z.object({ items: z.array(purposeSchema) }),
});

export const createPurposeOfUse = defineOperation({
  id: "createPurposeOfUse",
  method: "post",
  path: "/api/v1/register/purposes",
  roles: REGISTER_WRITERS,
  tag: TAG,
  summary: "Add a purpose of use (its number must be unused: 409)",
  body: createPurposeSchema,
  example: { code: "P9", text: "当社サービスの利用に関する調査・分析のため", sortOrder: 90 },
  successStatus: 201,
  response: purposeSchema,
});

export const updatePurposeOfUse = defineOperation({
  id: "updatePurposeOfUse",
  method: "patch",
  path: "/api/v1/register/purposes/{id}",
  roles: REGISTER_WRITERS,
  tag: TAG,
  summary: "Change a purpose of use (send the version you read; 409 when stale)",
  params: itemIdParams,
  body: updatePurposeSchema,
  example: { code: "P1", text: "利用者の契約者登録、利用者登録、本人確認、不正利用の防止等の利用者管理のため", sortOrder: 10, version: 1 },
  response: purposeSchema,
});

const purpose = recordActions({ path: "/api/v1/register/purposes/{id}", roles: REGISTER_WRITERS, tag: TAG, params: itemIdParams, body: versionOnlySchema, response: purposeSchema });

export const retirePurposeOfUse = purpose("retire", { id: "retirePurposeOfUse", summary: "Retire a purpose of use: items that chose it keep it; it can no longer be chosen" });

export const restorePurposeOfUse = purpose("restore", { id: "restorePurposeOfUse", summary: "Bring a retired purpose of use back", paramsExample: { id: DEMO_RETIRED_PURPOSE_ID } });

export const importRegister = defineOperation({
  id: "importRegister",
  method: "post",
  path: "/api/v1/register/import",
  roles: REGISTER_WRITERS,
  tag: TAG,
  summary: "Import an existing register from .xlsx (first sheet) or CSV (UTF-8 or Shift_JIS), all-or-nothing; rows match items by code, so a re-import changes nothing",
  description:
    "Columns as the export's register sheet, Japanese or English headers. mode=preview stores nothing and lists every line error in the caller's language; mode=commit stores nothing when any line is wrong (400 listing them). Purposes by number or text, contractors by name, the department by name or code.",
  multipart: {
    fields: { file: { type: "binary", description: ".xlsx or CSV" }, mode: { type: "string", description: "preview (default) or commit" } },
    required: ["file"],
  },
  response: registerImportResultSchema,
});

export const exportRegister = defineOperation({
  id: "exportRegister",
  method: "get",
  path: "/api/v1/register/export",
  roles: ANY_ROLE,
  tag: TAG,
  summary: "The register and its risk analysis as one .xlsx workbook: sheet 個人情報管理台帳 (the items the filters select) and sheet リスク分析 (one row per risk of those items); headers in the caller's language",
  query: exportRegisterQuery,
  produces: XLSX_CONTENT_TYPE,
});
