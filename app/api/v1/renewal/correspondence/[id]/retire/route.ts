import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/renewal-readiness";
import { retireClauseLink } from "@/db/queries/renewal-correspondence";

export const POST = handle(ops.retireClauseLink, async ({ user, params, body }) => retireClauseLink(user, params.id, body.version));
