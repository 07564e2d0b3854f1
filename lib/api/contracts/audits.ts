import { ANY_ROLE } from "@/lib/auth/roles";
import { AUDIT_WRITERS } from "@/lib/audits/roles";
import {
  auditDetailSchema,
  auditSchema,
  auditStatsSchema,
  createAuditSchema,
  createFindingSchema,
  exportAuditsQuery,
  exportFindingsQuery,
  findingSchema,
  idParams,
  listAuditsQuery,
  listFindingsQuery,
  rejectVerificationSchema,
  retireFindingSchema,
  setTeamSchema,
  statsQuery,
  transitionAuditSchema,
  updateAuditSchema,
  updateFindingSchema,
  verifyFindingSchema,
} from "@/lib/audits/schema";
import { defineOperation } from "../operation";
import { recordActions } from "../record-actions";
import { EXPORT_CONTENT_TYPES, withExportFormat } from "@/lib/list/export-format";
import { pageSchema } from "@/lib/list/page";
import { versionOnlySchema } from "@/lib/validation/common";

const tag = "audits";

export const listAudits = defineOperation({
  id: "listAudits",
  method: "get",
  path: "/api/v1/audits",
  roles: ANY_ROLE,
  tag,
  summary: "The audit plan 監査計画, paged; filter by fiscal year (fy), type, status; search title/auditee/summary",
  query: listAuditsQuery,
  response: pageSchema(auditSchema),
});

export const createAudit = defineOperation({
  id: "createAudit",
  method: "post",
  path: "/api/v1/audits",
  roles: AUDIT_WRITERS,
  tag,
  summary: "Plan an audit (status planned). Independence: the lead and the team may not belong to an audited department (400 naming them)",
  body: createAuditSchema,
  example: {
    fiscalYear: 2026,
    type: "operation",
    title: "運用状況監査（マーケティング部）",
    scopeDepartmentIds: [7],
    scopeClauses: ["A.3.4.2", "A.3.4.3"],
    plannedStart: "2027-01-18",
    plannedEnd: "2027-01-19",
    leadAuditorId: 3,
    teamUserIds: [1],
    summary: null,
  },
  successStatus: 201,
  response: auditSchema,
});

export const getAudit = defineOperation({
  id: "getAudit",
  method: "get",
  path: "/api/v1/audits/{id}",
  roles: ANY_ROLE,
  tag,
  summary: "An audit with its team and findings",
  params: idParams,
  response: auditDetailSchema,
});

export const updateAudit = defineOperation({
  id: "updateAudit",
  method: "patch",
  path: "/api/v1/audits/{id}",
  roles: AUDIT_WRITERS,
  tag,
  summary: "Change an audit's plan, scope, lead, dates or report (send the version you read; stale → 409; closed audits are final)",
  params: idParams,
  body: updateAuditSchema,
  example: {
    fiscalYear: 2026,
    type: "operation",
    title: "運用状況監査（営業部・カスタマーサポート部）",
    scopeDepartmentIds: [4, 6],
    scopeClauses: ["A.3.4.2", "A.3.4.3", "A.3.4.5"],
    auditee: null,
    plannedStart: "2026-11-19",
    plannedEnd: "2026-11-28",
    actualStart: "2026-11-19",
    actualEnd: null,
    leadAuditorId: 3,
    summary: "顧客情報の持ち出し管理と委託先への提供記録を中心に確認中。",
    version: 1,
  },
  paramsExample: { id: 1 },
  response: auditSchema,
});

export const transitionAudit = defineOperation({
  id: "transitionAudit",
  method: "post",
  path: "/api/v1/audits/{id}/transition",
  roles: AUDIT_WRITERS,
  tag,
  summary: "Move an audit: planned → in_progress → reported (needs a summary) → closed (every nonconformity verified, else 409)",
  description: "Also in_progress → planned and reported → in_progress. `on` defaults to today (Tokyo) and sets actual start / end, reported and closed dates.",
  params: idParams,
  body: transitionAuditSchema,
  example: { to: "in_progress", on: "2026-11-24", version: 1 },
  paramsExample: { id: 2 },
  response: auditSchema,
});

export const setAuditTeam = defineOperation({
  id: "setAuditTeam",
  method: "put",
  path: "/api/v1/audits/{id}/team",
  roles: AUDIT_WRITERS,
  tag,
  summary: "Replace the audit team 監査員 (besides the lead); a member from an audited department is refused (400)",
  params: idParams,
  body: setTeamSchema,
  example: { teamUserIds: [1], version: 1 },
  paramsExample: { id: 3 },
  response: auditSchema,
});

const audit = recordActions({ path: "/api/v1/audits/{id}", roles: AUDIT_WRITERS, tag, params: idParams, body: versionOnlySchema, response: auditSchema });

export const retireAudit = audit("retire", { id: "retireAudit", summary: "Cancel a planned audit (kept, marked retired; only while planned)", paramsExample: { id: 2 } });

export const auditStats = defineOperation({
  id: "auditStats",
  method: "get",
  path: "/api/v1/audits/stats",
  roles: ANY_ROLE,
  tag,
  summary: "Audits planned vs done per quarter of the fiscal year, findings by grade and status, overdue corrective actions, yearly indicators",
  query: statsQuery,
  response: auditStatsSchema,
});

