import { beforeAll, describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { count, eq, sql } from "drizzle-orm";
import * as departmentsRoute from "@/app/api/v1/departments/route";
import * as employeesRoute from "@/app/api/v1/employees/route";
import * as employeeRoute from "@/app/api/v1/employees/[id]/route";
import * as retireRoute from "@/app/api/v1/employees/[id]/retire/route";
import * as restoreRoute from "@/app/api/v1/employees/[id]/restore/route";
import * as historyRoute from "@/app/api/v1/employees/[id]/history/route";
import * as exportRoute from "@/app/api/v1/employees/export.csv/route";
import * as importRoute from "@/app/api/v1/employees/import/route";
import { getDb } from "@/db";
import { auditLog, employees } from "@/db/schema";
import { call, signInAs } from "../support/api";
import { fetchCsvExport } from "./csv-export";

let salesId = 0;
let devId = 0;

async function employeeCount() {
  const db = await getDb();
  const [{ n }] = await db.select({ n: count() }).from(employees);
  return Number(n);
}

async function importCount() {
  const db = await getDb();
  const [{ n }] = await db.select({ n: count() }).from(auditLog).where(sql`${auditLog.action} = 'import' and ${auditLog.entity} = 'employee'`);
  return Number(n);
}

function upload(content: string | Uint8Array, mode: "preview" | "commit", name = "employees.csv", lang = "en") {
  const form = new FormData();
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  form.set("file", new File([new Uint8Array(bytes)], name, { type: "text/csv" }));
  form.set("mode", mode);
  return call(importRoute, "POST", "/api/v1/employees/import", { body: form, headers: { "accept-language": lang } });
}

const base = { name: "山田 花子", nameKana: "ヤマダ ハナコ", email: "hanako@example.co.jp", employmentType: "regular", hireDate: "2024-04-01" };

beforeAll(async () => {
  await signInAs("privacy_manager");
  salesId = (await call(departmentsRoute, "POST", "/api/v1/departments", { json: { code: "S01", name: "営業部" } })).body.id;
  devId = (await call(departmentsRoute, "POST", "/api/v1/departments", { json: { code: "DEV", name: "開発部" } })).body.id;
});

describe("employees API", () => {
  it("creates an employee, and refuses a duplicate number with a field error, storing nothing", async () => {
    await signInAs("hr");
    const created = await call(employeesRoute, "POST", "/api/v1/employees", {
      json: { ...base, employeeNumber: "Ｅ１００１", nameKana: "ﾔﾏﾀﾞ ﾊﾅｺ", email: "Hanako@Example.co.jp", departmentId: salesId, leaveDate: "", exemptionReason: "" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      employeeNumber: "E1001",
      nameKana: "ヤマダ ハナコ",
      email: "hanako@example.co.jp",
      departmentCode: "S01",
      departmentName: "営業部",
      leaveDate: null,
      exemptionReason: null,
      state: "active",
      version: 1,
    });

    const before = await employeeCount();
    const dup = await call(employeesRoute, "POST", "/api/v1/employees", { json: { ...base, employeeNumber: "E1001", departmentId: salesId } });
    expect(dup.status).toBe(400);
    expect(dup.body.errors).toEqual([expect.objectContaining({ field: "employeeNumber", code: "duplicate" })]);
    expect(dup.body.errors[0].message).toContain("already registered");
    expect(await employeeCount()).toBe(before);
  });

  it("validates email, dates in order and the department", async () => {
    await signInAs("hr");
    const bad = await call(employeesRoute, "POST", "/api/v1/employees", {
      json: { ...base, employeeNumber: "E1002", email: "not-an-email", departmentId: salesId, hireDate: "2024-04-01", leaveDate: "2024-03-31" },
      headers: { "accept-language": "ja" },
    });
    expect(bad.status).toBe(400);
    const byField = Object.fromEntries(bad.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(byField.email).toContain("メールアドレス");
    expect(byField.leaveDate).toBe("退職日は入社日以降の日付にしてください。");

    const noDept = await call(employeesRoute, "POST", "/api/v1/employees", { json: { ...base, employeeNumber: "E1002", departmentId: 99999 } });
    expect(noDept.status).toBe(400);
    expect(noDept.body.errors[0].field).toBe("departmentId");

    const empty = await call(employeesRoute, "POST", "/api/v1/employees", { json: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["departmentId", "employeeNumber", "employmentType", "hireDate", "name"]);

    const badDate = await call(employeesRoute, "POST", "/api/v1/employees", { json: { ...base, employeeNumber: "E1002", departmentId: salesId, hireDate: "2023-02-29" } });
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors[0].field).toBe("hireDate");
    expect(await employeeCount()).toBe(1);
  });

  it("auditor and executive read but cannot write", async () => {
    const db = await getDb();
    const [e] = await db.select().from(employees).where(eq(employees.employeeNumber, "E1001"));
    for (const role of ["auditor", "executive"] as const) {
      await signInAs(role);
      expect((await call(employeesRoute, "GET", "/api/v1/employees")).status).toBe(200);
      expect((await call(employeeRoute, "GET", `/api/v1/employees/${e.id}`, { params: { id: e.id } })).status).toBe(200);
      expect((await call(employeesRoute, "POST", "/api/v1/employees", { json: { ...base, employeeNumber: "Z1", departmentId: salesId } })).status).toBe(403);
      expect((await call(employeeRoute, "PATCH", `/api/v1/employees/${e.id}`, { params: { id: e.id }, json: { ...base, employeeNumber: "E1001", departmentId: salesId, version: 1 } })).status).toBe(403);
      expect((await call(retireRoute, "POST", `/api/v1/employees/${e.id}/retire`, { params: { id: e.id }, json: { version: 1 } })).status).toBe(403);
      expect((await call(restoreRoute, "POST", `/api/v1/employees/${e.id}/restore`, { params: { id: e.id }, json: { version: 1 } })).status).toBe(403);
      expect((await upload("社員番号\n", "commit")).status).toBe(403);
    }
    const [after] = await db.select().from(employees).where(eq(employees.employeeNumber, "E1001"));
    expect(after.version).toBe(1);
  });

  it("edits (leave date, on-leave exemption) with optimistic locking and keeps the history", async () => {
    await signInAs("hr");
    const db = await getDb();
    const [e] = await db.select().from(employees).where(eq(employees.employeeNumber, "E1001"));
    const body = { ...base, employeeNumber: "E1001", departmentId: devId, exemptionReason: "育児休業", version: 1 };
    const ok = await call(employeeRoute, "PATCH", `/api/v1/employees/${e.id}`, { params: { id: e.id }, json: body });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ departmentCode: "DEV", exemptionReason: "育児休業", version: 2 });

    const stale = await call(employeeRoute, "PATCH", `/api/v1/employees/${e.id}`, { params: { id: e.id }, json: { ...body, name: "上書き" } });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toMatch(/changed|updated/i);

    // Saving an unchanged form writes nothing.
    const same = await call(employeeRoute, "PATCH", `/api/v1/employees/${e.id}`, { params: { id: e.id }, json: { ...body, version: 2 } });
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(2);

    const history = await call(historyRoute, "GET", `/api/v1/employees/${e.id}/history`, { params: { id: e.id } });
    expect(history.status).toBe(200);
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(["update", "create"]);
    expect(history.body.items[0].before.departmentId).toBe(salesId);
    expect(history.body.items[0].after.departmentId).toBe(devId);

    const exempt = await call(employeesRoute, "GET", "/api/v1/employees?exempt=true");
    expect(exempt.body.items.map((x: { employeeNumber: string }) => x.employeeNumber)).toEqual(["E1001"]);

    // Back from leave, then leaves the company.
    const leaving = await call(employeeRoute, "PATCH", `/api/v1/employees/${e.id}`, {
      params: { id: e.id },
      json: { ...body, exemptionReason: null, leaveDate: "2025-03-31", version: 2 },
    });
    expect(leaving.status).toBe(200);
    expect(leaving.body.state).toBe("left");
    const left = await call(employeesRoute, "GET", "/api/v1/employees?status=left");
    expect(left.body.items.map((x: { employeeNumber: string }) => x.employeeNumber)).toEqual(["E1001"]);
    const active = await call(employeesRoute, "GET", "/api/v1/employees");
    expect(active.body.items.map((x: { employeeNumber: string }) => x.employeeNumber)).not.toContain("E1001");

    const missing = await call(historyRoute, "GET", "/api/v1/employees/99999/history", { params: { id: 99999 } });
    expect(missing.status).toBe(404);
  });

  it("retires and restores with confirmation of the version; a retired record leaves the default list", async () => {
    await signInAs("privacy_manager");
    const { body: e } = await call(employeesRoute, "POST", "/api/v1/employees", { json: { ...base, employeeNumber: "E2001", departmentId: salesId } });
    const stale = await call(retireRoute, "POST", `/api/v1/employees/${e.id}/retire`, { params: { id: e.id }, json: { version: 7 } });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(1);
    const retired = await call(retireRoute, "POST", `/api/v1/employees/${e.id}/retire`, { params: { id: e.id }, json: { version: 1 } });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ state: "retired", version: 2 });
    expect((await call(employeesRoute, "GET", "/api/v1/employees?q=E2001")).body.total).toBe(0);
    expect((await call(employeesRoute, "GET", "/api/v1/employees?q=E2001&status=retired")).body.total).toBe(1);
    const restored = await call(restoreRoute, "POST", `/api/v1/employees/${e.id}/restore`, { params: { id: e.id }, json: { version: 2 } });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ state: "active", retiredAt: null, version: 3 });
    // Restoring twice is a 409 that says there is nothing to restore (docs/architecture-versioned-writes.md); nothing changes.
    const twice = await call(restoreRoute, "POST", `/api/v1/employees/${e.id}/restore`, { params: { id: e.id }, json: { version: 2 } });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain("not retired");
    expect((await call(employeeRoute, "GET", `/api/v1/employees/${e.id}`, { params: { id: e.id } })).body.version).toBe(3);
    const history = await call(historyRoute, "GET", `/api/v1/employees/${e.id}/history`, { params: { id: e.id } });
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(["restore", "retire", "create"]);
  });

  it("filters, searches (number, name without spaces, hiragana for katakana, email), sorts and pages", async () => {
    await signInAs("hr");
    for (const [n, name, kana, type, hire] of [
      ["E3001", "佐藤 一郎", "サトウ イチロウ", "contract", "2019-10-01"],
      ["E3002", "青木 二郎", "アオキ ジロウ", "part_time", "2022-01-15"],
      ["E3003", "渡辺 三郎", "ワタナベ サブロウ", "dispatched", "2021-06-01"],
    ] as const)
      await call(employeesRoute, "POST", "/api/v1/employees", { json: { employeeNumber: n, name, nameKana: kana, email: `${n.toLowerCase()}@example.jp`, departmentId: devId, employmentType: type, hireDate: hire } });

    const ids = (r: { body: { items: { employeeNumber: string }[] } }) => r.body.items.map((x) => x.employeeNumber);
    expect(ids(await call(employeesRoute, "GET", `/api/v1/employees?q=${encodeURIComponent("さとう")}`))).toEqual(["E3001"]);
    expect(ids(await call(employeesRoute, "GET", `/api/v1/employees?q=${encodeURIComponent("青木二郎")}`))).toEqual(["E3002"]);
    expect(ids(await call(employeesRoute, "GET", "/api/v1/employees?q=e3003@"))).toEqual(["E3003"]);
    expect(ids(await call(employeesRoute, "GET", `/api/v1/employees?departmentId=${devId}&employmentType=contract`))).toEqual(["E3001"]);
    expect(ids(await call(employeesRoute, "GET", `/api/v1/employees?departmentId=${devId}&sort=name`))).toEqual(["E3002", "E3001", "E3003"]);
    expect(ids(await call(employeesRoute, "GET", `/api/v1/employees?departmentId=${devId}&sort=hireDate&dir=desc`))).toEqual(["E3002", "E3003", "E3001"]);
    const paged = await call(employeesRoute, "GET", `/api/v1/employees?departmentId=${devId}&pageSize=2&page=2`);
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(ids(paged)).toEqual(["E3003"]);
    expect((await call(employeesRoute, "GET", "/api/v1/employees?status=gone")).status).toBe(400);
  });

  it("exports the filtered list as CSV with a BOM and formulas neutralised, in the import's columns", async () => {
    await signInAs("hr");
    await call(employeesRoute, "POST", "/api/v1/employees", { json: { ...base, employeeNumber: "E4001", name: "=1+2", departmentId: salesId } });
    await signInAs("executive");
    const lines = (await fetchCsvExport(exportRoute, "/api/v1/employees/export.csv?q=E4001")).split("\r\n");
    expect(lines[0]).toBe("社員番号,氏名,フリガナ,メール,部署コード,雇用形態,入社日,退職日,部署名,休職・免除理由,在籍状況");
    expect(lines[1]).toBe("E4001,\"'=1+2\",ヤマダ ハナコ,hanako@example.co.jp,S01,正社員,2024/04/01,,営業部,,在籍");
    expect(lines).toHaveLength(3);
  });
});

