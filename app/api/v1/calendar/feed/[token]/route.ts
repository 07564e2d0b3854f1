import { feedOwner, listCalendarEvents } from "@/db/queries/calendar";
import { errorResponse } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/api/errors";
import { feedTokenParams } from "@/lib/calendar/schema";
import { buildIcs } from "@/lib/calendar/feed";
import { publicOrigin, withSummaries } from "@/lib/calendar/present";
import { addMonths, todayInTokyo } from "@/lib/dates";
import { translateKey } from "@/lib/i18n/messages";

export const dynamic = "force-dynamic";

/**
 * The public iCalendar feed: no session, the secret token in the URL is the credential (so a
 * calendar server can fetch it). Unknown, malformed and revoked tokens all answer 404, alike.
 * The events are the owner's calendar as their role sees it, three months back to a year ahead.
 */
export async function GET(req: Request, ctx: { params: Promise<Record<string, string | string[]>> }): Promise<Response> {
  let locale: "ja" | "en" = "ja";
  try {
    const parsed = feedTokenParams.safeParse(await ctx.params);
    if (!parsed.success) throw new NotFoundError();
    const owner = await feedOwner(parsed.data.token);
    locale = owner.locale;
    const today = todayInTokyo();
    const { items } = await listCalendarEvents(owner.user, { from: addMonths(today, -3), to: addMonths(today, 12) }, undefined, today);
    const body = buildIcs({
      name: translateKey(locale, "calendar.feed.name"),
      origin: publicOrigin(req),
      events: withSummaries(items, locale),
    });
    return new Response(body, {
      status: 200,
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": 'inline; filename="pms-calendar.ics"',
        "cache-control": "private, no-store",
      },
    });
  } catch (err) {
    return errorResponse(err, locale, "/api/v1/calendar/feed");
  }
}
