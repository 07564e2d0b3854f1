import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import * as incidentsExport from "@/app/api/v1/incidents/export.csv/route";
import * as departmentsRoute from "@/app/api/v1/departments/route";
import * as departmentsExport from "@/app/api/v1/departments/export.csv/route";
import * as departmentRetire from "@/app/api/v1/departments/[id]/retire/route";
import * as organizationRoute from "@/app/api/v1/settings/organization/route";
import * as requestsExport from "@/app/api/v1/requests/export.csv/route";
import * as packRoute from "@/app/api/v1/renewal/pack/route";
import { getDb } from "@/db";
import { auditLog } from "@/db/schema";
import { addDays, todayInTokyo } from "@/lib/dates";
import { and, desc, eq, gt } from "drizzle-orm";
import { XLSX_CONTENT_TYPE } from "@/lib/list/export-format";
import { call, signInAs } from "../support/api";

/** Every list export answers CSV by default and an Excel workbook with ?format=xlsx (lib/list/export-table.ts). */

type RouteModule = { GET: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> };

async function get(mod: RouteModule, path: string, locale = "ja") {
  return mod.GET(new Request(`http://localhost${path}`, { headers: { "accept-language": locale } }), { params: Promise.resolve({}) });
}

async function sheetOf(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb.worksheets[0];
}

const headerOf = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);

const today = todayInTokyo();
let dept = 0;

beforeAll(async () => {
  await signInAs("privacy_manager");
  const d = await call(departmentsRoute, "POST", "/api/v1/departments", { json: { code: "X01", name: "情報システム部" } });
  expect(d.status, d.text).toBe(201);
  dept = d.body.id;
  for (const [i, title] of ["顧客宛メールの誤送信", "USBメモリの紛失", "=HYPERLINK(\"http://x\")"].entries()) {
    const r = await call(incidentsRoute, "POST", "/api/v1/incidents", {
      json: { title, category: "misdirected", discoveredAt: `${addDays(today, -1 - i)}T10:30`, departmentId: dept, description: "テスト", personsAffected: i + 1 },
    });
    expect(r.status, r.text).toBe(201);
  }
  const other = await call(departmentsRoute, "POST", "/api/v1/departments", { json: { code: "X02", name: "旧総務部" } });
  const retired = await call(departmentRetire, "POST", `/api/v1/departments/${other.body.id}/retire`, { params: { id: other.body.id }, json: { version: other.body.version } });
  expect(retired.status, retired.text).toBe(200);
});

