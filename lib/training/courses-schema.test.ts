import { describe, expect, it } from "vitest";
import { employmentTypeEnum } from "@/db/schema/training";
import { issuesToFieldErrors } from "@/lib/validation/issues";
import {
  EMPLOYMENT_TYPE_VALUES,
  audienceParts,
  courseRuleSummary,
  createCourseSchema,
  listCoursesQuery,
  updateCourseSchema,
} from "./courses-schema";

const base = { code: "PI-BASIC", title: "個人情報保護基礎研修", requiredFrom: "2026-04-01" };
const fieldsOf = (input: unknown, schema: typeof createCourseSchema | typeof updateCourseSchema = createCourseSchema) => {
  const r = schema.safeParse(input);
  return r.success ? [] : issuesToFieldErrors(r.error.issues).map((e) => `${e.field}:${e.messageKey}`);
};

describe("course input", () => {
  it("keeps employment types in line with the database enum", () => {
    expect([...EMPLOYMENT_TYPE_VALUES]).toEqual(employmentTypeEnum.enumValues);
  });

  it("fills the defaults: everyone, every 12 months, 30 days for new staff, no pass mark", () => {
    const r = createCourseSchema.parse(base);
    expect(r).toMatchObject({
      audienceAll: true,
      audienceDepartmentIds: [],
      audienceEmploymentTypes: [],
      recurrenceMonths: 12,
      newHireDueDays: 30,
      passMark: null,
      description: null,
    });
  });

  it("reads numbers from form strings; empty means none, not 0", () => {
    const r = createCourseSchema.parse({ ...base, recurrenceMonths: "24", newHireDueDays: " 14 ", passMark: "" });
    expect(r.recurrenceMonths).toBe(24);
    expect(r.newHireDueDays).toBe(14);
    expect(r.passMark).toBeNull();
    expect(createCourseSchema.parse({ ...base, recurrenceMonths: null }).recurrenceMonths).toBeNull();
    expect(createCourseSchema.parse({ ...base, passMark: 0 }).passMark).toBe(0);
  });

  it("refuses out-of-range numbers with the bound in the message", () => {
    expect(fieldsOf({ ...base, passMark: 101 })).toEqual(["passMark:validation.tooBig"]);
    expect(fieldsOf({ ...base, passMark: -1 })).toEqual(["passMark:validation.tooSmall"]);
    expect(fieldsOf({ ...base, recurrenceMonths: 0 })).toEqual(["recurrenceMonths:validation.tooSmall"]);
    expect(fieldsOf({ ...base, recurrenceMonths: 1.5 })).toEqual(["recurrenceMonths:validation.wholeNumber"]);
    expect(fieldsOf({ ...base, newHireDueDays: -3 })).toEqual(["newHireDueDays:validation.tooSmall"]);
    expect(fieldsOf({ ...base, passMark: "abc" })).toEqual(["passMark:validation.invalidType"]);
    const r = createCourseSchema.safeParse({ ...base, passMark: 101 });
    expect(issuesToFieldErrors(r.error!.issues)[0].values).toEqual({ max: 100 });
  });

  it("needs code, title and a real required-from date; a code has no spaces", () => {
    expect(fieldsOf({})).toEqual(["code:validation.required", "title:validation.required", "requiredFrom:validation.required"]);
    expect(fieldsOf({ ...base, code: "PI BASIC" })).toEqual(["code:courses.errors.codeFormat"]);
    expect(fieldsOf({ ...base, requiredFrom: "2026-02-30" })).toEqual(["requiredFrom:validation.date"]);
    expect(createCourseSchema.parse({ ...base, requiredFrom: "2026/4/1" }).requiredFrom).toBe("2026-04-01");
  });

  it("a chosen audience needs a department or an employment type; 'all' clears the lists", () => {
    expect(fieldsOf({ ...base, audienceAll: false })).toEqual(["audience:courses.errors.audienceRequired"]);
    const some = createCourseSchema.parse({ ...base, audienceAll: false, audienceDepartmentIds: [3, 1, 3], audienceEmploymentTypes: ["executive", "regular"] });
    expect(some.audienceDepartmentIds).toEqual([1, 3]);
    expect(some.audienceEmploymentTypes).toEqual(["regular", "executive"]);
    const all = createCourseSchema.parse({ ...base, audienceAll: true, audienceDepartmentIds: [1] });
    expect(all.audienceDepartmentIds).toEqual([]);
    expect(fieldsOf({ ...base, audienceAll: false, audienceEmploymentTypes: ["boss"] })).toEqual(["audienceEmploymentTypes.0:validation.invalidOption"]);
  });

  it("an update needs the version it read", () => {
    expect(fieldsOf(base, updateCourseSchema)).toEqual(["version:validation.required"]);
    expect(updateCourseSchema.parse({ ...base, version: "3" }).version).toBe(3);
  });

  it("list query: defaults and bad sort", () => {
    expect(listCoursesQuery.parse({})).toMatchObject({ page: 1, pageSize: 50, sort: "code", dir: "asc" });
    expect(listCoursesQuery.safeParse({ sort: "x" }).success).toBe(false);
    expect(listCoursesQuery.parse({ includeRetired: "" }).includeRetired).toBeUndefined();
  });
});

