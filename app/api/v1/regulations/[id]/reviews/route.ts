import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/regulations";
import { createReview } from "@/db/queries/regulations";

export const POST = handle(ops.createRegulationReview, async ({ user, params, body }) => createReview(user, params.id, body));
