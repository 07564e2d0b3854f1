import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/management-reviews";
import { createManagementReview, listManagementReviews } from "@/db/queries/management-reviews";

export const GET = handle(ops.listManagementReviews, async ({ query }) => listManagementReviews(query));
export const POST = handle(ops.createManagementReview, async ({ user, body }) => createManagementReview(user, body));
