import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/audits";
import { retireFinding } from "@/db/queries/audits";

export const POST = handle(ops.retireFinding, async ({ user, params, body }) => retireFinding(user, params.id, body));
