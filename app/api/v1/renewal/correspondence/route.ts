import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/renewal-readiness";
import { createClauseLink, getCorrespondence } from "@/db/queries/renewal-correspondence";

export const GET = handle(ops.getRenewalCorrespondence, async () => getCorrespondence());
export const POST = handle(ops.createClauseLink, async ({ user, body }) => createClauseLink(user, body));
