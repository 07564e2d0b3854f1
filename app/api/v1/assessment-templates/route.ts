import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/assessment-templates";
import { listTemplates } from "@/db/queries/assessments";

export const GET = handle(ops.listAssessmentTemplates, async ({ query }) => ({ items: await listTemplates({ all: query.all === "true" }) }));
