import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/pmark";
import { createCertificate, getCurrentCertificate } from "@/db/queries/pmark";

export const GET = handle(ops.getPmarkCertificate, async () => getCurrentCertificate());
export const POST = handle(ops.createPmarkCertificate, async ({ user, body }) => createCertificate(user, body));
