import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as importRoute from "@/app/api/v1/register/import/route";
import * as exportRoute from "@/app/api/v1/register/export/route";
import * as itemsRoute from "@/app/api/v1/register/items/route";
import * as historyRoute from "@/app/api/v1/register/items/[id]/history/route";
import * as retireRoute from "@/app/api/v1/register/items/[id]/retire/route";
import * as restoreRoute from "@/app/api/v1/register/items/[id]/restore/route";
import { getDb } from "@/db";
import { auditLog, registerItems, registerRisks } from "@/db/schema";
import { todayInTokyo } from "@/lib/dates";
import { MESSAGES } from "@/lib/i18n/messages";
import { LIFECYCLE_STAGES } from "@/lib/register/enums";
import { REGISTER_COLUMN_KEYS } from "@/lib/register/import";
import { XLSX_CONTENT_TYPE } from "@/lib/list/export-format";
import { call, signInAs } from "../support/api";
import { convertAllWithLibreOffice, parseCsv, soffice } from "../support/xlsx";
import { seedDemoData } from "../support/demo-data";

/**
 * Import of an existing register (xlsx, CSV in UTF-8 and Shift_JIS; bad rows; re-import) and the
 * two-sheet export, read back with exceljs and — where LibreOffice is installed (.ci/run installs
 * it) — converted by LibreOffice Calc and read back from its CSV.
 */

const HEADERS = ["管理番号", "個人情報の名称", "種類", "本人の区分", "項目", "件数（概数）", "形態", "取得方法", "通知・同意", "利用目的", "管理部署", "委託先", "第三者提供・共同利用", "提供・共同利用の根拠", "最終見直し日", "備考"];
const ROWS: (string | number | Date | null)[][] = [
  ["IMP-001", "展示会来場者名刺情報", "個人情報", "展示会来場者", "氏名、会社名、メールアドレス", 1200, "電子・紙", "本人から（書面以外）", "ブースで口頭説明", "P5\nP7", "マーケティング部", "", "なし", "", new Date(Date.UTC(2026, 3, 1)), null],
  ["IMP-002", "ストレスチェック結果", "要配慮個人情報を含む", "従業員", "氏名、ストレスチェック結果", 125, "電子", "第三者から", "本人の同意書", "P6", "D03", "株式会社ひかり健診サービス", "なし", "", null, "高ストレス者のみ面談"],
  ["IMP-003", "共同利用先の担当者情報", "personal", "パートナー担当者", "氏名、メールアドレス", 50, "electronic", "direct_written", "事前公表", "(3)、P7", "営業部", "", "共同利用", "事前公表による共同利用", null, null],
];

