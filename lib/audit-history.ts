import { z } from "zod";

/**
 * One entry of a record's history as its detail page shows it (db/queries/audit.ts auditHistory):
 * when, what action, by whom, the before → after of the fields a user cares about (lib/audit-changes.ts),
 * each value optionally labelled (an id shown as its code and title), and the reason given, if any.
 * The detail responses of courses, training records and sessions carry a list of them.
 */
export const historyChangeSchema = z.object({
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  beforeLabel: z.string().optional(),
  afterLabel: z.string().optional(),
});
export const historyEntrySchema = z.object({
  id: z.number(),
  occurredAt: z.string(),
  action: z.string(),
  actorEmail: z.string().nullable(),
  actorName: z.string().nullable(),
  changes: z.array(historyChangeSchema),
  reason: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
