import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { buildIcs } from "./feed";
import type { CalendarEvent } from "./events";

/**
 * The feed read back by ical.js, a parser independent of ical-generator that writes it: DTSTAMP is a
 * UTC time in the `Z` form (RFC 5545 §3.8.7.2), the events are dates, and no property names a time
 * zone the feed does not define.
 */

const event = (over: Partial<CalendarEvent> = {}): CalendarEvent & { summary: string } => ({
  uid: "audit-1",
  type: "audit",
  kind: "audit.planned",
  start: "2026-12-31",
  end: "2027-01-01",
  values: {},
  href: "/audits/1",
  state: "planned",
  summary: "監査（予定）",
  ...over,
});

// 00:30 on 1 January in Tokyo is still 31 December in UTC: a stamp written in local digits would differ.
const stamp = new Date("2026-12-31T15:30:45Z");

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return { cal, events: cal.getAllSubcomponents("vevent") };
}

describe("buildIcs read by ical.js", () => {
  const text = buildIcs({ name: "PMS", origin: "https://pms.example", events: [event(), event({ uid: "pmark-1-expiry", start: "2028-02-29", end: "2028-02-29" })], stamp });
  const { cal, events } = parse(text);

  it("writes DTSTAMP in UTC with the Z form, and ical.js reads it as UTC", () => {
    expect(text).toMatch(/^DTSTAMP:20261231T153045Z\r?$/m);
    for (const v of events) {
      const dtstamp = v.getFirstPropertyValue("dtstamp") as ICAL.Time;
      expect(dtstamp.zone).toBe(ICAL.Timezone.utcTimezone);
      expect(dtstamp.toJSDate().toISOString()).toBe("2026-12-31T15:30:45.000Z");
    }
  });

  it("writes the events as dates (VALUE=DATE), DTEND the day after the last day", () => {
    const [a, b] = events.map((v) => new ICAL.Event(v));
    expect([a.startDate.isDate, a.startDate.toString(), a.endDate.toString()]).toEqual([true, "2026-12-31", "2027-01-02"]);
    expect([b.startDate.isDate, b.startDate.toString(), b.endDate.toString()]).toEqual([true, "2028-02-29", "2028-03-01"]);
    expect(text).toMatch(/^DTSTART;VALUE=DATE:20261231\r?$/m);
  });

  it("names no time zone it does not define", () => {
    expect(cal.getAllSubcomponents("vtimezone")).toHaveLength(0);
    expect(text).not.toMatch(/TZID/);
    expect(text).not.toMatch(/^(TIMEZONE-ID|X-WR-TIMEZONE|X-LIC-LOCATION)[:;]/m);
  });
});