async function workbook(rows = ROWS, headers = HEADERS): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("個人情報管理台帳");
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function csv(rows = ROWS): string {
  const cell = (v: string | number | Date | null) => {
    if (v === null) return "";
    const s = v instanceof Date ? v.toISOString().slice(0, 10).replaceAll("-", "/") : String(v);
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [HEADERS, ...rows].map((r) => r.map(cell).join(",")).join("\r\n");
}

function upload(bytes: string | Uint8Array<ArrayBuffer>, mode: "preview" | "commit", name = "register.xlsx", lang = "ja") {
  const form = new FormData();
  form.set("file", new File([bytes], name));
  form.set("mode", mode);
  return call(importRoute, "POST", "/api/v1/register/import", { body: form, headers: { "accept-language": lang } });
}

async function itemByCode(code: string) {
  const db = await getDb();
  const [row] = await db.select().from(registerItems).where(eq(registerItems.code, code));
  return row;
}

beforeAll(async () => {
  await seedDemoData(todayInTokyo());
});

describe("import", () => {
  it("an .xlsx preview stores nothing and says what would happen", async () => {
    await signInAs("privacy_manager");
    const res = await upload(await workbook(), "preview");
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ mode: "preview", committed: false, encoding: "xlsx", rows: 3, inserted: 3, updated: 0, errorCount: 0 });
    expect(await itemByCode("IMP-001")).toBeUndefined();
  });

  it("bad rows: every line error in the user's language, and a commit stores nothing", async () => {
    await signInAs("privacy_manager");
    const bad: (string | number | Date | null)[][] = [
      ...ROWS,
      ["IMP-004", "名称", "秘密情報", "", "", -1, "", "郵送", "", "P99", "存在しない部", "存在しない委託先株式会社", "なし", "", null, null],
      ["imp-001", "重複", "", "", "", null, "", "本人から（書面以外）", "", "", "", "", "", "", null, null],
    ];
    const ja = await upload(await workbook(bad), "commit");
    expect(ja.status).toBe(400);
    const fields = ja.body.errors.map((e: { field: string }) => e.field);
    // A bad row's unknown names are reported with its other faults, in one answer.
    expect(fields).toEqual(expect.arrayContaining(["line:5:kind", "line:5:personCount", "line:5:acquisitionMethod", "line:5:purposeIds", "line:5:ownerDepartmentId", "line:5:contractorIds", "line:6:code"]));
    expect(ja.body.errors.find((e: { field: string }) => e.field === "line:5:kind").message).toContain("「秘密情報」は使えません");
    expect(ja.body.errors.find((e: { field: string }) => e.field === "line:6:code").message).toContain("2行目");
    expect(await itemByCode("IMP-001")).toBeUndefined();
    // Names that are not in the database (purposes, contractors, departments) are line errors too.
    const refs: (string | number | Date | null)[][] = [["IMP-004", "名称", "", "", "", null, "", "郵送ではなく第三者から", "", "P99", "存在しない部", "存在しない委託先株式会社", "", "", null, null]];
    refs[0][7] = "第三者から";
    const en = await upload(await workbook(refs), "preview", "register.xlsx", "en");
    expect(en.body.errors.map((e: { field: string }) => e.field)).toEqual(["line:2:purposeIds", "line:2:ownerDepartmentId", "line:2:contractorIds"]);
    expect(en.body.errors[0].message).toBe('The purpose "P99" is not in the list of purposes.');
  });

  it("commit stores every row with its links, history and audit; importing again changes nothing", async () => {
    await signInAs("privacy_manager");
    const res = await upload(await workbook(), "commit");
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ committed: true, inserted: 3 });
    const one = await itemByCode("IMP-001");
    expect(one).toMatchObject({ form: "both", acquisitionMethod: "direct_other", personCount: 1200, lastReviewedOn: "2026-04-01", nextReviewDueOn: "2027-04-01", dataItems: ["氏名", "会社名", "メールアドレス"] });
    const two = await itemByCode("IMP-002");
    expect(two).toMatchObject({ kind: "sensitive", acquisitionMethod: "third_party", note: "高ストレス者のみ面談" });
    const history = await call(historyRoute, "GET", `/api/v1/register/items/${two.id}/history`, { params: { id: two.id } });
    expect(history.body.items[0]).toMatchObject({ version: 1, action: "imported" });
    expect(history.body.items[0].snapshot.contractors).toEqual([expect.objectContaining({ name: "株式会社ひかり健診サービス" })]);
    expect(history.body.items[0].snapshot.purposes.map((p: { code: string }) => p.code)).toEqual(["P6"]);
    const three = await call(historyRoute, "GET", `/api/v1/register/items/${(await itemByCode("IMP-003")).id}/history`, { params: { id: (await itemByCode("IMP-003")).id } });
    expect(three.body.items[0].snapshot.purposes.map((p: { code: string }) => p.code)).toEqual(["P3", "P7"]);
    const db = await getDb();
    expect((await db.select().from(auditLog).where(eq(auditLog.entity, "register_item"))).filter((a) => a.action === "import")).toHaveLength(3);

    const again = await upload(await workbook(), "commit");
    expect(again.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect((await itemByCode("IMP-001")).version).toBe(1);
  });

  it("reads CSV in UTF-8 and in Shift_JIS; a changed cell is an update with a new version", async () => {
    await signInAs("privacy_manager");
    const utf8 = await upload(csv(), "preview", "register.csv");
    expect(utf8.status, utf8.text).toBe(200);
    expect(utf8.body).toMatchObject({ encoding: "utf-8", unchanged: 3, errorCount: 0 });
    const changed = ROWS.map((r) => [...r]);
    changed[1][15] = "高ストレス者は産業医面談";
    const sjis = new Uint8Array(iconv.encode(csv(changed), "Shift_JIS")) as Uint8Array<ArrayBuffer>;
    const res = await upload(sjis, "commit", "register.csv");
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ encoding: "shift_jis", inserted: 0, updated: 1, unchanged: 2 });
    expect(await itemByCode("IMP-002")).toMatchObject({ note: "高ストレス者は産業医面談", version: 2 });
  });

  it("a row that would change a retired item is a line error (restore it first); unchanged it passes; restored it imports", async () => {
    await signInAs("privacy_manager");
    const db = await getDb();
    const item = await itemByCode("IMP-001");
    const retired = await call(retireRoute, "POST", `/api/v1/register/items/${item.id}/retire`, { params: { id: item.id }, json: { version: item.version } });
    expect(retired.status, retired.text).toBe(200);
    const stored = await itemByCode("IMP-001");
    const three = await itemByCode("IMP-003");
    const auditsBefore = (await db.select().from(auditLog).where(eq(auditLog.entity, "register_item"))).length;

    // The retired item's row changed (and another row changed beside it): the preview names the line in the reader's language.
    const changed = [ROWS[0], ROWS[2]].map((r) => [...r]);
    changed[0][15] = "廃止後の変更";
    changed[1][15] = "共同利用先の見直し";
    const ja = await upload(await workbook(changed), "preview");
    expect(ja.status, ja.text).toBe(200);
    expect(ja.body).toMatchObject({ errorCount: 1, updated: 1 });
    expect(ja.body.errors[0]).toMatchObject({ field: "line:2:code" });
    expect(ja.body.errors[0].message).toContain("管理番号 IMP-001 の台帳項目は廃止されています");
    const en = await upload(await workbook(changed), "preview", "register.xlsx", "en");
    expect(en.body.errors[0].message).toContain("Item IMP-001 is retired");

    // All or nothing: the commit is refused and neither row is written.
    const commit = await upload(await workbook(changed), "commit");
    expect(commit.status).toBe(400);
    expect(commit.body.errors.map((e: { field: string }) => e.field)).toEqual(["line:2:code"]);
    expect(await itemByCode("IMP-001")).toMatchObject({ version: stored.version, note: null });
    expect((await itemByCode("IMP-001")).retiredAt).not.toBeNull();
    expect(await itemByCode("IMP-003")).toMatchObject({ version: three.version, note: null });
    expect((await db.select().from(auditLog).where(eq(auditLog.entity, "register_item"))).length).toBe(auditsBefore);

    // Its row as stored (an export of every item, retired ones included, comes back): nothing to do, no error.
    const same = await upload(await workbook([ROWS[0]]), "preview");
    expect(same.body).toMatchObject({ errorCount: 0, unchanged: 1, updated: 0 });

    // Restored on its page, the item takes the import.
    const restored = await call(restoreRoute, "POST", `/api/v1/register/items/${item.id}/restore`, { params: { id: item.id }, json: { version: stored.version } });
    expect(restored.status, restored.text).toBe(200);
    const after = await upload(await workbook(changed), "commit");
    expect(after.status, after.text).toBe(200);
    expect(after.body).toMatchObject({ updated: 2 });
    expect(await itemByCode("IMP-001")).toMatchObject({ note: "廃止後の変更", retiredAt: null });
  });

  it("HR may not import", async () => {
    await signInAs("hr");
    expect((await upload(await workbook(), "preview")).status).toBe(403);
  });
});

