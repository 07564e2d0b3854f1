import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/departments";
import { setDepartmentRetired } from "@/db/queries/departments";

export const POST = handle(ops.restoreDepartment, async ({ user, params, body }) => setDepartmentRetired(user, params.id, body.version, false));
