import { z } from "zod";
import type { FieldError } from "@/lib/api/errors";
import { compareDates, isDateString } from "@/lib/dates";
import { fiscalYearRange } from "@/lib/fiscal-year";
import { isoDate, optionalText, requiredText, version } from "@/lib/validation/common";
import { numberOrNull, refId, wholeNumber } from "@/lib/validation/numbers";
import { historyEntrySchema } from "@/lib/audit-history";
import { pageSchema } from "@/lib/list/page";
import { sessionFields } from "./session-fields";
import { employeePickOptionSchema, employeePickQuery } from "./employees-schema";

/**
 * Training records 受講記録 (docs/domain.md §1): input schemas shared by the forms and the API, the
 * list filters (which live in the page URL), the response shapes, and the pure rules the server
 * applies before storing a record.
 */

/** As db/schema/training.ts (a unit test keeps them equal). */
export const TRAINING_METHOD_VALUES = ["e_learning", "classroom", "video"] as const;
export type TrainingMethodValue = (typeof TRAINING_METHOD_VALUES)[number];
export const RECORD_SOURCE_VALUES = ["manual", "bulk", "import"] as const;
export type RecordSourceValue = (typeof RECORD_SOURCE_VALUES)[number];

/** One session recorded at once: more than this is an import, not a form. */
export const MAX_BULK_ENTRIES = 1000;

const score = z.preprocess(numberOrNull, wholeNumber(0, 100).nullable().default(null));
const method = z.enum(TRAINING_METHOD_VALUES, { error: "validation.invalidOption" });

const recordFields = {
  employeeId: refId,
  courseId: refId,
  /** A Tokyo calendar date, not in the future (checked against today on the server: recordRuleErrors). */
  completedOn: isoDate,
  /** Comprehension test score 0–100; required when the course has a pass mark. */
  score,
  method,
  /** Where the evidence is: a file name, an LMS reference. */
  evidence: optionalText(500),
  note: optionalText(2000),
};

export const createRecordSchema = z.object(recordFields);
export type CreateRecordInput = z.output<typeof createRecordSchema>;

export const updateRecordSchema = z.object({ ...recordFields, version });
export type UpdateRecordInput = z.output<typeof updateRecordSchema>;

export const retireRecordSchema = z.object({ reason: requiredText(500), version });
export type RetireRecordInput = z.output<typeof retireRecordSchema>;

export const bulkRecordSchema = z
  .object({
    courseId: refId,
    completedOn: isoDate,
    method,
    evidence: optionalText(500),
    note: optionalText(2000),
    // The session's own fields (lib/training/session-fields.ts): the bulk entry writes the session too.
    ...sessionFields,
    entries: z
      .array(z.object({ employeeId: refId, score }), { error: "validation.invalidType" })
      .min(1, "records.errors.noEmployees")
      .max(MAX_BULK_ENTRIES, "validation.tooMany"),
  })
  .superRefine((v, ctx) => {
    if (!Array.isArray(v.entries)) return;
    const seen = new Set<number>();
    v.entries.forEach((e, i) => {
      if (seen.has(e.employeeId)) ctx.addIssue({ code: "custom", path: ["entries", i, "employeeId"], message: "records.errors.duplicateEmployee", input: e.employeeId });
      seen.add(e.employeeId);
    });
  });
export type BulkRecordInput = z.output<typeof bulkRecordSchema>;

export const recordIdParams = z.object({ id: refId });

// ---------------------------------------------------------------------------------------------
// List filters. They come from the URL (strings, maybe empty) and from the API query alike.

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const optionalRef = z.preprocess(emptyToUndefined, refId.optional());
const optionalDate = z.preprocess(emptyToUndefined, isoDate.optional());
const flag = z.preprocess(emptyToUndefined, z.enum(["true", "false"]).optional());

export const RECORD_SORTS = ["completedOn", "employee", "course", "score"] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];

export const recordFilterFields = {
  /** Employee number, name or kana (partial match). */
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100, "validation.tooLong").optional()),
  departmentId: optionalRef,
  courseId: optionalRef,
  employeeId: optionalRef,
  /** Fiscal year (named by the year it starts in); from/to narrow or replace it. */
  fy: z.preprocess(emptyToUndefined, z.coerce.number({ error: "validation.invalidType" }).int().min(1900, "validation.tooSmall").max(2999, "validation.tooBig").optional()),
  from: optionalDate,
  to: optionalDate,
  method: z.preprocess(emptyToUndefined, method.optional()),
  /** "true": passed; "false": failed. */
  passed: flag,
  source: z.preprocess(emptyToUndefined, z.enum(RECORD_SOURCE_VALUES, { error: "validation.invalidOption" }).optional()),
  /** "true": retired records too. */
  includeRetired: flag,
  sort: z.preprocess(emptyToUndefined, z.enum(RECORD_SORTS, { error: "validation.invalidOption" }).default("completedOn")),
  dir: z.preprocess(emptyToUndefined, z.enum(["asc", "desc"], { error: "validation.invalidOption" }).default("desc")),
};

function checkPeriod<T extends { from?: string; to?: string }>(v: T, ctx: z.RefinementCtx) {
  // Runs even when a field failed its own check: compare only real dates.
  if (isDateString(v.from) && isDateString(v.to) && compareDates(v.from, v.to) > 0) ctx.addIssue({ code: "custom", path: ["to"], message: "records.errors.periodOrder", input: v.to });
}

export const listRecordsQuery = z
  .object({
    ...recordFilterFields,
    page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(1)),
    pageSize: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(200, "validation.tooBig").default(50)),
  })
  .superRefine(checkPeriod);
