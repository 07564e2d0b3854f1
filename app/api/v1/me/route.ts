import { handle } from "@/lib/api/handler";
import { getMe } from "@/lib/api/contracts/system";

export const GET = handle(getMe, async ({ user }) => user);
