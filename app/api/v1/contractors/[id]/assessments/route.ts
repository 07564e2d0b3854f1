import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/contractors";
import { createAssessment } from "@/db/queries/assessments";

export const POST = handle(ops.createAssessment, async ({ user, params, body, locale }) => createAssessment(user, params.id, body, locale));
