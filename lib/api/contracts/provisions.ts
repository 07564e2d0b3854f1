import { z } from "zod";
import { ADMINS } from "@/lib/auth/roles";
import { EXPORT_CONTENT_TYPES, withExportFormat } from "@/lib/list/export-format";
import { pageSchema } from "@/lib/list/page";
import { REQUEST_READERS } from "@/lib/requests/roles";
import {
  createJointUseSchema,
  createProvisionSchema,
  disposeProvisionSchema,
  exportProvisionsQuery,
  jointUseSchema,
  listJointUsesQuery,
  listProvisionsQuery,
  provisionIdParams,
  provisionSchema,
  updateJointUseSchema,
  updateProvisionSchema,
} from "@/lib/provisions/schema";
import { defineOperation } from "../operation";
import { recordActions } from "../record-actions";
import { versionOnlySchema } from "@/lib/validation/common";

/**
 * Records of provision to third parties 第三者提供記録 and joint uses 共同利用 (docs/domain.md §7). Read
 * by the privacy manager, the auditor and the executive (REQUEST_READERS), written by the privacy
 * manager. Demo data: record 1 is a consent-based provision (version 1), record 7 is past its retention.
 */

const RETENTION =
  "recordRequired, retainUntil and disposableFrom follow the APPI rules: contract with the person — 1 year from the last provision; " +
  "bulk record of continuous provision — 3 years from the last provision; any other — 3 years from the day recorded; " +
  "provisions under the statutory exceptions, outsourcing, succession and joint use need no record (recordRequired false).";

const example = {
  direction: "provided",
  ground: "consent",
  consentMethod: "セミナー申込フォームの同意チェック",
  counterpartyName: "株式会社エンゲージパートナーズ",
  counterpartyAddress: "東京都渋谷区渋谷2-1-1",
  counterpartyRepresentative: "代表取締役 森 拓也",
  persons: "共催セミナー参加申込者 18名",
  dataItems: "氏名、会社名、メールアドレス",
  providedFrom: "2026-11-20",
  providedTo: null,
  recordForm: "individual",
  recordedOn: "2026-11-20",
  contractorId: null,
  jointUseId: null,
  abroadCountry: null,
  equivalentSystem: false,
  informedBeforeConsent: false,
  registerItemIds: [],
};

export const listProvisions = defineOperation({
  id: "listProvisionRecords",
  method: "get",
  path: "/api/v1/provision-records",
  roles: REQUEST_READERS,
  tag: "provisions",
  summary: "Records of provision to third parties (provided and received), filtered by direction, ground, retention state, abroad; paged",
  description: RETENTION,
  query: listProvisionsQuery,
  response: pageSchema(provisionSchema),
});

export const createProvision = defineOperation({
  id: "createProvisionRecord",
  method: "post",
  path: "/api/v1/provision-records",
  roles: ADMINS,
  tag: "provisions",
  summary: "Record a provision (or a receipt) of personal data: recipient or provider, persons, items, ground, period; a recipient abroad with its country's system and measures",
  description: RETENTION,
  body: createProvisionSchema,
  example,
  successStatus: 201,
  response: provisionSchema,
});

export const exportProvisions = defineOperation({
  id: "exportProvisionRecords",
  method: "get",
  path: "/api/v1/provision-records/export.csv",
  roles: REQUEST_READERS,
  tag: "provisions",
  summary: "The provision records (same filters as the list) as CSV, UTF-8 with BOM; with format=xlsx an Excel workbook",
  query: withExportFormat(exportProvisionsQuery),
  produces: EXPORT_CONTENT_TYPES,
});

export const getProvision = defineOperation({
  id: "getProvisionRecord",
  method: "get",
  path: "/api/v1/provision-records/{id}",
  roles: REQUEST_READERS,
  tag: "provisions",
  summary: "A provision record with its ground, retention and abroad basis",
  params: provisionIdParams,
  response: provisionSchema,
});

