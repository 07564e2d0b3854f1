import { z } from "zod";
import { ADMINS, ANY_ROLE } from "@/lib/auth/roles";
import {
  correctiveActionParams,
  correctiveActionRowSchema,
  correctiveActionSchema,
  createIncidentSchema,
  dueItemSchema,
  dueQuery,
  exportIncidentsQuery,
  incidentDetailSchema,
  incidentIdParams,
  incidentOutputParams,
  incidentSchema,
  listIncidentsQuery,
  markOutputMadeSchema,
  reportDatesSchema,
  statsQuery,
  statsSchema,
  transitionSchema,
  updateCorrectiveActionSchema,
  updateIncidentSchema,
} from "@/lib/incidents/schema";
import { defineOperation } from "../operation";
import { recordActions } from "../record-actions";
import { EXPORT_CONTENT_TYPES, withExportFormat } from "@/lib/list/export-format";
import { pageSchema } from "@/lib/list/page";
import { versionOnlySchema } from "@/lib/validation/common";

/**
 * Incident log (docs/domain.md §3). Every role reads and may report a new incident; only the privacy
 * manager manages it afterwards. The reporting clocks are computed on every read.
 * Demo data: incident 15 is "reported" (version 1) and incident 10 has corrective action 1.
 */

const CLOCKS =
  "Each incident carries its computed clocks: reportable + reportableReasons (or exemption: advanced_encryption), " +
  "preliminaryReportDue (discovery date in Tokyo + 5) and finalReportDue (+30, +60 with wrongful purpose) for the PPC, " +
  "pmarkPreliminaryReportDue / pmarkFinalReportDue for every incident, the obligations with their state and the late flags.";

export const listIncidents = defineOperation({
  id: "listIncidents",
  method: "get",
  path: "/api/v1/incidents",
  roles: ANY_ROLE,
  tag: "incidents",
  summary: "Incidents (事故・インシデント), filtered, sorted and paged; status=open for everything not closed",
  description: CLOCKS,
  query: listIncidentsQuery,
  response: pageSchema(incidentSchema),
});

export const createIncident = defineOperation({
  id: "createIncident",
  method: "post",
  path: "/api/v1/incidents",
  roles: ANY_ROLE,
  tag: "incidents",
  summary: "Report an incident (any signed-in user). The server assigns the reference INC-<FY>-<seq>",
  description: "Timestamps without a zone are Asia/Tokyo. " + CLOCKS,
  rateLimit: "incident reports per user and hour (PMS_INCIDENT_REPORTS_PER_HOUR, default 30)",
  body: createIncidentSchema,
  example: {
    title: "顧客宛メールの誤送信",
    category: "misdirected",
    occurredAt: "2026-11-20T10:15:00+09:00",
    discoveredAt: "2026-11-20T11:00:00+09:00",
    departmentId: 2,
    description: "見積書を別の顧客へ誤って送信した。送信先に削除を依頼済み。",
    dataInvolved: "氏名、会社名、メールアドレス",
    personsAffected: 1,
    sensitiveData: false,
    financialLoss: false,
    wrongfulPurpose: false,
    encrypted: false,
    severity: "low",
  },
  successStatus: 201,
  response: incidentSchema,
});

export const dueIncidents = defineOperation({
  id: "dueIncidents",
  method: "get",
  path: "/api/v1/incidents/due",
  roles: ANY_ROLE,
  tag: "incidents",
  summary: "Reports and notices not yet made, of every incident, ordered by deadline (late first)",
  query: dueQuery,
  response: z.object({ items: z.array(dueItemSchema), total: z.number() }),
});

export const incidentStats = defineOperation({
  id: "incidentStats",
  method: "get",
  path: "/api/v1/incidents/stats",
  roles: ANY_ROLE,
  tag: "incidents",
  summary: "Charts: incidents per month of the fiscal year by category, open incidents by severity, days from discovery to containment",
  query: statsQuery,
  response: statsSchema,
});

export const exportIncidents = defineOperation({
  id: "exportIncidents",
  method: "get",
  path: "/api/v1/incidents/export.csv",
  roles: ANY_ROLE,
  tag: "incidents",
  summary: "The incident list (same filters as listIncidents) as CSV, UTF-8 with BOM; with format=xlsx an Excel workbook instead (same columns, dates as dates)",
  query: withExportFormat(exportIncidentsQuery),
  produces: EXPORT_CONTENT_TYPES,
});

export const getIncident = defineOperation({
  id: "getIncident",
  method: "get",
  path: "/api/v1/incidents/{id}",
  roles: ANY_ROLE,
  tag: "incidents",
  summary: "An incident with its clocks, status transitions and corrective actions",
  params: incidentIdParams,
  response: incidentDetailSchema,
});