export const exportAudits = defineOperation({
  id: "exportAudits",
  method: "get",
  path: "/api/v1/audits/export.csv",
  roles: ANY_ROLE,
  tag,
  summary: "The audit plan (same filters as listAudits) as CSV, UTF-8 with BOM; with format=xlsx an Excel workbook instead (same columns, dates as dates)",
  query: withExportFormat(exportAuditsQuery),
  produces: EXPORT_CONTENT_TYPES,
});

// Findings

const ftag = "findings";

export const listFindings = defineOperation({
  id: "listFindings",
  method: "get",
  path: "/api/v1/findings",
  roles: ANY_ROLE,
  tag: ftag,
  summary: "Audit findings 指摘事項, paged; filter by audit, fiscal year, grade, status, department, overdue (true/false), late (how late: d1_30, d31_60, d61_90, d91_plus); retired ones only with includeRetired=true",
  query: listFindingsQuery,
  response: pageSchema(findingSchema),
});

export const createFinding = defineOperation({
  id: "createFinding",
  method: "post",
  path: "/api/v1/findings",
  roles: AUDIT_WRITERS,
  tag: ftag,
  summary: "Record a finding on an audit in progress or reported (a closed audit is final: 409)",
  body: createFindingSchema,
  example: {
    auditId: 1,
    clauseRef: "A.3.4.3.2",
    grade: "minor_nc",
    departmentId: 4,
    description: "営業部の共有フォルダに退職者のアクセス権が残っていた（2名）。",
    correctiveAction: "退職手続きチェックリストにアクセス権削除を追加し、月次で棚卸しする。",
    ownerUserId: 2,
    dueDate: "2027-01-31",
  },
  successStatus: 201,
  response: findingSchema,
});

export const exportFindings = defineOperation({
  id: "exportFindings",
  method: "get",
  path: "/api/v1/findings/export.csv",
  roles: ANY_ROLE,
  tag: ftag,
  summary: "Findings (same filters as listFindings) as CSV, UTF-8 with BOM; with format=xlsx an Excel workbook instead (same columns, dates as dates)",
  query: withExportFormat(exportFindingsQuery),
  produces: EXPORT_CONTENT_TYPES,
});

export const updateFinding = defineOperation({
  id: "updateFinding",
  method: "patch",
  path: "/api/v1/findings/{id}",
  roles: AUDIT_WRITERS,
  tag: ftag,
  summary: "Change a finding and its corrective action 是正処置 (status open → action_planned → done); verified findings are final",
  params: idParams,
  body: updateFindingSchema,
  example: {
    clauseRef: "A.3.3.4",
    grade: "minor_nc",
    departmentId: 4,
    description: "顧客リストを含むUSBメモリの持ち出し記録が2件記入されていなかった。",
    correctiveAction: "持ち出し申請をワークフロー化し、記録のない持ち出しをできないようにする。",
    ownerUserId: 2,
    dueDate: "2026-12-25",
    status: "done",
    doneOn: "2026-11-24",
    version: 1,
  },
  paramsExample: { id: 1 },
  response: findingSchema,
});

export const verifyFinding = defineOperation({
  id: "verifyFinding",
  method: "post",
  path: "/api/v1/findings/{id}/verify",
  roles: AUDIT_WRITERS,
  tag: ftag,
  summary: "Verify a done corrective action 有効性確認 (not by its owner); the finding becomes final",
  params: idParams,
  body: verifyFindingSchema,
  example: { verifiedOn: "2026-11-24", note: "改訂後の手順で2か月分の記録を確認。有効と判断。", version: 1 },
  paramsExample: { id: 5 },
  response: findingSchema,
});

export const rejectFindingVerification = defineOperation({
  id: "rejectFindingVerification",
  method: "post",
  path: "/api/v1/findings/{id}/reject",
  roles: AUDIT_WRITERS,
  tag: ftag,
  summary: "Send a done corrective action back to action_planned 差戻し (not effective), with the reason; not by its owner (409), only a done one (409)",
  params: idParams,
  body: rejectVerificationSchema,
  example: { reason: "棚卸しの記録が1か月分しかなく、運用の定着を確認できないため。", version: 1 },
  paramsExample: { id: 5 },
  response: findingSchema,
});

export const retireFinding = defineOperation({
  id: "retireFinding",
  method: "post",
  path: "/api/v1/findings/{id}/retire",
  roles: AUDIT_WRITERS,
  tag: ftag,
  summary: "Retire a finding recorded by mistake, with the reason; it is kept (listed with includeRetired=true), leaves every count and the closing rule; a closed audit's findings are final (409)",
  params: idParams,
  body: retireFindingSchema,
  example: { reason: "別の指摘と同じ事象を重複して登録したため", version: 1 },
  paramsExample: { id: 2 },
  response: findingSchema,
});

const finding = recordActions({ path: "/api/v1/findings/{id}", roles: AUDIT_WRITERS, tag: ftag, params: idParams, body: versionOnlySchema, response: findingSchema });

export const restoreFinding = finding("restore", { id: "restoreFinding", summary: "Bring a retired finding back (409 when its audit has closed since, or when it is not retired)", paramsExample: { id: 12 } });
