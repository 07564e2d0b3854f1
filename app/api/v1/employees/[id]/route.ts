import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/employees";
import { getEmployee, updateEmployee } from "@/db/queries/employees";

export const GET = handle(ops.getEmployee, async ({ params }) => getEmployee(params.id));
export const PATCH = handle(ops.updateEmployee, async ({ user, params, body }) => updateEmployee(user, params.id, body));
