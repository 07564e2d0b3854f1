import { handle } from "@/lib/api/handler";
import { runNotificationScan as op } from "@/lib/api/contracts/notifications";
import { scanDeadlines } from "@/db/queries/notifications";
import { requestOutboxRun } from "@/db/jobs";

export const POST = handle(op, async ({ body }) => {
  const result = await scanDeadlines({ daily: body.daily === true });
  if (result.queued) await requestOutboxRun();
  return result;
});
