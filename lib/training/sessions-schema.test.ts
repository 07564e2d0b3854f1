import { describe, expect, it } from "vitest";
import { bulkRecordSchema } from "./records-schema";
import { listSessionsQuery, sessionName, updateSessionSchema } from "./sessions-schema";

describe("training sessions: the shapes the API and the forms share", () => {
  it("names a session by its own title, else by its course", () => {
    expect(sessionName({ title: "4月 新入社員研修", courseTitle: "PMS導入研修" })).toBe("4月 新入社員研修");
    expect(sessionName({ title: null, courseTitle: "PMS導入研修" })).toBe("PMS導入研修");
    expect(sessionName({ title: "   ", courseTitle: "PMS導入研修" })).toBe("PMS導入研修");
  });

  it("takes the session's fields with the bulk entry: optional, trimmed, empty is none, 200 characters at most", () => {
    const base = { courseId: 1, completedOn: "2026-04-01", method: "classroom", entries: [{ employeeId: 1, score: null }] };
    expect(bulkRecordSchema.parse(base)).toMatchObject({ title: null, place: null, instructor: null });
    expect(bulkRecordSchema.parse({ ...base, title: "  研修  ", place: "", instructor: "講師" })).toMatchObject({ title: "研修", place: null, instructor: "講師" });
    expect(bulkRecordSchema.safeParse({ ...base, place: "x".repeat(200) }).success).toBe(true);
    const long = bulkRecordSchema.safeParse({ ...base, place: "x".repeat(201) });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]).toMatchObject({ path: ["place"], message: "validation.tooLong" });
  });

  it("corrects title, place, instructor and note with the version read", () => {
    expect(updateSessionSchema.parse({ title: "", place: "本社", instructor: null, note: "x", version: 3 })).toEqual({ title: null, place: "本社", instructor: null, note: "x", version: 3 });
    expect(updateSessionSchema.safeParse({ title: "a" }).success).toBe(false);
    expect(updateSessionSchema.safeParse({ note: "x".repeat(2001), version: 1 }).success).toBe(false);
  });

  it("reads the list query from a URL: defaults, empty values dropped, bad values refused", () => {
    expect(listSessionsQuery.parse({})).toEqual({ sort: "heldOn", dir: "desc", page: 1, pageSize: 50 });
    expect(listSessionsQuery.parse({ courseId: "", fy: "", q: "" })).toEqual({ sort: "heldOn", dir: "desc", page: 1, pageSize: 50 });
    expect(listSessionsQuery.parse({ courseId: "3", fy: "2026", sort: "attendees", dir: "asc", page: "2" })).toMatchObject({ courseId: 3, fy: 2026, sort: "attendees", dir: "asc", page: 2 });
    expect(listSessionsQuery.safeParse({ fy: "abc" }).success).toBe(false);
    expect(listSessionsQuery.safeParse({ fy: "1899" }).success).toBe(false);
    expect(listSessionsQuery.safeParse({ sort: "title" }).success).toBe(false);
    expect(listSessionsQuery.safeParse({ pageSize: "201" }).success).toBe(false);
    expect(listSessionsQuery.safeParse({ courseId: "0" }).success).toBe(false);
  });
});
