import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/employees";
import { setEmployeeRetired } from "@/db/queries/employees";

export const POST = handle(ops.retireEmployee, async ({ user, params, body }) => setEmployeeRetired(user, params.id, body.version, true));
