import { handle } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/api/errors";
import * as ops from "@/lib/api/contracts/management-reviews";
import { getManagementReview, updateManagementReview } from "@/db/queries/management-reviews";

export const GET = handle(ops.getManagementReview, async ({ params }) => (await getManagementReview(params.id)) ?? Promise.reject(new NotFoundError()));
export const PATCH = handle(ops.updateManagementReview, async ({ user, params, body }) => updateManagementReview(user, params.id, body));
