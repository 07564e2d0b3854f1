import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/regulations";
import { updateReview } from "@/db/queries/regulations";

export const PATCH = handle(ops.updateRegulationReview, async ({ user, params, body }) => updateReview(user, params.id, body));
