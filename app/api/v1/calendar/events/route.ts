import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/calendar";
import { listCalendarEvents } from "@/db/queries/calendar";
import { monthGridRange, monthOf } from "@/lib/calendar/grid";
import { withSummaries } from "@/lib/calendar/present";
import { todayInTokyo } from "@/lib/dates";

export const dynamic = "force-dynamic";

export const GET = handle(ops.listCalendarEvents, async ({ user, query, locale }) => {
  const today = todayInTokyo();
  const grid = monthGridRange(monthOf(today));
  const from = query.from ?? grid.start;
  const to = query.to ?? grid.end;
  const { types, items } = await listCalendarEvents(user, { from, to }, query.type, today);
  return { from, to, today, types, items: withSummaries(items, locale) };
});
