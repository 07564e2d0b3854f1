import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/register-risks";
import { acceptRisk } from "@/db/queries/register-risks";

export const POST = handle(ops.acceptRegisterRisk, async ({ user, params, body }) => acceptRisk(user, params.id, body));
