import { handle } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/api/errors";
import * as ops from "@/lib/api/contracts/assessment-templates";
import { getTemplate, updateTemplate } from "@/db/queries/assessments";

export const GET = handle(ops.getAssessmentTemplate, async ({ params }) => (await getTemplate(params.id)) ?? Promise.reject(new NotFoundError()));
export const PUT = handle(ops.updateAssessmentTemplate, async ({ user, params, body }) => updateTemplate(user, params.id, body));
