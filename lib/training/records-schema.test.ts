import { describe, expect, it } from "vitest";
import { recordSourceEnum, trainingMethodEnum } from "@/db/schema/training";
import { listSearch, parseListParams } from "@/lib/list/params";
import { issuesToFieldErrors } from "@/lib/validation/issues";
import {
  RECORD_SOURCE_VALUES,
  TRAINING_METHOD_VALUES,
  bulkRecordSchema,
  createRecordSchema,
  employeeIneligibility,
  listRecordsQuery,
  recordRuleErrors,
  resolvePeriod,
} from "./records-schema";

const fields = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: unknown[] } } }, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : issuesToFieldErrors(r.error!.issues as never).map((e) => `${e.field}:${e.messageKey}`);
};

describe("record input", () => {
  it("keeps methods and sources in line with the database enums", () => {
    expect([...TRAINING_METHOD_VALUES]).toEqual(trainingMethodEnum.enumValues);
    expect([...RECORD_SOURCE_VALUES]).toEqual(recordSourceEnum.enumValues);
  });

  it("parses a form's strings; an empty score is null", () => {
    const r = createRecordSchema.parse({ employeeId: "12", courseId: 3, completedOn: "2026/6/1", score: "", method: "classroom", evidence: " ", note: "" });
    expect(r).toEqual({ employeeId: 12, courseId: 3, completedOn: "2026-06-01", score: null, method: "classroom", evidence: null, note: null });
  });

  it("refuses what it must, field by field", () => {
    expect(fields(createRecordSchema, {})).toEqual([
      "employeeId:validation.required",
      "courseId:validation.required",
      "completedOn:validation.required",
      "method:validation.invalidOption",
    ]);
    expect(fields(createRecordSchema, { employeeId: 1, courseId: 1, completedOn: "2026-01-01", method: "video", score: 101 })).toEqual([
      "score:validation.tooBig",
    ]);
    expect(fields(createRecordSchema, { employeeId: -1, courseId: "x", completedOn: "2026-13-01", method: "fax" })).toEqual([
      "employeeId:validation.invalidType",
      "courseId:validation.invalidType",
      "completedOn:validation.date",
      "method:validation.invalidOption",
    ]);
  });

  it("a session needs participants, each once", () => {
    const base = { courseId: 1, completedOn: "2026-06-01", method: "classroom" };
    expect(fields(bulkRecordSchema, { ...base, entries: [] })).toEqual(["entries:records.errors.noEmployees"]);
    expect(fields(bulkRecordSchema, { ...base, entries: [{ employeeId: 1 }, { employeeId: 2 }, { employeeId: 1 }] })).toEqual([
      "entries.2.employeeId:records.errors.duplicateEmployee",
    ]);
    expect(bulkRecordSchema.parse({ ...base, entries: [{ employeeId: 1, score: "90" }] }).entries).toEqual([{ employeeId: 1, score: 90 }]);
  });
});

describe("recordRuleErrors", () => {
  const today = "2026-11-24";
  it("refuses a future date (today is fine)", () => {
    expect(recordRuleErrors({ completedOn: "2026-11-25", score: null }, { passMark: null }, today).map((e) => e.messageKey)).toEqual([
      "records.errors.futureDate",
    ]);
    expect(recordRuleErrors({ completedOn: today, score: null }, { passMark: null }, today)).toEqual([]);
    expect(recordRuleErrors({ completedOn: "2026-11-25", score: null }, { passMark: null }, today, { checkDate: false })).toEqual([]);
  });
  it("needs a score when the course has a pass mark, naming the mark", () => {
    expect(recordRuleErrors({ completedOn: today, score: null }, { passMark: 80 }, today)).toEqual([
      { field: "score", code: "required", messageKey: "records.errors.scoreRequired", values: { passMark: 80 } },
    ]);
    expect(recordRuleErrors({ completedOn: today, score: 0 }, { passMark: 80 }, today)).toEqual([]);
    expect(recordRuleErrors({ completedOn: today, score: null }, { passMark: 0 }, today, { scoreField: "entries.4.score" })[0].field).toBe("entries.4.score");
  });
});

