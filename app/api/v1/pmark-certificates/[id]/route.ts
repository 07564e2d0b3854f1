import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/pmark";
import { updateCertificate } from "@/db/queries/pmark";

export const PATCH = handle(ops.updatePmarkCertificate, async ({ user, params, body }) => updateCertificate(user, params.id, body));
