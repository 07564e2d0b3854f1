import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { count, eq } from "drizzle-orm";
import * as employeesImport from "@/app/api/v1/employees/import/route";
import * as contractorsImport from "@/app/api/v1/contractors/import/route";
import * as recordsImport from "@/app/api/v1/training-records/import/route";
import { getDb } from "@/db";
import { contractors, courses, departments, employees, trainingRecords } from "@/db/schema";
import { importLineErrorSchema } from "@/lib/csv/import";
import { call, signInAs } from "../support/api";

/**
 * What the three importers share (db/queries/imports/pipeline.ts): one line-error format in preview,
 * in a refused commit and at the end of a progress stream; Excel workbooks read like CSV; the row
 * cap; all or nothing.
 */

type Route = { POST: unknown };
const IMPORTERS: { name: string; route: Route; path: string; bad: string; badField: string; table: typeof employees | typeof contractors | typeof trainingRecords }[] = [
  {
    name: "employees",
    route: employeesImport,
    path: "/api/v1/employees/import",
    bad: "社員番号,氏名,部署コード,雇用形態,入社日\nW001,良い 行,W01,正社員,2025-04-01\nW002,,W01,社長,2025-04-01\n",
    badField: "line:3:name",
    table: employees,
  },
  {
    name: "contractors",
    route: contractorsImport,
    path: "/api/v1/contractors/import",
    bad: "名称,委託業務,状態\n株式会社形式テスト,印刷,候補\n,発送,謎\n",
    badField: "line:3:name",
    table: contractors,
  },
  {
    name: "training records",
    route: recordsImport,
    path: "/api/v1/training-records/import",
    bad: "社員番号,コース,受講日\nW900,W-COURSE,2025-06-01\nW404,W-COURSE,2025-06-01\n",
    badField: "line:3:employeeNumber",
    table: trainingRecords,
  },
];

function form(content: string | Uint8Array, mode: "preview" | "commit", name = "file.csv"): FormData {
  const fd = new FormData();
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  fd.set("file", new File([new Uint8Array(bytes)], name));
  fd.set("mode", mode);
  return fd;
}

const post = (route: Route, path: string, fd: FormData, headers: Record<string, string> = {}) =>
  call(route as Parameters<typeof call>[0], "POST", path, { body: fd, headers: { "accept-language": "ja", ...headers } });

async function rows(table: typeof employees | typeof contractors | typeof trainingRecords): Promise<number> {
  const db = await getDb();
  const [{ n }] = await db.select({ n: count() }).from(table);
  return Number(n);
}

