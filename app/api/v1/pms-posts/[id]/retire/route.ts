import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/pms-posts";
import { setPostRetired } from "@/db/queries/pms-structure";

export const POST = handle(ops.retirePmsPost, async ({ user, params, body }) => setPostRetired(user, params.id, true, body.version));
