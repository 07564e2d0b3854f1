import { z } from "zod";
import { LOCALES } from "@/lib/i18n/config";
import { daysBetween, isDateString } from "@/lib/dates";
import { isoDate } from "@/lib/validation/common";
import { CALENDAR_EVENT_STATES, CALENDAR_EVENT_TYPES, type CalendarEventType } from "./events";

/** The longest range one request may ask for: a fiscal year and a little more. */
export const MAX_RANGE_DAYS = 400;

const types = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.enum(CALENDAR_EVENT_TYPES, { error: "validation.invalidOption" })).max(20, "validation.tooMany") as unknown as z.ZodType<CalendarEventType[], string[]>)
  .optional();

/** GET /api/v1/calendar/events: a date range (default: this month's grid) and the types to show (default: all). */
export const calendarEventsQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    type: types,
  })
  .superRefine((q, ctx) => {
    // zod runs this even when a field failed: only judge real dates.
    if (q.from !== undefined && !isDateString(q.from)) return;
    if (q.to !== undefined && !isDateString(q.to)) return;
    if (q.from && q.to) {
      if (q.to < q.from) ctx.addIssue({ code: "custom", path: ["to"], message: "calendar.errors.rangeOrder" });
      else if (daysBetween(q.from, q.to) > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: "calendar.errors.rangeTooLong" });
    } else if (q.from || q.to) {
      ctx.addIssue({ code: "custom", path: [q.from ? "to" : "from"], message: "validation.required" });
    }
  });
export type CalendarEventsQuery = z.output<typeof calendarEventsQuery>;

export const calendarEventSchema = z.object({
  uid: z.string(),
  type: z.enum(CALENDAR_EVENT_TYPES),
  kind: z.string(),
  start: z.string(),
  end: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
  href: z.string(),
  state: z.enum(CALENDAR_EVENT_STATES),
  /** In the language of the request. */
  summary: z.string(),
});
export type CalendarEventDto = z.infer<typeof calendarEventSchema>;

export const calendarEventsResponse = z.object({
  from: z.string(),
  to: z.string(),
  today: z.string(),
  types: z.array(z.enum(CALENDAR_EVENT_TYPES)),
  items: z.array(calendarEventSchema),
});
export type CalendarEventsResponse = z.infer<typeof calendarEventsResponse>;

export const createFeedSchema = z.object({
  /** The language of the feed's summaries (default: the request's language). */
  locale: z.enum(LOCALES, { error: "validation.invalidOption" }).optional(),
});
export type CreateFeedInput = z.output<typeof createFeedSchema>;

export const revokeFeedSchema = z.object({}).strict();

export const feedStatusSchema = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  locale: z.enum(LOCALES).nullable(),
});
export type FeedStatus = z.infer<typeof feedStatusSchema>;

export const createdFeedSchema = feedStatusSchema.extend({
  /** Shown once: only its hash is stored. */
  token: z.string(),
  url: z.string(),
});
export type CreatedFeed = z.infer<typeof createdFeedSchema>;

/** The token in the feed URL: 43 base64url characters, optionally followed by ".ics". */
export const feedTokenParams = z.object({
  token: z
    .string()
    .max(200)
    .transform((s) => s.replace(/\.ics$/i, ""))
    .pipe(z.string().regex(/^[A-Za-z0-9_-]{43}$/, "validation.invalidFormat")),
});
