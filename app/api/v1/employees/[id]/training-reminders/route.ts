import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/training-reminders";
import { listEmployeeReminders } from "@/db/queries/training-reminders";
import { getEmployee } from "@/db/queries/employees";

export const GET = handle(ops.listEmployeeTrainingReminders, async ({ params }) => {
  await getEmployee(params.id); // 404 for an unknown employee
  return listEmployeeReminders(params.id);
});
