import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/calendar";
import { createFeed, getFeedStatus } from "@/db/queries/calendar";
import { feedUrl, publicOrigin } from "@/lib/calendar/present";

export const dynamic = "force-dynamic";

export const GET = handle(ops.getCalendarFeed, async ({ user }) => getFeedStatus(user.id));

export const POST = handle(ops.createCalendarFeed, async ({ req, user, body, locale }) => {
  const created = await createFeed(user, body.locale ?? locale);
  const res = Response.json({ ...created, url: feedUrl(publicOrigin(req), created.token) }, { status: 201 });
  // The secret is in this answer only: no cache may keep it.
  res.headers.set("cache-control", "no-store");
  return res;
});
