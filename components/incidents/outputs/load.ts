import "server-only";
import { notFound } from "next/navigation";
import { getIncidentDetail } from "@/db/queries/incidents";
import { getOrganization } from "@/db/queries/settings";
import { ADMINS } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { incidentIdParams } from "@/lib/incidents/schema";
import { regulatorContext } from "@/lib/incidents/regulator-outputs";

/**
 * What the three output pages read: any signed-in user, as the incident's own page (every role reads
 * incidents); only the privacy manager gets the "made on" forms, and the API refuses the others anyway.
 */
export async function loadOutputs(params: Promise<{ id: string }>) {
  const user = await requirePageUser();
  const parsed = incidentIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  const [detail, organization] = await Promise.all([getIncidentDetail(parsed.data.id), getOrganization()]);
  if (!detail) notFound();
  return {
    detail,
    incident: detail.incident,
    context: regulatorContext(detail, organization),
    organizationMissing: !organization.name.trim(),
    canManage: ADMINS.includes(user.role),
  };
}
