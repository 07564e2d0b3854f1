import { handle } from "@/lib/api/handler";
import { getOrganization as getOrganizationOp, updateOrganization as updateOrganizationOp } from "@/lib/api/contracts/settings";
import { getOrganization, updateOrganization } from "@/db/queries/settings";

export const GET = handle(getOrganizationOp, async () => getOrganization());

export const PUT = handle(updateOrganizationOp, async ({ user, body }) => updateOrganization(user, body));
