import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/renewal-readiness";
import { getRenewalReadiness } from "@/db/queries/renewal-readiness";

export const GET = handle(ops.getRenewalReadiness, async () => getRenewalReadiness());
