import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/employees";
import { getEmployeeHistory } from "@/db/queries/employees";

export const GET = handle(ops.employeeHistory, async ({ params }) => ({ items: await getEmployeeHistory(params.id) }));
