import { ANY_ROLE, type Role } from "@/lib/auth/roles";
import { REQUEST_READERS } from "@/lib/requests/roles";
import { CALENDAR_EVENT_TYPES, type CalendarEventType } from "./events";

/**
 * Who may see which events: the roles that may read the module the event comes from. Most modules
 * are read by every role; requests (and provision records) are not HR's, so neither are their
 * events. A module that narrows its readers narrows its calendar events here.
 */
export const CALENDAR_TYPE_READERS: Record<CalendarEventType, readonly Role[]> = {
  audit: ANY_ROLE,
  finding: ANY_ROLE,
  review_action: ANY_ROLE,
  pmark: ANY_ROLE,
  training: ANY_ROLE,
  regulation: ANY_ROLE,
  incident: ANY_ROLE,
  contractor: ANY_ROLE,
  // Evidence of every record kind is read by every role today; the per-kind readers (lib/evidence/kinds.ts) also filter the rows.
  evidence: ANY_ROLE,
  register: ANY_ROLE,
  // Requests and provision records are not HR's to read (docs/domain.md §7).
  request: REQUEST_READERS,
};

/** The types a role may see, among those asked for (all when none is asked for). */
export function visibleTypes(role: Role, asked?: readonly CalendarEventType[]): CalendarEventType[] {
  const wanted = asked?.length ? new Set(asked) : null;
  return CALENDAR_EVENT_TYPES.filter((t) => CALENDAR_TYPE_READERS[t].includes(role) && (!wanted || wanted.has(t)));
}
