import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/contractors";
import { changeContractorStatus } from "@/db/queries/contractors";

export const POST = handle(ops.changeContractorStatus, async ({ user, params, body }) => changeContractorStatus(user, params.id, body));
