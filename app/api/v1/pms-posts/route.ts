import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/pms-posts";
import { createPost, listPosts } from "@/db/queries/pms-structure";

export const GET = handle(ops.listPmsPosts, async ({ query }) => listPosts({ asOf: query.asOf, includeRetired: query.includeRetired === "true", vacant: query.vacant === "true" }));
export const POST = handle(ops.createPmsPost, async ({ user, body }) => createPost(user, body));