describe("list export as Excel", () => {
  it("incidents: the same columns as the CSV, Japanese headers in a bold frozen row, one row per incident, dates as dates", async () => {
    await signInAs("executive");
    const csvRes = await get(incidentsExport, "/api/v1/incidents/export.csv");
    expect(csvRes.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const csvLines = new TextDecoder().decode(await csvRes.arrayBuffer()).trim().split("\r\n");

    const res = await get(incidentsExport, "/api/v1/incidents/export.csv?format=xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(XLSX_CONTENT_TYPE);
    const disposition = res.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="[^"]*\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe(`インシデント一覧_${today}.xlsx`);
    expect(res.headers.get("cache-control")).toBe("no-store");

    const ws = await sheetOf(res);
    const header = headerOf(ws);
    expect(header.join(",")).toBe(csvLines[0].replace(/^\uFEFF/, ""));
    expect(header).toContain("発見日時");
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.rowCount - 1).toBe(csvLines.length - 1);
    expect(ws.rowCount - 1).toBe(3);

    const col = (name: string) => header.indexOf(name) + 1;
    const discovered = ws.getRow(2).getCell(col("発見日時"));
    expect(discovered.value).toBeInstanceOf(Date);
    expect(discovered.numFmt).toBe("yyyy/mm/dd hh:mm");
    // Tokyo wall clock, as the CSV shows it.
    const shown = (discovered.value as Date).toISOString().slice(0, 16).replace("T", " ").replaceAll("-", "/");
    expect(csvLines.slice(1).some((l) => l.includes(shown))).toBe(true);
    // Date columns: real dates where there is one, empty cells (not "") where there is none.
    const dateCells = header.flatMap((_, i) => [2, 3, 4].map((r) => ws.getRow(r).getCell(i + 1))).filter((c) => c.numFmt === "yyyy/mm/dd");
    expect(ws.getRow(2).getCell(col("委員会速報期限")).numFmt).toBe("yyyy/mm/dd");
    expect(dateCells.some((c) => c.value instanceof Date)).toBe(true);
    expect(dateCells.every((c) => c.value instanceof Date || c.value === null)).toBe(true);
    expect(ws.getRow(2).getCell(col("本人数")).type).toBe(ExcelJS.ValueType.Number);
    // Text is text in a workbook: the formula-like title is not a formula.
    const titles = [2, 3, 4].map((r) => ws.getRow(r).getCell(col("件名")));
    expect(titles.map((c) => c.value)).toContain('=HYPERLINK("http://x")');
    expect(titles.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
  });

  it("applies the list's filters and answers in English for an English reader", async () => {
    await signInAs("auditor");
    const res = await get(incidentsExport, "/api/v1/incidents/export.csv?format=xlsx&q=USB", "en");
    const ws = await sheetOf(res);
    expect(headerOf(ws)[0]).toBe("Reference");
    expect(ws.rowCount).toBe(2);
    expect(decodeURIComponent(res.headers.get("content-disposition")!.split("UTF-8''")[1])).toMatch(/\.xlsx$/);
  });

  it("departments: counts as numbers, the retirement date as a date, empty cells empty", async () => {
    await signInAs("hr");
    const ws = await sheetOf(await get(departmentsExport, "/api/v1/departments/export.csv?format=xlsx&includeRetired=true"));
    expect(headerOf(ws)).toEqual(["部署コード", "部署名", "在籍者数", "状態", "廃止日"]);
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    expect(rows).toHaveLength(2);
    const active = rows.find((r) => r[1] === "X01")!;
    const retired = rows.find((r) => r[1] === "X02")!;
    expect(active[3]).toBe(0);
    expect(active[5]).toBeUndefined();
    expect(retired[5]).toBeInstanceOf(Date);
    expect((retired[5] as Date).toISOString().slice(0, 10)).toBe(today);
  });

  it("an unknown format is a 400; no format is the CSV as before", async () => {
    await signInAs("hr");
    const bad = await call(departmentsExport, "GET", "/api/v1/departments/export.csv?format=pdf");
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe("format");
    const csv = await get(departmentsExport, "/api/v1/departments/export.csv");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(decodeURIComponent(csv.headers.get("content-disposition")!.split("UTF-8''")[1])).toMatch(/^部署一覧_\d{8}\.csv$/);
  });

  it("a workbook carries the organisation entered in Settings as its company; none while it is not entered", async () => {
    await signInAs("executive");
    const before = new ExcelJS.Workbook();
    await before.xlsx.load(await (await get(departmentsExport, "/api/v1/departments/export.csv?format=xlsx")).arrayBuffer());
    expect(before.company ?? "").toBe("");

    await signInAs("privacy_manager");
    const current = await call(organizationRoute, "GET", "/api/v1/settings/organization");
    const saved = await call(organizationRoute, "PUT", "/api/v1/settings/organization", {
      json: { name: "テスト株式会社", representative: "代表取締役 テスト", version: current.body.version },
    });
    expect(saved.status, saved.text).toBe(200);

    await signInAs("executive");
    const after = new ExcelJS.Workbook();
    await after.xlsx.load(await (await get(departmentsExport, "/api/v1/departments/export.csv?format=xlsx")).arrayBuffer());
    expect(after.company).toBe("テスト株式会社");
  });
});

describe("every download is an audit entry", () => {
  async function lastAuditId() {
    const [row] = await (await getDb()).select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    return row?.id ?? 0;
  }
  async function exportsSince(id: number) {
    return (await getDb()).select().from(auditLog).where(and(gt(auditLog.id, id), eq(auditLog.action, "export"))).orderBy(auditLog.id);
  }

  it("who downloaded which list, in which format, how many rows and by which filters", async () => {
    const before = await lastAuditId();
    const user = await signInAs("auditor");
    const res = await get(incidentsExport, "/api/v1/incidents/export.csv?format=xlsx&q=USB", "en");
    expect(res.status).toBe(200);
    const ws = await sheetOf(res);
    const [entry, ...more] = await exportsSince(before);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actorId: user!.id, actorEmail: user!.email, entity: "incident", entityId: null, before: null });
    // The rows counted are the rows in the file (the header row aside); the filters as the list applied them.
    expect(entry.after).toMatchObject({ format: "xlsx", rows: ws.rowCount - 1, filters: { q: "USB" } });
    expect((entry.after as { filters: Record<string, unknown> }).filters).not.toHaveProperty("format");
  });

  it("a CSV download is one entry too; a download refused to the role writes none", async () => {
    let before = await lastAuditId();
    await signInAs("hr");
    const csv = await get(departmentsExport, "/api/v1/departments/export.csv");
    expect(csv.status).toBe(200);
    const lines = new TextDecoder().decode(await csv.arrayBuffer()).trim().split("\r\n");
    const [entry] = await exportsSince(before);
    expect(entry).toMatchObject({ entity: "department", after: { format: "csv", rows: lines.length - 1 } });

    before = await lastAuditId();
    await signInAs("hr"); // HR has no part in individuals' requests (§6)
    const refused = await call(requestsExport, "GET", "/api/v1/requests/export.csv");
    expect(refused.status).toBe(403);
    expect(await exportsSince(before)).toEqual([]);
  });

  it("the renewal pack's workbook is audited with its parameters and the rows of every sheet", async () => {
    const before = await lastAuditId();
    await signInAs("privacy_manager");
    const res = await get(packRoute, "/api/v1/renewal/pack");
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const [entry] = await exportsSince(before);
    expect(entry).toMatchObject({ entity: "renewal_pack", after: { format: "xlsx" } });
    const after = entry.after as { rows: number; sheets: string[]; filters: Record<string, unknown> };
    expect(after.sheets).toEqual(wb.worksheets.map((w) => w.name));
    expect(Object.keys(after.filters).length).toBeGreaterThan(0);
  });
});
