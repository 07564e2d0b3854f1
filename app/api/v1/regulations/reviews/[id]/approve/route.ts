import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/regulations";
import { approveReview } from "@/db/queries/regulations";

export const POST = handle(ops.approveRegulationReview, async ({ user, params, body }) => approveReview(user, params.id, body.version));
