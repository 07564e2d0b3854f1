import { handlePublic } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/requests";
import { createPublicRequest } from "@/db/queries/requests";
import { requestClientAddress } from "@/lib/security/client-address";

export const POST = handlePublic(ops.submitPublicRequest, async ({ req, body }) => createPublicRequest(body, requestClientAddress(req.headers)));
