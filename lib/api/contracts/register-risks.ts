import { ANY_ROLE, type Role } from "@/lib/auth/roles";
import { pageSchema } from "@/lib/list/page";
import { itemLinksSchema } from "@/lib/register/links-schema";
import { RISK_ACCEPTOR_ROLE } from "@/lib/register/risk";
import {
  acceptRiskSchema,
  createRiskSchema,
  heatMapQuery,
  heatMapSchema,
  itemAnalysisSchema,
  listRisksQuery,
  riskDetailSchema,
  riskIdParams,
  riskSchema,
  riskThresholdDtoSchema,
  updateRiskSchema,
  updateRiskThresholdSchema,
} from "@/lib/register/risk-schema";
import { defineOperation } from "../operation";
import { recordActions } from "../record-actions";
import { versionOnlySchema } from "@/lib/validation/common";

/** The privacy manager writes the risk analysis; HR, auditors and executives read it (docs/domain.md, Roles). */
const WRITERS: readonly Role[] = [RISK_ACCEPTOR_ROLE];
const tag = "register-risks";

const example = {
  stage: "storage",
  threat: "leak",
  description: "バックアップ媒体の紛失による利用者登録情報の漏えい",
  likelihood: 3,
  impact: 4,
  countermeasures: [
    { safeguard: "technical", description: "バックアップを暗号化し、鍵を別管理する", regulationId: null },
    { safeguard: "physical", description: "媒体は施錠保管庫に保管し、持出しは台帳で管理する", regulationId: 1 },
  ],
  residualLikelihood: 1,
  residualImpact: 4,
};

export const listRegisterRisks = defineOperation({
  id: "listRegisterRisks",
  method: "get",
  path: "/api/v1/register/risks",
  roles: ANY_ROLE,
  tag,
  summary: "Risks of the register's items, paged; filter by item, stage, threat, level or heat-map cell (before = inherent, after = residual), accepted, high",
  description:
    "phase picks the rating that level, likelihood and impact look at (default residual). high=true: residual score at or above the threshold in force. " +
    "Sorted by residual score (highest first) unless asked otherwise; retired=true lists the retired risks instead.",
  query: listRisksQuery,
  response: pageSchema(riskSchema),
});

export const createRegisterRisk = defineOperation({
  id: "createRegisterRisk",
  method: "post",
  path: "/api/v1/register/risks",
  roles: WRITERS,
  tag,
  summary: "Add a risk to an item at one lifecycle stage, with its countermeasures and the rating before and after them",
  description:
    "Likelihood and impact are 1..5 (docs/domain.md §6). The residual likelihood and impact may not exceed the inherent ones (400). " +
    "A countermeasure may cite a regulation of the register of rules by id (400 when there is none). A retired item takes no new risks (409).",
  body: createRiskSchema,
  example: { itemId: 1, ...example },
  successStatus: 201,
  response: riskSchema,
});

export const getRegisterRisk = defineOperation({
  id: "getRegisterRisk",
  method: "get",
  path: "/api/v1/register/risks/{id}",
  roles: ANY_ROLE,
  tag,
  summary: "A risk with its history: one snapshot per version (created, updated, accepted, retired, restored)",
  params: riskIdParams,
  response: riskDetailSchema,
});

export const updateRegisterRisk = defineOperation({
  id: "updateRegisterRisk",
  method: "patch",
  path: "/api/v1/register/risks/{id}",
  roles: WRITERS,
  tag,
  summary: "Change a risk (send the version you read; stale → 409). A change of the residual rating clears the manager's acceptance",
  params: riskIdParams,
  body: updateRiskSchema,
  example: { ...example, version: 1 },
  response: riskSchema,
});

export const acceptRegisterRisk = defineOperation({
  id: "acceptRegisterRisk",
  method: "post",
  path: "/api/v1/register/risks/{id}/accept",
  roles: WRITERS,
  tag,
  summary: "The privacy manager accepts the residual risk as rated now, dated today, with a note; audited",
  description: "409 when already accepted or retired. The acceptance is cleared when the residual rating changes.",
  params: riskIdParams,
  body: acceptRiskSchema,
  example: { note: "暗号化と施錠保管により残存リスクは許容範囲と判断する。", version: 1 },
  // Risk 3 of the demo data is live and not accepted yet (risks 1 and 2 are).
  paramsExample: { id: 3 },
  response: riskSchema,
});

const risk = recordActions({ path: "/api/v1/register/risks/{id}", roles: WRITERS, tag, params: riskIdParams, body: versionOnlySchema, response: riskSchema });

export const retireRegisterRisk = risk("retire", { id: "retireRegisterRisk", summary: "Retire a risk (kept with its history; never deleted). Retiring a retired risk is a 409" });

// Risk 143 of the demo data is retired (with its retired item, PI-022).
export const restoreRegisterRisk = risk("restore", { id: "restoreRegisterRisk", summary: "Restore a retired risk (409 when it is not retired). A risk of a retired item counts as retired until its item is restored", paramsExample: { id: 143 } });

export const registerRiskHeatMap = defineOperation({
  id: "registerRiskHeatMap",
  method: "get",
  path: "/api/v1/register/risks/heatmap",
  roles: ANY_ROLE,
  tag,
  summary: "Live risks counted per likelihood × impact cell, before (inherent) and after (residual) the countermeasures; same filters as the list",
  query: heatMapQuery,
  response: heatMapSchema,
});

export const getRegisterRiskThreshold = defineOperation({
  id: "getRegisterRiskThreshold",
  method: "get",
  path: "/api/v1/register/risks/threshold",
  roles: ANY_ROLE,
  tag,
  summary: "The residual score from which a risk counts as high (default 10, the floor of 'high')",
  response: riskThresholdDtoSchema,
});

export const updateRegisterRiskThreshold = defineOperation({
  id: "updateRegisterRiskThreshold",
  method: "put",
  path: "/api/v1/register/risks/threshold",
  roles: WRITERS,
  tag,
  summary: "Change the high-risk threshold: a score the 5 × 5 grid can produce (send the version you read; 0 while never saved)",
  body: updateRiskThresholdSchema,
  example: { highThreshold: 12, version: 0 },
  response: riskThresholdDtoSchema,
});

export const getRegisterItemRisks = defineOperation({
  id: "getRegisterItemRisks",
  method: "get",
  path: "/api/v1/register/items/{id}/risks",
  roles: ANY_ROLE,
  tag,
  summary: "An item's risk analysis: its live risks by lifecycle stage and when the analysis is next due for review",
  params: riskIdParams,
  response: itemAnalysisSchema,
});

export const getRegisterItemLinks = defineOperation({
  id: "getRegisterItemLinks",
  method: "get",
  path: "/api/v1/register/items/{id}/links",
  roles: ANY_ROLE,
  tag,
  summary: "The incidents whose data involved includes the item, and the contractors it is outsourced to",
  params: riskIdParams,
  response: itemLinksSchema,
});