type Sheet = { name: string; rows: string[][] };

async function readXlsx(bytes: ArrayBuffer): Promise<{ sheets: Sheet[]; wb: ExcelJS.Workbook }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const sheets = wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v == null ? "" : String(v)))));
    return { name: ws.name, rows };
  });
  return { sheets, wb };
}


async function exportBytes(locale: "ja" | "en", query = ""): Promise<{ res: Response; bytes: ArrayBuffer }> {
  const res = await exportRoute.GET(new Request(`http://localhost/api/v1/register/export${query}`, { headers: { "accept-language": locale } }), { params: Promise.resolve({}) });
  return { res, bytes: await res.arrayBuffer() };
}

describe("export", () => {
  it("one workbook: the register and the risk analysis, Japanese headers, frozen header row, widths; re-importable as it is", async () => {
    await signInAs("auditor");
    const { res, bytes } = await exportBytes("ja");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(XLSX_CONTENT_TYPE);
    expect(decodeURIComponent(res.headers.get("content-disposition")!.split("UTF-8''")[1])).toBe(`個人情報管理台帳_${todayInTokyo()}.xlsx`);
    const { sheets, wb } = await readXlsx(bytes);
    expect(sheets.map((x) => x.name)).toEqual(["個人情報管理台帳", "リスク分析"]);
    const [register, risks] = sheets;
    expect(register.rows[0].slice(0, 4)).toEqual(["管理番号", "個人情報の名称", "種類", "本人の区分"]);
    expect(register.rows.map((r) => r[0])).toContain("PI-001");
    expect(register.rows.length - 1).toBeGreaterThanOrEqual(15);
    expect(risks.rows[0]).toEqual(["管理番号", "個人情報の名称", "局面", "リスク", "内容", "発生可能性", "影響度", "リスク値", "対策", "残存・発生可能性", "残存・影響度", "残存リスク値", "受容日", "受容者", "受容の理由"]);
    const firstRisk = risks.rows[1];
    expect(firstRisk[0]).toBe("PI-001");
    expect(["取得・入力", "移送・送信", "利用・加工", "保管・バックアップ", "消去・廃棄"]).toContain(firstRisk[2]);
    expect(Number(firstRisk[7])).toBe(Number(firstRisk[5]) * Number(firstRisk[6]));
    expect(firstRisk[8]).toMatch(/^【(組織的|人的|物理的|技術的)安全管理措置】/);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.getRow(1).font?.bold).toBe(true);
      expect(ws.getColumn(2).width).toBeGreaterThan(10);
    }
    // The register sheet is the first: the workbook imports back unchanged.
    await signInAs("privacy_manager");
    const back = await upload(new Uint8Array(bytes) as Uint8Array<ArrayBuffer>, "preview");
    expect(back.status, back.text).toBe(200);
    expect(back.body).toMatchObject({ errorCount: 0, inserted: 0, updated: 0 });
  });

  it("English headers and labels for an English reader; the filters select the items and their risks", async () => {
    await signInAs("executive");
    const { bytes } = await exportBytes("en", "?sensitive=true");
    const { sheets } = await readXlsx(bytes);
    expect(sheets.map((x) => x.name)).toEqual(["Register", "Risk analysis"]);
    expect(sheets[0].rows[0].slice(0, 3)).toEqual(["Item code", "Personal information", "Kind"]);
    const kinds = sheets[0].rows.slice(1).map((r) => r[2]);
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(["Includes special care-required information"]));
    const codes = new Set(sheets[1].rows.slice(1).map((r) => r[0]));
    expect(codes).toContain("PI-014");
    expect([...codes].every((c) => sheets[0].rows.some((r) => r[0] === c))).toBe(true);
    expect(sheets[1].rows[0].slice(2, 4)).toEqual(["Stage", "Risk"]);
    // Stages, risks and safeguards in the words of the screen (messages registerRisks.*), not a copy of them.
    const en = MESSAGES.en.registerRisks;
    for (const r of sheets[1].rows.slice(1)) {
      expect(Object.values(en.stage)).toContain(r[2]);
      expect(Object.values(en.threat)).toContain(r[3]);
    }
    expect(sheets[1].rows.slice(1).flatMap((r) => r[8].split("\n")).filter(Boolean).every((c) => Object.values(en.safeguard).some((s) => c.startsWith(`${s}: `)))).toBe(true);
  });

  it("a sort and a filter: the register sheet is the list's items in the list's order with their purposes and contractors; the risk sheet their live risks by item and stage", async () => {
    await signInAs("auditor");
    const query = "?status=all&sort=department&dir=desc";
    const list = await call(itemsRoute, "GET", `/api/v1/register/items${query}&pageSize=200`);
    expect(list.status, list.text).toBe(200);
    type Item = { id: number; code: string; purposes: { code: string; text: string }[]; contractors: { name: string }[]; retiredAt: string | null };
    const items = list.body.items as Item[];
    expect(list.body.total).toBe(items.length);
    expect(items.some((i) => i.retiredAt)).toBe(true);
    expect(items.some((i) => i.contractors.length > 1 || i.purposes.length > 1)).toBe(true);

    const { sheets } = await readXlsx((await exportBytes("en", query)).bytes);
    const [register, risks] = sheets;
    // An empty cell reads back as a hole in the row.
    const cell = (r: string[], k: (typeof REGISTER_COLUMN_KEYS)[number]) => r[REGISTER_COLUMN_KEYS.indexOf(k)] ?? "";
    expect(register.rows.slice(1).map((r) => r[0])).toEqual(items.map((i) => i.code));
    expect(register.rows.slice(1).map((r) => cell(r, "purposeIds"))).toEqual(items.map((i) => i.purposes.map((p) => `${p.code} ${p.text}`).join("\n")));
    expect(register.rows.slice(1).map((r) => cell(r, "contractorIds"))).toEqual(items.map((i) => i.contractors.map((c) => c.name).join("\n")));

    // Live risks only, in the items' order, then by lifecycle stage and id.
    const db = await getDb();
    const all = await db.select({ id: registerRisks.id, itemId: registerRisks.itemId, stage: registerRisks.stage, description: registerRisks.description, retiredAt: registerRisks.retiredAt }).from(registerRisks);
    expect(all.some((r) => r.retiredAt)).toBe(true);
    const order = new Map(items.map((i, n) => [i.id, n]));
    const expected = all
      .filter((r) => !r.retiredAt && order.has(r.itemId))
      .sort((a, b) => order.get(a.itemId)! - order.get(b.itemId)! || LIFECYCLE_STAGES.indexOf(a.stage) - LIFECYCLE_STAGES.indexOf(b.stage) || a.id - b.id);
    const stage = MESSAGES.en.registerRisks.stage as Record<string, string>;
    expect(risks.rows.slice(1).map((r) => [r[0], r[2], r[4] ?? ""])).toEqual(expected.map((r) => [items[order.get(r.itemId)!].code, stage[r.stage], r.description]));
  });

  it.skipIf(!soffice)("opens cleanly in LibreOffice Calc: both sheets convert and read back (ja and en)", async () => {
    await signInAs("auditor");
    const books = { ja: (await exportBytes("ja")).bytes, en: (await exportBytes("en")).bytes };
    // Both workbooks in one start of LibreOffice (tests/support/xlsx.ts).
    const convertedBooks = convertAllWithLibreOffice({ register_ja: books.ja, register_en: books.en });
    for (const locale of ["ja", "en"] as const) {
      const { sheets } = await readXlsx(books[locale]);
      const converted = convertedBooks.get(`register_${locale}`)!;
      expect([...converted.keys()].sort()).toEqual(sheets.map((x) => x.name).sort());
      for (const sheet of sheets) {
        const text = converted.get(sheet.name)!;
        const lines = parseCsv(text);
        expect(lines[0]).toEqual(sheet.rows[0]);
        expect(lines.length).toBe(sheet.rows.length);
        // Codes and texts survive; dates come back as the yyyy/mm/dd the sheet shows.
        expect(lines.map((l) => l[0])).toEqual(sheet.rows.map((r) => r[0]));
        expect(lines[1][1]).toBe(sheet.rows[1][1]);
      }
      const register = parseCsv(converted.get(sheets[0].name)!);
      const dueColumn = register[0].indexOf(locale === "ja" ? "次回見直し期限" : "Next review due");
      expect(register[1][dueColumn]).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
    }
  }, 240_000);
});
