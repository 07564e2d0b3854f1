import { describe, expect, it } from "vitest";
import ja from "@/messages/ja.json";
import en from "@/messages/en.json";
import { employmentTypeEnum } from "@/db/schema/training";
import { EMPLOYMENT_TYPES } from "./employees-schema";
import { containsPattern, employeeState, parseEmploymentType, toKatakana } from "./employees-state";

describe("employment types", () => {
  it("match the database enum, in order", () => {
    expect([...EMPLOYMENT_TYPES]).toEqual([...employmentTypeEnum.enumValues]);
  });

  it.each([
    ["正社員", "regular"],
    ["契約社員", "contract"],
    ["派遣", "dispatched"],
    ["派遣社員", "dispatched"],
    ["パート", "part_time"],
    ["アルバイト", "part_time"],
    ["パート・アルバイト", "part_time"],
    ["ﾊﾟｰﾄ･ｱﾙﾊﾞｲﾄ", "part_time"],
    ["パート／アルバイト", "part_time"],
    ["役員", "executive"],
    [" 正社員 ", "regular"],
    ["regular", "regular"],
    ["PART_TIME", "part_time"],
    ["Part-time", "part_time"],
    ["ｒｅｇｕｌａｒ", "regular"],
  ])("reads %s as %s", (label, code) => {
    expect(parseEmploymentType(label)).toBe(code);
  });

  it("reads back every label the UI and the export write, in both languages", () => {
    for (const messages of [ja, en])
      for (const type of EMPLOYMENT_TYPES) expect(parseEmploymentType(messages.employmentTypes[type])).toBe(type);
  });

  it.each(["", "社長", "full", "regularx", "派遣 社員x"])("refuses %j", (label) => {
    expect(parseEmploymentType(label)).toBeNull();
  });
});

describe("employeeState", () => {
  const e = { retiredAt: null, hireDate: "2024-04-01", leaveDate: null };
  it("is active from the hire date", () => {
    expect(employeeState(e, "2024-04-01")).toBe("active");
    expect(employeeState(e, "2024-03-31")).toBe("upcoming");
  });
  it("is left the day after the leave date (退職日 is the last day employed, as isActiveOn counts it)", () => {
    expect(employeeState({ ...e, leaveDate: "2025-03-31" }, "2025-03-31")).toBe("active");
    expect(employeeState({ ...e, leaveDate: "2025-03-31" }, "2025-04-01")).toBe("left");
  });
  it("retired wins over everything", () => {
    expect(employeeState({ ...e, leaveDate: "2025-03-31", retiredAt: new Date() }, "2026-01-01")).toBe("retired");
    expect(employeeState({ ...e, retiredAt: "2026-01-01T00:00:00Z" }, "2024-01-01")).toBe("retired");
  });
});

describe("search helpers", () => {
  it("turns hiragana into katakana and leaves the rest", () => {
    expect(toKatakana("やまだ はなこ")).toBe("ヤマダ ハナコ");
    expect(toKatakana("ゔぁ ヤマダ 山田 abc")).toBe("ヴァ ヤマダ 山田 abc");
  });
  it("escapes LIKE wildcards", () => {
    expect(containsPattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });
});
