import { getEvidenceSettings as getOp, updateEvidenceSettings as updateOp } from "@/lib/api/contracts/evidence";
import { handle } from "@/lib/api/handler";
import { getEvidenceSettings, updateEvidenceSettings } from "@/db/queries/settings";
import { uploadLimit } from "@/lib/security/body";

export const GET = handle(getOp, async () => {
  const s = await getEvidenceSettings();
  return { ...s, effectiveMaxBytes: uploadLimit(s.maxBytes), serverMaxBytes: uploadLimit() };
});

export const PUT = handle(updateOp, async ({ user, body }) => {
  const s = await updateEvidenceSettings(user, body);
  return { ...s, effectiveMaxBytes: uploadLimit(s.maxBytes), serverMaxBytes: uploadLimit() };
});