describe("courseRuleSummary", () => {
  it("says the rules in words", () => {
    expect(courseRuleSummary({ recurrenceMonths: 12, newHireDueDays: 30, passMark: 80, requiredFrom: "2026-04-01" })).toEqual([
      { key: "courses.rules.everyMonths", values: { months: 12 } },
      { key: "courses.rules.newHireDue", values: { days: 30 } },
      { key: "courses.rules.passMark", values: { mark: 80 } },
      { key: "courses.rules.requiredFrom", values: { date: "2026/04/01" } },
    ]);
  });
  it("once, due on hire, attendance only, whole years", () => {
    const [once, due, pass] = courseRuleSummary({ recurrenceMonths: null, newHireDueDays: 0, passMark: null, requiredFrom: "2020-01-01" });
    expect(once.key).toBe("courses.rules.once");
    expect(due.key).toBe("courses.rules.dueOnHire");
    expect(pass.key).toBe("courses.rules.attendanceOnly");
    expect(courseRuleSummary({ recurrenceMonths: 24, newHireDueDays: 1, passMark: 0, requiredFrom: "2020-01-01" })[0]).toEqual({
      key: "courses.rules.everyYears",
      values: { years: 2 },
    });
    expect(courseRuleSummary({ recurrenceMonths: 18, newHireDueDays: 1, passMark: 0, requiredFrom: "2020-01-01" })[0].values).toEqual({ months: 18 });
  });
});

describe("audienceParts", () => {
  const names = new Map([
    [1, "営業部"],
    [2, "人事部"],
  ]);
  it("everyone, or the chosen departments and types", () => {
    expect(audienceParts({ audienceAll: true, audienceDepartmentIds: [], audienceEmploymentTypes: [] }, (id) => names.get(id))).toEqual({ all: true });
    expect(
      audienceParts({ audienceAll: false, audienceDepartmentIds: [2, 9], audienceEmploymentTypes: ["executive", "dispatched"] }, (id) => names.get(id)),
    ).toEqual({ all: false, departments: ["人事部", "#9"], employmentTypes: ["dispatched", "executive"] });
  });
});

describe("course list URL", () => {
  it("parses leniently and writes back without defaults", async () => {
    const { listCoursesQuery } = await import("./courses-schema");
    const { listSearch, parseListParams } = await import("@/lib/list/params");
    const q = parseListParams(listCoursesQuery, { q: "PI", includeRetired: "true", sort: "nope", page: "2", pageSize: "9999" });
    expect(q).toMatchObject({ q: "PI", includeRetired: "true", sort: "code", page: 2, pageSize: 50 });
    expect(listSearch(listCoursesQuery, q)).toBe("?q=PI&includeRetired=true&page=2");
    expect(listSearch(listCoursesQuery, parseListParams(listCoursesQuery, {}))).toBe("");
  });
});
