import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/register";
import { createReview, listReviews } from "@/db/queries/register";

export const GET = handle(ops.listRegisterReviews, async ({ query }) => listReviews(query));
export const POST = handle(ops.createRegisterReview, async ({ user, body }) => createReview(user, body));
