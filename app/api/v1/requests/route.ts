import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/requests";
import { createRequest, listRequests } from "@/db/queries/requests";

export const GET = handle(ops.listRequests, async ({ query }) => listRequests(query));
export const POST = handle(ops.createRequest, async ({ user, body }) => createRequest(user, body));
