import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/requests";
import { getRequestSettings, updateRequestSettings } from "@/db/queries/requests";

export const GET = handle(ops.getRequestSettings, async () => getRequestSettings());
export const PUT = handle(ops.updateRequestSettings, async ({ user, body }) => updateRequestSettings(user, body));
