import { z } from "zod";
import { formatDate } from "@/lib/dates";
import { isoDate, optionalText, paging, requiredText, version } from "@/lib/validation/common";
import { historyEntrySchema } from "@/lib/audit-history";
import { numberOrNull, refId, wholeNumber } from "@/lib/validation/numbers";
import { EMPLOYMENT_TYPES as EMPLOYMENT_TYPE_VALUES, type EmploymentType as EmploymentTypeValue } from "./employees-schema";

/**
 * Courses 教育プログラム (docs/domain.md §1): input schemas shared by the course form and the API, the
 * response shape, and the rule summary shown in words on the course page.
 */

export { EMPLOYMENT_TYPE_VALUES, type EmploymentTypeValue };

export const DEFAULT_RECURRENCE_MONTHS = 12;
export const DEFAULT_NEW_HIRE_DUE_DAYS = 30;
export const MAX_RECURRENCE_MONTHS = 120;
export const MAX_NEW_HIRE_DUE_DAYS = 3650;

const courseFields = {
  code: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(40, "validation.tooLong")
    .regex(/^\S+$/, "courses.errors.codeFormat"),
  title: requiredText(200),
  description: optionalText(4000),
  /** true: every worker; false: only the departments and/or employment types listed. */
  audienceAll: z.boolean({ error: "validation.required" }).default(true),
  audienceDepartmentIds: z
    .array(z.number({ error: "validation.invalidType" }).int().positive("validation.invalidType"), { error: "validation.invalidType" })
    .max(200, "validation.tooMany")
    .default([]),
  audienceEmploymentTypes: z
    .array(z.enum(EMPLOYMENT_TYPE_VALUES, { error: "validation.invalidOption" }), { error: "validation.invalidType" })
    .max(EMPLOYMENT_TYPE_VALUES.length, "validation.tooMany")
    .default([]),
  /** null: once only; N: a passing record is valid N months. Missing: the default, every 12 months. */
  recurrenceMonths: z.preprocess(numberOrNull, wholeNumber(1, MAX_RECURRENCE_MONTHS).nullable().default(DEFAULT_RECURRENCE_MONTHS)),
  /** New staff (and everyone when the course starts) complete it within this many days. */
  newHireDueDays: z.preprocess(numberOrNull, wholeNumber(0, MAX_NEW_HIRE_DUE_DAYS).default(DEFAULT_NEW_HIRE_DUE_DAYS)),
  /** Comprehension test pass mark 0–100; null: attendance is enough. */
  passMark: z.preprocess(numberOrNull, wholeNumber(0, 100).nullable().default(null)),
  requiredFrom: isoDate,
};

type CourseShape = z.infer<z.ZodObject<typeof courseFields>>;

/** Audience "chosen" needs at least one department or employment type; "all" clears the lists. */
function normalizeAudience<T extends CourseShape>(v: T, ctx: z.RefinementCtx): T {
  if (v.audienceAll) return { ...v, audienceDepartmentIds: [], audienceEmploymentTypes: [] };
  if (v.audienceDepartmentIds.length === 0 && v.audienceEmploymentTypes.length === 0) {
    ctx.addIssue({ code: "custom", path: ["audience"], message: "courses.errors.audienceRequired", input: v });
    return z.NEVER;
  }
  return {
    ...v,
    audienceDepartmentIds: [...new Set(v.audienceDepartmentIds)].sort((a, b) => a - b),
    audienceEmploymentTypes: EMPLOYMENT_TYPE_VALUES.filter((t) => v.audienceEmploymentTypes.includes(t)),
  };
}

export const createCourseSchema = z.object(courseFields).transform(normalizeAudience);
export type CreateCourseInput = z.output<typeof createCourseSchema>;

export const updateCourseSchema = z.object({ ...courseFields, version }).transform(normalizeAudience);
export type UpdateCourseInput = z.output<typeof updateCourseSchema>;

export const courseIdParams = z.object({ id: refId });

const flag = z.preprocess((v) => (v === "" ? undefined : v), z.enum(["true", "false"]).optional());

export const COURSE_SORTS = ["code", "title", "requiredFrom", "recurrenceMonths"] as const;

export const listCoursesQuery = z.object({
  ...paging,
  q: z.string().trim().max(100).optional(),
  /** "true": retired courses too. */
  includeRetired: flag,
  sort: z.enum(COURSE_SORTS).default("code"),
  dir: z.enum(["asc", "desc"]).default("asc"),
});
export type ListCoursesQuery = z.infer<typeof listCoursesQuery>;

export const exportCoursesQuery = listCoursesQuery.omit({ page: true, pageSize: true });
export type ExportCoursesQuery = z.infer<typeof exportCoursesQuery>;

export const courseSchema = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  audienceAll: z.boolean(),
  audienceDepartmentIds: z.array(z.number()),
  audienceEmploymentTypes: z.array(z.string()),
  recurrenceMonths: z.number().nullable(),
  newHireDueDays: z.number(),
  passMark: z.number().nullable(),
  requiredFrom: z.string(),
  retiredAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Live training records of the course. */
  recordCount: z.number(),
});
export type CourseDto = z.infer<typeof courseSchema>;

export const courseDetailSchema = z.object({ course: courseSchema, history: z.array(historyEntrySchema) });

/** A sentence of the UI: a message key with its values, translated where it is shown. */
export type MessageRef = { key: string; values?: Record<string, string | number> };

type RuleFacts = Pick<CourseDto, "recurrenceMonths" | "newHireDueDays" | "passMark" | "requiredFrom">;

/** The course's rules in words: 「12か月ごとに受講」「入社後30日以内」「合格点 80点」「2024/04/01 から必須」. */
export function courseRuleSummary(c: RuleFacts): MessageRef[] {
  return [
    c.recurrenceMonths === null
      ? { key: "courses.rules.once" }
      : c.recurrenceMonths % 12 === 0 && c.recurrenceMonths > 12
        ? { key: "courses.rules.everyYears", values: { years: c.recurrenceMonths / 12 } }
        : { key: "courses.rules.everyMonths", values: { months: c.recurrenceMonths } },
    c.newHireDueDays === 0 ? { key: "courses.rules.dueOnHire" } : { key: "courses.rules.newHireDue", values: { days: c.newHireDueDays } },
    c.passMark === null ? { key: "courses.rules.attendanceOnly" } : { key: "courses.rules.passMark", values: { mark: c.passMark } },
    { key: "courses.rules.requiredFrom", values: { date: formatDate(c.requiredFrom) } },
  ];
}

/**
 * Who must take it: everyone, or the names of the chosen departments and the chosen employment
 * types (in the fixed order of EMPLOYMENT_TYPE_VALUES). Unknown department ids are shown as "#id".
 */
export function audienceParts(
  c: Pick<CourseDto, "audienceAll" | "audienceDepartmentIds" | "audienceEmploymentTypes">,
  departmentName: (id: number) => string | undefined,
): { all: true } | { all: false; departments: string[]; employmentTypes: EmploymentTypeValue[] } {
  if (c.audienceAll) return { all: true };
  return {
    all: false,
    departments: c.audienceDepartmentIds.map((id) => departmentName(id) ?? `#${id}`),
    employmentTypes: EMPLOYMENT_TYPE_VALUES.filter((t) => c.audienceEmploymentTypes.includes(t)),
  };
}