describe("employeeIneligibility", () => {
  const e = { hireDate: "2024-04-01", leaveDate: "2026-03-31", retiredAt: null };
  it("must exist, not be retired, and be employed that day", () => {
    expect(employeeIneligibility(undefined, "2025-01-01")?.messageKey).toBe("records.errors.employeeNotFound");
    expect(employeeIneligibility({ ...e, retiredAt: new Date() }, "2025-01-01")?.messageKey).toBe("records.errors.employeeRetired");
    expect(employeeIneligibility(e, "2024-03-31")).toEqual({ messageKey: "records.errors.beforeHire", values: { hireDate: "2024/04/01" } });
    expect(employeeIneligibility(e, "2024-04-01")).toBeNull();
    expect(employeeIneligibility(e, "2026-03-31")).toBeNull(); // the leave date is still a working day
    expect(employeeIneligibility(e, "2026-04-01")).toEqual({ messageKey: "records.errors.afterLeave", values: { leaveDate: "2026/03/31" } });
    expect(employeeIneligibility({ ...e, leaveDate: null }, "2030-01-01")).toBeNull();
  });
});

describe("list filters", () => {
  it("resolvePeriod: a fiscal year, narrowed by from/to, or dates alone", () => {
    expect(resolvePeriod({ fy: 2026 }, 4)).toEqual({ from: "2026-04-01", to: "2027-03-31" });
    expect(resolvePeriod({ fy: 2026 }, 1)).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(resolvePeriod({ fy: 2026, from: "2026-06-01" }, 4)).toEqual({ from: "2026-06-01", to: "2027-03-31" });
    expect(resolvePeriod({ fy: 2026, from: "2020-01-01", to: "2030-01-01" }, 4)).toEqual({ from: "2026-04-01", to: "2027-03-31" });
    expect(resolvePeriod({ from: "2026-06-01" }, 4)).toEqual({ from: "2026-06-01", to: null });
    expect(resolvePeriod({}, 4)).toEqual({ from: null, to: null });
  });

  it("a period that ends before it starts is refused", () => {
    expect(fields(listRecordsQuery, { from: "2026-05-01", to: "2026-04-01" })).toEqual(["to:records.errors.periodOrder"]);
  });

  it("URL filters: empties ignored, bad values dropped, the rest kept", () => {
    const q = parseListParams(listRecordsQuery, { q: "山田", departmentId: "3", fy: "abc", method: "fax", passed: "false", sort: "score", dir: "asc", page: "2", junk: "1" });
    expect(q).toMatchObject({ q: "山田", departmentId: 3, passed: "false", sort: "score", dir: "asc", page: 2, pageSize: 50 });
    expect(q.fy).toBeUndefined();
    expect(q.method).toBeUndefined();
    const bad = parseListParams(listRecordsQuery, { courseId: "", from: "2026-05-01", to: "2026-04-01" });
    expect(bad.from).toBe("2026-05-01");
    expect(bad.to).toBeUndefined();
    expect(bad.courseId).toBeUndefined();
  });

  it("list URL: stable, without defaults, round-trips", () => {
    const q = parseListParams(listRecordsQuery, { sort: "completedOn", dir: "desc", page: "1", courseId: "4", fy: "2026" });
    expect(listSearch(listRecordsQuery, q)).toBe("?courseId=4&fy=2026");
    expect(listSearch(listRecordsQuery, {})).toBe("");
    const sp = new URLSearchParams(listSearch(listRecordsQuery, { q: "E0012 山田", sort: "employee", page: 3 }).slice(1));
    expect(parseListParams(listRecordsQuery, Object.fromEntries(sp))).toMatchObject({ q: "E0012 山田", sort: "employee", page: 3 });
  });
});
