import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/pms-posts";
import { createAppointment } from "@/db/queries/pms-structure";

export const POST = handle(ops.createPmsAppointment, async ({ user, params, body }) => createAppointment(user, params.id, body));
