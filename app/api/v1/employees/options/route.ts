import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/employees";
import { listEmployeePickOptions } from "@/db/queries/employees";

export const GET = handle(ops.listEmployeePickOptions, async ({ query }) => listEmployeePickOptions(query));
