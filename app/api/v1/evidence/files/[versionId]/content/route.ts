import { getEvidenceContent } from "@/lib/api/contracts/evidence";
import { handle } from "@/lib/api/handler";
import { openEvidenceContent } from "@/db/queries/evidence";

export const GET = handle(getEvidenceContent, async ({ user, params, query }) => openEvidenceContent(user, params.versionId, query.disposition));
