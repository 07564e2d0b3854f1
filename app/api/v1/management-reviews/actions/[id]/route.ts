import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/management-reviews";
import { updateReviewAction } from "@/db/queries/management-reviews";

export const PATCH = handle(ops.updateManagementReviewAction, async ({ user, params, body }) => updateReviewAction(user, params.id, body));
