import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/contractors";
import { withdrawAssessment } from "@/db/queries/assessments";

export const POST = handle(ops.withdrawAssessment, async ({ user, params, body, locale }) =>
  withdrawAssessment(user, params.id, params.assessmentId, body, locale),
);
