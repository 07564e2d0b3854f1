import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/register";
import { NotFoundError } from "@/lib/api/errors";
import { itemHistory } from "@/db/queries/register";

export const GET = handle(ops.registerItemHistory, async ({ params }) => {
  const history = await itemHistory(params.id);
  if (!history) throw new NotFoundError();
  return history;
});
