import { describe, expect, it } from "vitest";
import { issuesToFieldErrors } from "@/lib/validation/issues";
import { createDepartmentSchema, listDepartmentsQuery } from "./departments-schema";
import { createEmployeeSchema, listEmployeesQuery, updateEmployeeSchema, widenKana } from "./employees-schema";
import { listSearch, parseListParams } from "@/lib/list/params";

const valid = { employeeNumber: "E1", name: "山田 花子", departmentId: "3", employmentType: "regular", hireDate: "2024/4/1" };

function fieldErrors(input: unknown, schema = createEmployeeSchema) {
  const r = schema.safeParse(input);
  return r.success ? [] : issuesToFieldErrors(r.error.issues).map((e) => `${e.field}:${e.messageKey}`);
}

describe("employee schema", () => {
  it("normalises what people type", () => {
    const r = createEmployeeSchema.parse({ ...valid, employeeNumber: " Ｅ－１ ", nameKana: "ﾔﾏﾀﾞ ﾊﾅｺ", email: " A@B.JP ", leaveDate: "", exemptionReason: "  " });
    expect(r).toEqual({
      employeeNumber: "E-1",
      name: "山田 花子",
      nameKana: "ヤマダ ハナコ",
      email: "a@b.jp",
      departmentId: 3,
      employmentType: "regular",
      hireDate: "2024-04-01",
      leaveDate: null,
      exemptionReason: null,
    });
  });

  it("keeps a name as typed apart from half-width kana", () => {
    expect(widenKana("髙橋 ①郎 ㈱ ｶﾞｯﾂ")).toBe("髙橋 ①郎 ㈱ ガッツ");
  });

  it("gives each field its own message key", () => {
    expect(fieldErrors({})).toEqual([
      "employeeNumber:validation.required",
      "name:validation.required",
      "departmentId:employees.errors.departmentRequired",
      "employmentType:validation.invalidOption",
      "hireDate:validation.required",
    ]);
    expect(fieldErrors({ ...valid, departmentId: "" })).toEqual(["departmentId:employees.errors.departmentRequired"]);
    expect(fieldErrors({ ...valid, email: "nope", employeeNumber: "E 1" })).toEqual(["employeeNumber:employees.errors.numberFormat", "email:validation.email"]);
  });

  it("wants the leave date on or after the hire date", () => {
    expect(fieldErrors({ ...valid, leaveDate: "2024-03-31" })).toEqual(["leaveDate:employees.errors.leaveBeforeHire"]);
    expect(fieldErrors({ ...valid, leaveDate: "2024-04-01" })).toEqual([]);
    expect(fieldErrors({ ...valid, leaveDate: "2024-03-31", version: 1 }, updateEmployeeSchema)).toEqual(["leaveDate:employees.errors.leaveBeforeHire"]);
    expect(fieldErrors({ ...valid }, updateEmployeeSchema)).toEqual(["version:validation.required"]);
  });

  it("department codes: half-width letters and digits", () => {
    expect(createDepartmentSchema.parse({ code: "ｄ０１", name: "x" }).code).toBe("d01");
    expect(createDepartmentSchema.safeParse({ code: "営業", name: "x" }).success).toBe(false);
  });
});

describe("list parameters from the URL", () => {
  it("keeps the good ones and drops the bad ones", () => {
    expect(parseListParams(listEmployeesQuery, new URLSearchParams("q=山田&departmentId=abc&status=left&page=0&sort=name&x=1"))).toEqual({
      q: "山田",
      status: "left",
      sort: "name",
      dir: "asc",
      page: 1,
      pageSize: 50,
    });
    expect(parseListParams(listDepartmentsQuery, { includeRetired: ["true", "false"], q: "" })).toEqual({
      includeRetired: "true",
      sort: "code",
      dir: "asc",
      page: 1,
      pageSize: 50,
    });
  });

  it("writes short links: defaults and empties left out", () => {
    expect(listSearch(listEmployeesQuery, { q: "a b", status: "active", page: 1, exempt: "", departmentId: 3 })).toBe("?q=a+b&departmentId=3");
    expect(listSearch(listEmployeesQuery, {})).toBe("");
  });
});