async function xlsx(rowsOf: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  for (const r of rowsOf) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

let deptId = 0;

beforeAll(async () => {
  const db = await getDb();
  const [dept] = await db.insert(departments).values({ code: "W01", name: "取込検証部" }).returning();
  deptId = dept.id;
  await db.insert(employees).values({ employeeNumber: "W900", name: "受講 太郎", departmentId: dept.id, employmentType: "regular", hireDate: "2020-04-01" });
  await db.insert(courses).values({ code: "W-COURSE", title: "取込検証研修", passMark: 70, requiredFrom: "2024-04-01" });
});

describe("one import pipeline", () => {
  it("every importer reports line errors in ONE format: preview, refused commit and progress stream alike; nothing is stored", async () => {
    await signInAs("privacy_manager");
    for (const imp of IMPORTERS) {
      const before = await rows(imp.table);
      const preview = await post(imp.route, imp.path, form(imp.bad, "preview"));
      expect(preview.status, imp.name).toBe(200);
      expect(preview.body.errorCount, imp.name).toBeGreaterThan(0);
      for (const e of preview.body.errors) {
        expect(importLineErrorSchema.strict().parse(e), imp.name).toEqual(e);
        expect(e.field).toBe(`line:${e.line}${e.column ? `:${e.column}` : ""}`);
        expect(e.message).not.toMatch(/^[a-z]+\.[a-zA-Z.]+$/); // a sentence, not a message key
      }
      expect(preview.body.errors.map((e: { field: string }) => e.field), imp.name).toContain(imp.badField);

      const commit = await post(imp.route, imp.path, form(imp.bad, "commit"));
      expect(commit.status, imp.name).toBe(400);
      expect(commit.headers.get("content-type")).toContain("application/problem+json");
      expect(commit.body.detail, imp.name).toContain("何も登録していません");
      expect(commit.body.errorCount, imp.name).toBe(preview.body.errorCount);
      expect(commit.body.errors, imp.name).toEqual(preview.body.errors);

      const streamed = await post(imp.route, imp.path, form(imp.bad, "commit"), { accept: "application/x-ndjson" });
      expect(streamed.headers.get("cache-control"), imp.name).toBe("no-store, no-transform");
      const end = JSON.parse(streamed.text.trim().split("\n").at(-1)!);
      expect(end.phase, imp.name).toBe("error");
      expect(end.problem.errors, imp.name).toEqual(preview.body.errors);
      expect(await rows(imp.table), imp.name).toBe(before);
    }
  });

  it("a file that cannot be read is refused the same way by every importer", async () => {
    await signInAs("privacy_manager");
    for (const imp of IMPORTERS) {
      const r = await post(imp.route, imp.path, form(new Uint8Array([0xff, 0xfe, 0x41, 0, 0x42, 0]), "preview"), { "accept-language": "en" });
      expect(r.status, imp.name).toBe(400);
      expect(r.body).toMatchObject({ detail: "The file could not be read as CSV or Excel (.xlsx).", errorCount: 1 });
      expect(r.body.errors).toEqual([{ line: 1, field: "line:1", code: "encoding", message: expect.stringContaining("encoding") }]);
    }
  });

  it("employees from an Excel workbook: dates as date cells, numbers as numbers; preview, then a streamed commit", async () => {
    await signInAs("hr");
    const book = await xlsx([
      ["社員番号", "氏名", "部署コード", "雇用形態", "入社日", "退職日"],
      ["X001", "表計算 一郎", "W01", "正社員", new Date(Date.UTC(2025, 3, 1)), null],
      [],
      [1002, "表計算 二郎", "W01", "パート", new Date(Date.UTC(2025, 4, 15)), new Date(Date.UTC(2026, 2, 31))],
    ]);
    const before = await rows(employees);
    const preview = await post(employeesImport, "/api/v1/employees/import", form(book, "preview", "社員.xlsx"));
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body).toMatchObject({ encoding: "xlsx", rows: 2, inserted: 2, errorCount: 0, errors: [] });
    expect(preview.body.changes.map((c: { line: number }) => c.line)).toEqual([2, 4]);
    expect(await rows(employees)).toBe(before);

    const commit = await post(employeesImport, "/api/v1/employees/import", form(book, "commit", "社員.xlsx"), { accept: "application/x-ndjson" });
    const lines = commit.text.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ phase: "validating", done: 0, total: 2 });
    expect(lines.at(-1)).toMatchObject({ phase: "done", result: { committed: true, encoding: "xlsx", inserted: 2 } });
    const db = await getDb();
    const [x2] = await db.select().from(employees).where(eq(employees.employeeNumber, "1002"));
    expect(x2).toMatchObject({ name: "表計算 二郎", departmentId: deptId, employmentType: "part_time", hireDate: "2025-05-15", leaveDate: "2026-03-31" });
  });

  it("training records from an Excel workbook, all or nothing: one bad row stores nothing, the corrected book stores every row", async () => {
    await signInAs("hr");
    const header = ["社員番号", "コースコード", "受講日", "点数", "受講方法"];
    const good = [
      ["W900", "W-COURSE", new Date(Date.UTC(2025, 5, 1)), 80, "集合研修"],
      ["W900", "W-COURSE", new Date(Date.UTC(2025, 5, 2)), 60, null],
    ];
    const badBook = await xlsx([header, ...good, ["W900", "W-COURSE", new Date(Date.UTC(2025, 5, 3)), 101, null]]);
    const before = await rows(trainingRecords);
    const refused = await post(recordsImport, "/api/v1/training-records/import", form(badBook, "commit", "受講.xlsx"));
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ line: 4, column: "score", field: "line:4:score" })]);
    expect(await rows(trainingRecords)).toBe(before);

    const ok = await post(recordsImport, "/api/v1/training-records/import", form(await xlsx([header, ...good]), "commit", "受講.xlsx"));
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ mode: "commit", encoding: "xlsx", inserted: 2, skipped: 0 });
    expect(await rows(trainingRecords)).toBe(before + 2);
    const db = await getDb();
    const stored = await db.select().from(trainingRecords).where(eq(trainingRecords.importId, ok.body.importId));
    expect(stored.map((r) => [r.completedOn, r.score, r.passed, r.method]).sort()).toEqual([
      ["2025-06-01", 80, true, "classroom"],
      ["2025-06-02", 60, false, "e_learning"],
    ]);
  });

  it("a file over the row cap is refused whole, naming the first line over it", async () => {
    await signInAs("privacy_manager");
    const lines = ["名称,委託業務", ...Array.from({ length: 5001 }, (_, i) => `行数検証${i},印刷`)];
    const before = await rows(contractors);
    const r = await post(contractorsImport, "/api/v1/contractors/import", form(lines.join("\n"), "commit"));
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([expect.objectContaining({ line: 5002, code: "too_many_rows" })]);
    expect(r.body.errors[0].message).toContain("5,000");
    expect(await rows(contractors)).toBe(before);
  });
});