describe("employee CSV import", () => {
  const header = "社員番号,氏名,フリガナ,メール,部署コード,雇用形態,入社日,退職日";

  it("imports a Shift_JIS file (what Japanese Excel writes) after a preview that stores nothing", async () => {
    await signInAs("hr");
    const text = [header, "K001,髙橋 﨑子,タカハシ サキコ,saki@example.jp,S01,正社員,2025/04/01,", "K002,鈴木 ①郎,スズキ イチロウ,,DEV,パート,2025-05-01,", "K003,田中 派遣,,,DEV,派遣,2025-06-01,2025-12-31"].join("\r\n");
    const sjis = iconv.encode(text, "cp932");
    const before = await employeeCount();

    const preview = await upload(sjis, "preview", "社員.csv");
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ mode: "preview", committed: false, encoding: "shift_jis", rows: 3, inserted: 3, updated: 0, unchanged: 0, errors: [] });
    expect(await employeeCount()).toBe(before);

    const commit = await upload(sjis, "commit", "社員.csv");
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ committed: true, inserted: 3 });
    expect(await employeeCount()).toBe(before + 3);
    const db = await getDb();
    const [k1] = await db.select().from(employees).where(eq(employees.employeeNumber, "K001"));
    expect(k1).toMatchObject({ name: "髙橋 﨑子", email: "saki@example.jp", hireDate: "2025-04-01", employmentType: "regular" });
    const [k2] = await db.select().from(employees).where(eq(employees.employeeNumber, "K002"));
    expect(k2).toMatchObject({ name: "鈴木 ①郎", employmentType: "part_time", email: null });
    const [k3] = await db.select().from(employees).where(eq(employees.employeeNumber, "K003"));
    expect(k3).toMatchObject({ employmentType: "dispatched", leaveDate: "2025-12-31" });

    const [audit] = await db.select().from(auditLog).where(sql`${auditLog.action} = 'import'`).orderBy(sql`${auditLog.id} desc`).limit(1);
    expect(audit.after).toMatchObject({ fileName: "社員.csv", encoding: "shift_jis", inserted: 3, updated: 0 });
  });

  it("a repeated import adds nothing; a changed row updates that employee only", async () => {
    await signInAs("hr");
    const text = [header, "K001,髙橋 﨑子,タカハシ サキコ,saki@example.jp,S01,正社員,2025/04/01,", "K002,鈴木 ①郎,スズキ イチロウ,,DEV,パート,2025-05-01,", "K003,田中 派遣,,,DEV,派遣,2025-06-01,2025-12-31"].join("\r\n");
    const count0 = await employeeCount();
    const imports0 = await importCount();
    const again = await upload(iconv.encode(text, "cp932"), "commit");
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ committed: true, inserted: 0, updated: 0, unchanged: 3 });
    expect(await employeeCount()).toBe(count0);
    expect(await importCount()).toBe(imports0);

    // The same people in UTF-8 with a BOM and English headers and codes; K002 moves to S01.
    const en = "\uFEFFemployee_number,name,name_kana,email,department_code,employment_type,hire_date,leave_date\n" +
      "K001,髙橋 﨑子,タカハシ サキコ,saki@example.jp,S01,regular,2025-04-01,\n" +
      "K002,鈴木 ①郎,スズキ イチロウ,,S01,part_time,2025-05-01,\n";
    const db = await getDb();
    const [k2before] = await db.select().from(employees).where(eq(employees.employeeNumber, "K002"));
    const preview = await upload(en, "preview");
    expect(preview.body).toMatchObject({ encoding: "utf-8-bom", inserted: 0, updated: 1, unchanged: 1, errors: [] });
    expect(preview.body.changes).toEqual([{ line: 3, action: "update", employeeNumber: "K002", name: "鈴木 ①郎", fields: ["departmentId"] }]);
    const commit = await upload(en, "commit");
    expect(commit.body).toMatchObject({ committed: true, updated: 1, unchanged: 1 });
    const [k2] = await db.select().from(employees).where(eq(employees.employeeNumber, "K002"));
    expect(k2.departmentId).toBe(salesId);
    expect(k2.version).toBe(k2before.version + 1);
    expect(await importCount()).toBe(imports0 + 1);
  });

  it("keeps values of columns the file does not have", async () => {
    await signInAs("hr");
    const res = await upload("社員番号,氏名,部署コード,雇用形態,入社日\nK001,髙橋 咲子,S01,正社員,2025-04-01\n", "commit");
    expect(res.body).toMatchObject({ committed: true, updated: 1 });
    const db = await getDb();
    const [k1] = await db.select().from(employees).where(eq(employees.employeeNumber, "K001"));
    expect(k1).toMatchObject({ name: "髙橋 咲子", email: "saki@example.jp", nameKana: "タカハシ サキコ" });
  });

  it("one bad row: nothing is stored, and every bad line is reported with its reason in the user's language", async () => {
    await signInAs("hr");
    const text = [
      header,
      "N001,新人 一,シンジン ハジメ,hajime@example.jp,S01,正社員,2026-04-01,",
      "N002,新人 二,,not-an-email,S01,社長,2026/02/30,",
      "N003,新人 三,,,NOPE,役員,2026-04-01,2026-03-01",
      "N001,重複,,,S01,契約社員,2026-04-01,",
    ].join("\n");
    const count0 = await employeeCount();

    const preview = await upload(text, "preview", "bad.csv", "ja");
    expect(preview.status).toBe(200);
    expect(preview.body.inserted).toBe(1);
    const lines = preview.body.errors.map((e: { line: number }) => e.line);
    expect(new Set(lines)).toEqual(new Set([3, 4, 5]));
    const messages = preview.body.errors.map((e: { line: number; column?: string; message: string }) => `${e.line}:${e.column}:${e.message}`);
    expect(messages).toContain("3:employmentType:雇用形態「社長」は使えません。正社員・契約社員・派遣社員・パート・アルバイト・役員のいずれかを入力してください。");
    expect(messages.some((m: string) => m.startsWith("3:email:"))).toBe(true);
    expect(messages.some((m: string) => m.startsWith("3:hireDate:"))).toBe(true);
    expect(messages).toContain("4:leaveDate:退職日は入社日以降の日付にしてください。");
    expect(messages).toContain("4:departmentCode:部署コード「NOPE」は登録されていません。");
    expect(messages).toContain("5:employeeNumber:社員番号 N001 がファイル内で重複しています（2行目と同じ番号）。");

    const commit = await upload(text, "commit", "bad.csv", "en");
    expect(commit.status).toBe(400);
    expect(commit.headers.get("content-type")).toContain("application/problem+json");
    expect(commit.body.detail).toContain("nothing was imported");
    expect(commit.body.errors.map((e: { field: string }) => e.field)).toContain("line:3:employmentType");
    expect(await employeeCount()).toBe(count0);

    // Only the department is wrong (found while planning against the database): still nothing stored.
    const deptOnly = await upload([header, "N010,新人 十,,,S01,正社員,2026-04-01,", "N011,新人 十一,,,NOPE,正社員,2026-04-01,"].join("\n"), "commit");
    expect(deptOnly.status).toBe(400);
    expect(deptOnly.body.errors).toEqual([expect.objectContaining({ field: "line:3:departmentCode" })]);
    expect(await employeeCount()).toBe(count0);
  });

  it("reports unreadable files and header problems clearly", async () => {
    await signInAs("hr");
    // A header without a required column makes the whole file unusable: 400, preview included, naming the column.
    const missing = await upload("社員番号,氏名\nX1,x\n", "preview", "x.csv", "ja");
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ line: 1, column: "departmentCode", field: "line:1:departmentCode", code: "missing_column" });
    expect(missing.body.errors[0].message).toContain("部署コード");

    const empty = await upload("", "preview");
    expect(empty.body.errors[0].line).toBe(1);

    // A ZIP signature means a workbook (whatever the name): a broken one is refused as such.
    const brokenBook = await upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]), "preview", "book.csv");
    expect(brokenBook.status).toBe(400);
    expect(brokenBook.body.errors[0]).toMatchObject({ line: 1, code: "xlsx_unreadable" });
    expect(brokenBook.body.errors[0].message).toMatch(/Excel workbook/);
    const binary = await upload(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), "preview", "image.csv");
    expect(binary.status).toBe(400);
    expect(binary.body.detail).toMatch(/could not be read/i);
    expect(binary.body.errors[0]).toMatchObject({ line: 1, code: "encoding" });
    expect(binary.body.errors[0].message).toMatch(/encoding/i);

    const noFile = await call(importRoute, "POST", "/api/v1/employees/import", { body: new FormData() });
    expect(noFile.status).toBe(400);
    expect(noFile.body.errors[0].field).toBe("file");

    const badMode = new FormData();
    badMode.set("file", new File(["a"], "a.csv"));
    badMode.set("mode", "yolo");
    expect((await call(importRoute, "POST", "/api/v1/employees/import", { body: badMode })).status).toBe(400);

    const notMultipart = await call(importRoute, "POST", "/api/v1/employees/import", { json: { file: "x" } });
    expect(notMultipart.status).toBe(415);

    const big = await upload(new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41), "preview");
    expect(big.status).toBe(413);
    expect(big.body.detail).toContain("10 MB");
  });
});
