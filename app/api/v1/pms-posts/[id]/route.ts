import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/pms-posts";
import { updatePost } from "@/db/queries/pms-structure";

export const PATCH = handle(ops.updatePmsPost, async ({ user, params, body }) => updatePost(user, params.id, body));