export const updateProvision = defineOperation({
  id: "updateProvisionRecord",
  method: "patch",
  path: "/api/v1/provision-records/{id}",
  roles: ADMINS,
  tag: "provisions",
  summary: "Correct a provision record (stale version → 409; a disposed record → 409); the retention is recomputed",
  params: provisionIdParams,
  body: updateProvisionSchema,
  paramsExample: { id: 1 },
  example: { ...example, persons: "2026年秋キャンペーン当選者 12名", providedFrom: "2026-10-25", recordedOn: "2026-10-25", version: 1 },
  response: provisionSchema,
});

export const disposeProvision = defineOperation({
  id: "disposeProvisionRecord",
  method: "post",
  path: "/api/v1/provision-records/{id}/dispose",
  roles: ADMINS,
  tag: "provisions",
  summary: "Record the disposal of a provision record whose retention has run (409 before); when, by whom and how stay",
  params: provisionIdParams,
  body: disposeProvisionSchema,
  paramsExample: { id: 7 },
  example: { disposalNote: "電子データを削除し、紙の記録をシュレッダー処理", version: 1 },
  response: provisionSchema,
});

const provisionRecord = recordActions({ path: "/api/v1/provision-records/{id}", roles: ADMINS, tag: "provisions", params: provisionIdParams, body: versionOnlySchema, response: provisionSchema });

export const retireProvision = provisionRecord("retire", { id: "retireProvisionRecord", summary: "Withdraw a record entered by mistake (kept, never deleted)", paramsExample: { id: 1 } });

export const restoreProvision = provisionRecord("restore", { id: "restoreProvisionRecord", summary: "Put a withdrawn record back (409 when it is not withdrawn, or on a stale version)", paramsExample: { id: 10 } });

export const listJointUses = defineOperation({
  id: "listJointUses",
  method: "get",
  path: "/api/v1/joint-uses",
  roles: REQUEST_READERS,
  tag: "provisions",
  summary: "Joint uses (policy §4(3)) with the notice to publish on the company's website and the number of provision records made under each; includeRetired=true adds the ended ones",
  query: listJointUsesQuery,
  response: z.array(jointUseSchema),
});

export const createJointUse = defineOperation({
  id: "createJointUse",
  method: "post",
  path: "/api/v1/joint-uses",
  roles: ADMINS,
  tag: "provisions",
  summary: "Add a joint use: purpose, partners, data items, the responsible party's name, address and representative, the date published",
  body: createJointUseSchema,
  example: {
    title: "グループ会社との顧客情報の共同利用",
    purpose: "グループ各社のサービス案内のため",
    partners: "RUFTグループ各社",
    dataItems: "氏名、会社名、メールアドレス",
    responsibleName: "RUFT株式会社",
    responsibleAddress: "東京都渋谷区神南1-2-3",
    responsibleRepresentative: "代表取締役 田中 誠",
    publishedOn: "2026-11-24",
  },
  successStatus: 201,
  response: jointUseSchema,
});

export const updateJointUse = defineOperation({
  id: "updateJointUse",
  method: "patch",
  path: "/api/v1/joint-uses/{id}",
  roles: ADMINS,
  tag: "provisions",
  summary: "Change a joint use (stale version → 409)",
  params: provisionIdParams,
  body: updateJointUseSchema,
  paramsExample: { id: 1 },
  example: {
    title: "導入企業との利用状況データの共同利用",
    purpose: "導入企業における従業員エンゲージメント施策の立案・効果測定のため",
    partners: "RUFTの法人契約企業（契約期間中に限る）",
    dataItems: "氏名、所属部署、役職、サーベイ回答、利用状況",
    responsibleName: "RUFT株式会社",
    responsibleAddress: "東京都渋谷区神南1-2-3",
    responsibleRepresentative: "代表取締役 田中 誠",
    publishedOn: "2024-12-24",
    version: 1,
  },
  response: jointUseSchema,
});

const jointUse = recordActions({ path: "/api/v1/joint-uses/{id}", roles: ADMINS, tag: "provisions", params: provisionIdParams, body: versionOnlySchema, response: jointUseSchema });

export const retireJointUse = jointUse("retire", { id: "retireJointUse", summary: "End a joint use (kept, never deleted)", paramsExample: { id: 1 } });

export const restoreJointUse = jointUse("restore", { id: "restoreJointUse", summary: "Put an ended joint use back in force (409 when it is in force, or on a stale version)", paramsExample: { id: 2 } });
