import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/departments";
import { createDepartment, listDepartments } from "@/db/queries/departments";

export const GET = handle(ops.listDepartments, async ({ query }) => listDepartments(query));
export const POST = handle(ops.createDepartment, async ({ user, body }) => createDepartment(user, body));
