import { z } from "zod";
import { optionalText, version } from "@/lib/validation/common";
import { refId } from "@/lib/validation/numbers";
import { pageSchema } from "@/lib/list/page";
import { historyEntrySchema } from "@/lib/audit-history";
import { TRAINING_METHOD_VALUES } from "./records-schema";
import { sessionFields } from "./session-fields";

/**
 * Training sessions 研修実施記録 (docs/domain.md, "Training sessions"): one course held on one day
 * for many people. The bulk entry writes one with the records of its attendees; the session carries
 * what belongs to the event rather than to each person — its title, format, place, instructor and
 * its own evidence (the attendance sheet, the material handed out).
 */

export const updateSessionSchema = z.object({ ...sessionFields, note: optionalText(2000), version });
export type UpdateSessionInput = z.output<typeof updateSessionSchema>;

export const sessionIdParams = z.object({ id: refId });

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const SESSION_SORTS = ["heldOn", "course", "attendees"] as const;

const sessionFilterFields = {
  /** Title, place or instructor (partial match). */
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100, "validation.tooLong").optional()),
  courseId: z.preprocess(emptyToUndefined, refId.optional()),
  /** Fiscal year (named by the year it starts in, by the start-month setting). */
  fy: z.preprocess(emptyToUndefined, z.coerce.number({ error: "validation.invalidType" }).int().min(1900, "validation.tooSmall").max(2999, "validation.tooBig").optional()),
  sort: z.preprocess(emptyToUndefined, z.enum(SESSION_SORTS, { error: "validation.invalidOption" }).default("heldOn")),
  dir: z.preprocess(emptyToUndefined, z.enum(["asc", "desc"], { error: "validation.invalidOption" }).default("desc")),
};

export const listSessionsQuery = z.object({
  ...sessionFilterFields,
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(1)),
  pageSize: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(200, "validation.tooBig").default(50)),
});
export type ListSessionsQuery = z.output<typeof listSessionsQuery>;

/** The export's filters: the list's, without paging. */
export const exportSessionsQuery = z.object(sessionFilterFields);
export type SessionFilters = z.output<typeof exportSessionsQuery>;

export const sessionSchema = z.object({
  id: z.number(),
  courseId: z.number(),
  courseCode: z.string(),
  courseTitle: z.string(),
  heldOn: z.string(),
  title: z.string().nullable(),
  method: z.enum(TRAINING_METHOD_VALUES),
  place: z.string().nullable(),
  instructor: z.string().nullable(),
  note: z.string().nullable(),
  /** Live records of the session (retired records are not counted). */
  attendeeCount: z.number(),
  createdBy: z.number().nullable(),
  createdByName: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SessionDto = z.infer<typeof sessionSchema>;

export const sessionPageSchema = pageSchema(sessionSchema);
export type SessionPage = z.infer<typeof sessionPageSchema>;

export const attendeeSchema = z.object({
  recordId: z.number(),
  employeeId: z.number(),
  employeeNumber: z.string(),
  employeeName: z.string(),
  departmentName: z.string(),
  score: z.number().nullable(),
  passed: z.boolean(),
  retired: z.boolean(),
});
export type AttendeeDto = z.infer<typeof attendeeSchema>;

/** The session, its attendees and its audit trail (newest first: its creation by the bulk entry, each correction). */
export const sessionDetailSchema = z.object({ session: sessionSchema, attendees: z.array(attendeeSchema), history: z.array(historyEntrySchema) });
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

/** The name a session is shown by: its own title, else the course's. */
export function sessionName(s: { title: string | null; courseTitle: string }): string {
  return s.title?.trim() ? s.title : s.courseTitle;
}
