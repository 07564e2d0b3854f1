import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/renewal-readiness";
import { updateClauseLink } from "@/db/queries/renewal-correspondence";

export const PATCH = handle(ops.updateClauseLink, async ({ user, params, body }) => updateClauseLink(user, params.id, body));
