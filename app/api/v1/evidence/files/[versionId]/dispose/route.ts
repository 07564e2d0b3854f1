import { disposeEvidenceVersion as disposeOp } from "@/lib/api/contracts/evidence";
import { handle } from "@/lib/api/handler";
import { disposeEvidenceVersion } from "@/db/queries/evidence";

export const POST = handle(disposeOp, async ({ user, params, body }) => disposeEvidenceVersion(user, params.versionId, body));
