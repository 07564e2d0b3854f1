import { ANY_ROLE } from "@/lib/auth/roles";
import {
  calendarEventsQuery,
  calendarEventsResponse,
  createdFeedSchema,
  createFeedSchema,
  feedStatusSchema,
  feedTokenParams,
  revokeFeedSchema,
} from "@/lib/calendar/schema";
import { defineOperation } from "../operation";

export const listCalendarEvents = defineOperation({
  id: "listCalendarEvents",
  method: "get",
  path: "/api/v1/calendar/events",
  roles: ANY_ROLE,
  tag: "calendar",
  summary: "Calendar: audits and the due dates of every module, for a date range",
  description:
    "from/to (inclusive, at most 400 days; default: this month's grid). type filters by event type (repeat or comma-separate): " +
    "audit, finding, review_action, pmark, training, regulation, incident, contractor. Only the types the caller's role may read are returned. " +
    "Training deadlines are one event per course and day, with the number of employees.",
  query: calendarEventsQuery,
  response: calendarEventsResponse,
});

export const getCalendarFeed = defineOperation({
  id: "getCalendarFeed",
  method: "get",
  path: "/api/v1/calendar/feed",
  roles: ANY_ROLE,
  tag: "calendar",
  summary: "Whether the caller has a live iCalendar feed URL (the URL itself is shown only once, when created)",
  response: feedStatusSchema,
});

export const createCalendarFeed = defineOperation({
  id: "createCalendarFeed",
  method: "post",
  path: "/api/v1/calendar/feed",
  roles: ANY_ROLE,
  tag: "calendar",
  summary: "Create a secret iCalendar feed URL for the caller (replaces and revokes any older one)",
  description: "The token and URL are in this response only: the server keeps a hash. locale: the language of the event summaries (default: the request's).",
  body: createFeedSchema,
  example: { locale: "ja" },
  successStatus: 201,
  response: createdFeedSchema,
});

export const revokeCalendarFeed = defineOperation({
  id: "revokeCalendarFeed",
  method: "post",
  path: "/api/v1/calendar/feed/revoke",
  roles: ANY_ROLE,
  tag: "calendar",
  summary: "Revoke the caller's iCalendar feed URL (it answers 404 from now on)",
  body: revokeFeedSchema,
  example: {},
  response: feedStatusSchema,
});

export const getCalendarIcs = defineOperation({
  id: "getCalendarIcs",
  method: "get",
  path: "/api/v1/calendar/feed/{token}",
  roles: ANY_ROLE,
  public: true,
  tag: "calendar",
  summary: "The iCalendar feed (text/calendar) of the token's owner, for Google Calendar or Outlook to subscribe to",
  description:
    "Public: authenticated by the secret token in the URL (…/feed/<token>.ics), not by a session. An unknown or revoked token answers 404. " +
    "All-day events from three months back to a year ahead, with stable UIDs, in the owner's chosen language.",
  params: feedTokenParams,
  produces: "text/calendar",
});
