import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/register";
import { NotFoundError } from "@/lib/api/errors";
import { getItemDetail, updateItem } from "@/db/queries/register";

export const GET = handle(ops.getRegisterItem, async ({ params }) => {
  const detail = await getItemDetail(params.id);
  if (!detail) throw new NotFoundError();
  return detail;
});
export const PATCH = handle(ops.updateRegisterItem, async ({ user, params, body }) => updateItem(user, params.id, body));
