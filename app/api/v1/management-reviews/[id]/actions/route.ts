import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/management-reviews";
import { createReviewAction } from "@/db/queries/management-reviews";

export const POST = handle(ops.createManagementReviewAction, async ({ user, params, body }) => createReviewAction(user, params.id, body));
