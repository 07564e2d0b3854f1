import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/regulations";
import { discardReview } from "@/db/queries/regulations";

export const POST = handle(ops.discardRegulationReview, async ({ user, params, body }) => discardReview(user, params.id, body.version));
