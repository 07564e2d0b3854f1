import { handle } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/api/errors";
import * as ops from "@/lib/api/contracts/training-sessions";
import { getTrainingSession, updateTrainingSession } from "@/db/queries/training-sessions";

export const GET = handle(ops.getTrainingSession, async ({ params }) => (await getTrainingSession(params.id)) ?? Promise.reject(new NotFoundError()));
export const PATCH = handle(ops.updateTrainingSession, async ({ user, params, body }) => updateTrainingSession(user, params.id, body));
