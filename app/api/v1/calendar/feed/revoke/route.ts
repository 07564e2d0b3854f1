import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/calendar";
import { revokeFeed } from "@/db/queries/calendar";

export const dynamic = "force-dynamic";

export const POST = handle(ops.revokeCalendarFeed, async ({ user }) => revokeFeed(user));
