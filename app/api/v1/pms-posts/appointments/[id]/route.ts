import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/pms-posts";
import { updateAppointment } from "@/db/queries/pms-structure";

export const PATCH = handle(ops.updatePmsAppointment, async ({ user, params, body }) => updateAppointment(user, params.id, body));
