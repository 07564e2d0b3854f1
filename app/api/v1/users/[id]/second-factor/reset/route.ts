import { handle } from "@/lib/api/handler";
import { resetUserSecondFactor } from "@/lib/api/contracts/second-factor";
import { resetSecondFactor } from "@/db/queries/second-factor";

export const POST = handle(resetUserSecondFactor, async ({ user, params }) => resetSecondFactor(user, params.id));
