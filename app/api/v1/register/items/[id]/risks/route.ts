import { handle } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/api/errors";
import * as ops from "@/lib/api/contracts/register-risks";
import { getItemAnalysis } from "@/db/queries/register-risks";

export const GET = handle(ops.getRegisterItemRisks, async ({ params }) => (await getItemAnalysis(params.id)) ?? Promise.reject(new NotFoundError()));
