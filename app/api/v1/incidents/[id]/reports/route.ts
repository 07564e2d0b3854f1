import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/incidents";
import { recordReportDates } from "@/db/queries/incidents";

export const PUT = handle(ops.recordIncidentReports, async ({ user, params, body }) => recordReportDates(user, params.id, body));
