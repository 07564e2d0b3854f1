import { recordEvidenceOperations } from "@/lib/api/contracts/evidence";
import { handle } from "@/lib/api/handler";
import { listEvidence, uploadEvidence } from "@/db/queries/evidence";
import type { EvidenceRecordKind } from "@/lib/evidence/kinds";

/** The two handlers of /api/v1/evidence/<kind>/{recordId}: one route.ts per record kind binds them. */
export function recordEvidenceRoute(kind: EvidenceRecordKind) {
  const ops = recordEvidenceOperations[kind];
  return {
    GET: handle(ops.list, async ({ user, params }) => listEvidence(user, kind, params.recordId)),
    POST: handle(ops.upload, async ({ user, params, query, req, stream }) => uploadEvidence(user, kind, params.recordId, query, req, stream!)),
  };
}