export type ListRecordsQuery = z.output<typeof listRecordsQuery>;

export const exportRecordsQuery = z.object(recordFilterFields).superRefine(checkPeriod);
export type RecordFilters = z.output<typeof exportRecordsQuery>;

/** The period a filter asks for: the fiscal year, narrowed by from/to when given. Null ends are open. */
export function resolvePeriod(f: { fy?: number; from?: string; to?: string }, fyStartMonth: number): { from: string | null; to: string | null } {
  let from: string | null = f.from ?? null;
  let to: string | null = f.to ?? null;
  if (f.fy !== undefined) {
    const r = fiscalYearRange(f.fy, fyStartMonth);
    from = from && compareDates(from, r.start) > 0 ? from : r.start;
    to = to && compareDates(to, r.end) < 0 ? to : r.end;
  }
  return { from, to };
}

// ---------------------------------------------------------------------------------------------
// Rules applied before a record is stored (the server is the judge; the form shows the same).

/** Facts of the employee the record is for; undefined when no such employee exists. */
export type EmployeeEligibility = { hireDate: string; leaveDate: string | null; retiredAt: Date | string | null } | undefined;

/**
 * Why this employee cannot have a record on `date`, as a message ref, or null when they can:
 * they must exist, not be retired, and be employed that day (hired on or before it, not yet left).
 * Being outside the course's audience is fine: voluntary training is still training.
 */
export function employeeIneligibility(e: EmployeeEligibility, date: string): { messageKey: string; values?: Record<string, string> } | null {
  if (!e) return { messageKey: "records.errors.employeeNotFound" };
  if (e.retiredAt) return { messageKey: "records.errors.employeeRetired" };
  if (!isDateString(date)) return null;
  if (compareDates(date, e.hireDate) < 0) return { messageKey: "records.errors.beforeHire", values: { hireDate: e.hireDate.replaceAll("-", "/") } };
  if (e.leaveDate !== null && compareDates(date, e.leaveDate) > 0)
    return { messageKey: "records.errors.afterLeave", values: { leaveDate: e.leaveDate.replaceAll("-", "/") } };
  return null;
}

/**
 * Per-field errors of a record against its course and today (Tokyo): not in the future, and a
 * score when the course has a pass mark. `prefix` names the fields of one bulk entry.
 */
export function recordRuleErrors(
  r: { completedOn: string; score: number | null },
  course: { passMark: number | null },
  today: string,
  opts: { checkDate?: boolean; scoreField?: string } = {},
): FieldError[] {
  const errors: FieldError[] = [];
  if (opts.checkDate !== false && isDateString(r.completedOn) && compareDates(r.completedOn, today) > 0)
    errors.push({ field: "completedOn", code: "future", messageKey: "records.errors.futureDate" });
  if (course.passMark !== null && r.score === null)
    errors.push({ field: opts.scoreField ?? "score", code: "required", messageKey: "records.errors.scoreRequired", values: { passMark: course.passMark } });
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Audit history: the before → after of each change (lib/audit-changes.ts), for the record and course pages.

/** Fields of a training record shown in its history, in this order. */
export const RECORD_HISTORY_FIELDS = ["employeeId", "courseId", "completedOn", "score", "passed", "method", "evidence", "note", "retiredAt"] as const;

// ---------------------------------------------------------------------------------------------
// Response shapes.

export const recordSchema = z.object({
  id: z.number(),
  employeeId: z.number(),
  employeeNumber: z.string(),
  employeeName: z.string(),
  departmentId: z.number(),
  departmentName: z.string(),
  courseId: z.number(),
  courseCode: z.string(),
  courseTitle: z.string(),
  coursePassMark: z.number().nullable(),
  completedOn: z.string(),
  score: z.number().nullable(),
  passed: z.boolean(),
  method: z.enum(TRAINING_METHOD_VALUES),
  evidence: z.string().nullable(),
  note: z.string().nullable(),
  source: z.enum(RECORD_SOURCE_VALUES),
  importId: z.number().nullable(),
  recordedBy: z.number().nullable(),
  recordedByName: z.string().nullable(),
  retiredAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RecordDto = z.infer<typeof recordSchema>;

export const recordPageSchema = pageSchema(recordSchema);
export type RecordPage = z.infer<typeof recordPageSchema>;

export const recordDetailSchema = z.object({ record: recordSchema, history: z.array(historyEntrySchema) });
export type RecordDetail = z.infer<typeof recordDetailSchema>;

export const bulkResultSchema = z.object({
  /** The session the records were entered with; null when every participant was skipped. */
  sessionId: z.number().nullable(),
  created: z.number(),
  createdIds: z.array(z.number()),
  skipped: z.array(z.object({ employeeId: z.number(), employeeNumber: z.string(), name: z.string(), recordId: z.number() })),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;

// ---------------------------------------------------------------------------------------------
// Employee picker for the forms.

export const employeeOptionsQuery = employeePickQuery.extend({
  /** With a course (and date): marks who already has a record of it that day, and who is in its audience. */
  courseId: optionalRef,
});
export type EmployeeOptionsQuery = z.output<typeof employeeOptionsQuery>;

export const employeeOptionSchema = employeePickOptionSchema.extend({
  /** The course applies to them (only with courseId). */
  inAudience: z.boolean().nullable(),
  /** Id of their live record of the course that day (only with courseId and date). */
  recordedId: z.number().nullable(),
});
export type EmployeeOption = z.infer<typeof employeeOptionSchema>;
export const employeeOptionsSchema = z.object({ items: z.array(employeeOptionSchema), truncated: z.boolean() });
