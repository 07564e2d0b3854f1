import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/employees";
import { createEmployee, listEmployees } from "@/db/queries/employees";

export const GET = handle(ops.listEmployees, async ({ query }) => listEmployees(query));
export const POST = handle(ops.createEmployee, async ({ user, body }) => createEmployee(user, body));
