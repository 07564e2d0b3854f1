import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/departments";
import { getDepartment, updateDepartment } from "@/db/queries/departments";

export const GET = handle(ops.getDepartment, async ({ params }) => getDepartment(params.id));
export const PATCH = handle(ops.updateDepartment, async ({ user, params, body }) => updateDepartment(user, params.id, body));
