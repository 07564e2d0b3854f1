import { createHash, randomBytes } from "node:crypto";
import ical from "ical-generator";
import { addDays } from "@/lib/dates";
import type { CalendarEvent } from "./events";

/**
 * The iCalendar feed of a user's calendar, built with ical-generator: all-day events on Tokyo
 * dates (DTEND is the day after the last day, as RFC 5545 has it for dates), UIDs stable per record
 * and obligation so that a subscribed client updates an event instead of adding a duplicate, and a
 * URL back to the record.
 *
 * No calendar time zone: every event is a date (VALUE=DATE, no zone needed), and DTSTAMP is a UTC
 * time in RFC 5545's `Z` form. Given a time zone, ical-generator writes DTSTAMP as bare UTC digits
 * (which clients read as floating local time) and names a zone (TIMEZONE-ID, X-WR-TIMEZONE) that
 * the feed defines in no VTIMEZONE.
 */

/** 32 random bytes, base64url: 43 characters. */
export function newFeedToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this is stored: a leaked table does not leak the feed URLs. */
export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export const UID_DOMAIN = "pms-dashboard";

export function feedUid(e: Pick<CalendarEvent, "uid">): string {
  return `${e.uid}@${UID_DOMAIN}`;
}

function tokyoNoon(date: string): Date {
  return new Date(`${date}T12:00:00+09:00`);
}

export function buildIcs(args: {
  name: string;
  origin: string;
  events: (CalendarEvent & { summary: string; description?: string })[];
  /** DTSTAMP; defaults to now. */
  stamp?: Date;
}): string {
  const cal = ical({
    name: args.name,
    prodId: { company: "pms-dashboard", product: "calendar", language: "JA" },
    ttl: 60 * 60,
  });
  for (const e of args.events) {
    cal.createEvent({
      id: feedUid(e),
      // Noon in Tokyo: the same calendar day whichever zone the library formats the date in.
      start: tokyoNoon(e.start),
      // Exclusive end for all-day events.
      end: tokyoNoon(addDays(e.end, 1)),
      allDay: true,
      summary: e.summary,
      description: e.description,
      url: new URL(e.href, args.origin).toString(),
      stamp: args.stamp ?? new Date(),
    });
  }
  return cal.toString();
}