export const updateIncident = defineOperation({
  id: "updateIncident",
  method: "patch",
  path: "/api/v1/incidents/{id}",
  roles: ADMINS,
  tag: "incidents",
  summary: "Change an incident: facts, flags, containment and the nine final-report items (stale version → 409)",
  params: incidentIdParams,
  body: updateIncidentSchema,
  paramsExample: { id: 15 },
  example: {
    title: "顧客宛メールの誤送信（見積書）",
    category: "misdirected",
    occurredAt: "2026-11-21T09:40:00+09:00",
    discoveredAt: "2026-11-21T10:05:00+09:00",
    departmentId: null,
    description: "見積書を添付したメールを別の顧客へ誤送信した。",
    dataInvolved: "氏名、メールアドレス",
    personsAffected: 1,
    sensitiveData: false,
    financialLoss: false,
    wrongfulPurpose: false,
    encrypted: false,
    severity: "low",
    containment: "誤送信先に削除を依頼し、削除完了の返信を受領。",
    reportOverview: "営業部員が見積書を別の顧客へ誤送信した。",
    reportCause: "宛先のオートコンプリートによる選択誤り。",
    version: 1,
  },
  response: incidentSchema,
});

export const transitionIncident = defineOperation({
  id: "transitionIncident",
  method: "post",
  path: "/api/v1/incidents/{id}/transition",
  roles: ADMINS,
  tag: "incidents",
  summary: "Move the incident one step forward (reported → investigating → contained → resolved → closed); closing is the approval",
  description: "Any other move is refused with 409. Closing needs every corrective action done.",
  params: incidentIdParams,
  body: transitionSchema,
  paramsExample: { id: 15 },
  example: { to: "investigating", note: "調査を開始", version: 1 },
  response: incidentSchema,
});

export const recordIncidentReports = defineOperation({
  id: "recordIncidentReports",
  method: "put",
  path: "/api/v1/incidents/{id}/reports",
  roles: ADMINS,
  tag: "incidents",
  summary: "The dates the PPC and P-mark reports and the notice to the persons were made (null = not yet)",
  description: "A date may not precede the day of discovery (Tokyo) nor lie in the future.",
  params: incidentIdParams,
  body: reportDatesSchema,
  paramsExample: { id: 15 },
  example: { ppcPreliminaryReportedOn: null, ppcFinalReportedOn: null, pmarkPreliminaryReportedOn: "2026-11-24", pmarkFinalReportedOn: null, personsNotifiedOn: null, version: 1 },
  response: incidentSchema,
});

export const markIncidentOutputMade = defineOperation({
  id: "markIncidentOutputMade",
  method: "put",
  path: "/api/v1/incidents/{id}/outputs/{output}",
  roles: ADMINS,
  tag: "incidents",
  summary: "Marks the PPC report (preliminary or final), the notice to the persons or the public statement as made on a date (null = not made)",
  description:
    "Fills ppcPreliminaryReportedOn, ppcFinalReportedOn, personsNotifiedOn (the clocks read them) or publiclyAnnouncedOn. " +
    "A date may not precede the day of discovery (Tokyo) nor lie in the future. The texts themselves are drafted on the incident's pages, in Japanese.",
  params: incidentOutputParams,
  body: markOutputMadeSchema,
  paramsExample: { id: 15, output: "personsNotice" },
  example: { madeOn: "2026-11-24", version: 1 },
  response: incidentSchema,
});

export const listCorrectiveActions = defineOperation({
  id: "listIncidentCorrectiveActions",
  method: "get",
  path: "/api/v1/incidents/{id}/corrective-actions",
  roles: ANY_ROLE,
  tag: "incidents",
  summary: "Corrective actions 是正処置 of an incident",
  params: incidentIdParams,
  response: z.array(correctiveActionRowSchema),
});

export const createCorrectiveAction = defineOperation({
  id: "createIncidentCorrectiveAction",
  method: "post",
  path: "/api/v1/incidents/{id}/corrective-actions",
  roles: ADMINS,
  tag: "incidents",
  summary: "Add a corrective action (owner, due, done) to an incident that is not closed",
  params: incidentIdParams,
  body: correctiveActionSchema,
  paramsExample: { id: 10 },
  example: { description: "メール送信前の宛先確認ルールを全社に再周知する", owner: "情報システム部 鈴木", dueOn: "2026-12-25", doneOn: null },
  successStatus: 201,
  response: correctiveActionRowSchema,
});

export const updateCorrectiveAction = defineOperation({
  id: "updateIncidentCorrectiveAction",
  method: "patch",
  path: "/api/v1/incidents/{id}/corrective-actions/{actionId}",
  roles: ADMINS,
  tag: "incidents",
  summary: "Change a corrective action, e.g. mark it done (stale version → 409)",
  params: correctiveActionParams,
  body: updateCorrectiveActionSchema,
  paramsExample: { id: 10, actionId: 1 },
  example: { description: "FAX送信時のダブルチェック手順を定める", owner: "総務部 田中", dueOn: "2026-12-15", doneOn: "2026-11-24", version: 1 },
  response: correctiveActionRowSchema,
});

const correctiveAction = recordActions({ path: "/api/v1/incidents/{id}/corrective-actions/{actionId}", roles: ADMINS, tag: "incidents", params: correctiveActionParams, body: versionOnlySchema, response: correctiveActionRowSchema });

export const retireCorrectiveAction = correctiveAction("retire", { id: "retireIncidentCorrectiveAction", summary: "Withdraw a corrective action entered by mistake (kept, never deleted)", paramsExample: { id: 10, actionId: 1 } });
