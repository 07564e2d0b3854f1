import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/pms-posts";
import { endAppointment } from "@/db/queries/pms-structure";

export const POST = handle(ops.endPmsAppointment, async ({ user, params, body }) => endAppointment(user, params.id, body));
