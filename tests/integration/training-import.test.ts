import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import iconv from "iconv-lite";
import * as importRoute from "@/app/api/v1/training-records/import/route";
import * as templateRoute from "@/app/api/v1/training-records/import/template.csv/route";
import * as historyRoute from "@/app/api/v1/training-records/import/history/route";
import { getDb } from "@/db";
import { auditLog, courses, departments, employees, trainingImports, trainingRecords } from "@/db/schema";
import { todayInTokyo } from "@/lib/dates";
import { call, signInAs } from "../support/api";

const PATH = "/api/v1/training-records/import";

function form(bytes: Uint8Array | string, mode: "preview" | "commit", name = "records.csv"): FormData {
  const fd = new FormData();
  fd.set("file", new Blob([typeof bytes === "string" ? new TextEncoder().encode(bytes) : new Uint8Array(bytes)]), name);
  fd.set("mode", mode);
  return fd;
}

const post = (fd: FormData, headers: Record<string, string> = {}) => call(importRoute, "POST", PATH, { body: fd, headers });

async function recordCount(): Promise<number> {
  const db = await getDb();
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(trainingRecords);
  return Number(r.n);
}

let courseIds: Record<string, number> = {};

beforeAll(async () => {
  const db = await getDb();
  const [dept] = await db.insert(departments).values({ code: "D01", name: "総務部" }).returning();
  await db.insert(employees).values([
    { employeeNumber: "E0001", name: "佐藤 花子", departmentId: dept.id, employmentType: "regular", hireDate: "2020-04-01" },
    { employeeNumber: "E0002", name: "鈴木 一郎", departmentId: dept.id, employmentType: "part_time", hireDate: "2021-04-01" },
    { employeeNumber: "E0003", name: "高橋 髙子", departmentId: dept.id, employmentType: "dispatched", hireDate: "2022-04-01" },
    { employeeNumber: "E0009", name: "退職 太郎", departmentId: dept.id, employmentType: "regular", hireDate: "2019-04-01", retiredAt: new Date() },
  ]);
  const rows = await db
    .insert(courses)
    .values([
      { code: "PI-BASIC", title: "個人情報保護基礎研修", passMark: 80, requiredFrom: "2024-04-01" },
      { code: "SEC-AWARE", title: "情報セキュリティ意識向上研修", passMark: null, requiredFrom: "2024-04-01" },
      { code: "OLD", title: "旧研修", passMark: null, requiredFrom: "2020-04-01", retiredAt: new Date() },
    ])
    .returning();
  courseIds = Object.fromEntries(rows.map((c) => [c.code, c.id]));
});

const SJIS_TEXT = [
  "社員番号,コース,受講日,点数,受講方法,証跡",
  "E0001,PI-BASIC,2026/6/1,85,集合研修,出席簿①",
  "E0002,PI-BASIC,2026/06/02,70,eラーニング,",
  "E0003,SEC-AWARE,2026-02-10,,動画,髙橋さん視聴済",
].join("\r\n");

describe("training-record CSV import", () => {
  it("only privacy_manager and hr may call it; 401 without a session", async () => {
    await signInAs(null);
    expect((await post(form(SJIS_TEXT, "preview"))).status).toBe(401);
    for (const role of ["auditor", "executive"] as const) {
      await signInAs(role);
      const r = await post(form(SJIS_TEXT, "preview"));
      expect(r.status).toBe(403);
      expect((await call(historyRoute, "GET", `${PATH}/history`)).status).toBe(403);
      expect((await call(templateRoute, "GET", `${PATH}/template.csv`)).status).toBe(403);
    }
    await signInAs("privacy_manager");
    expect((await post(form(SJIS_TEXT, "preview"))).status).toBe(200);
  });

  it("Shift_JIS with Japanese headers: preview detects it and stores nothing; commit stores the rows with passed computed", async () => {
    const hr = await signInAs("hr");
    const bytes = iconv.encode(SJIS_TEXT, "cp932");
    const before = await recordCount();

    const preview = await post(form(bytes, "preview", "受講記録.csv"));
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      mode: "preview",
      fileName: "受講記録.csv",
      encoding: "shift_jis",
      totalRows: 3,
      validRows: 3,
      newRows: 3,
      existingRows: 0,
      errorCount: 0,
      errors: [],
    });
    expect(preview.body.sample[0]).toMatchObject({ line: 2, employeeNumber: "E0001", employeeName: "佐藤 花子", courseCode: "PI-BASIC", completedOn: "2026-06-01", score: 85, passed: true, method: "classroom", evidence: "出席簿①", alreadyStored: false });
    expect(preview.body.sample[2]).toMatchObject({ employeeName: "高橋 髙子", evidence: "髙橋さん視聴済", method: "video", score: null, passed: true });
    expect(await recordCount()).toBe(before);

    const commit = await post(form(bytes, "commit", "受講記録.csv"));
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ mode: "commit", encoding: "shift_jis", rowCount: 3, inserted: 3, skipped: 0 });
    expect(await recordCount()).toBe(before + 3);

    const db = await getDb();
    const stored = await db.select().from(trainingRecords).where(eq(trainingRecords.importId, commit.body.importId));
    expect(stored).toHaveLength(3);
    const e2 = stored.find((r) => r.score === 70)!;
    expect(e2).toMatchObject({ passed: false, method: "e_learning", source: "import", recordedBy: hr!.id, completedOn: "2026-06-02", courseId: courseIds["PI-BASIC"] });

    const [imp] = await db.select().from(trainingImports).where(eq(trainingImports.id, commit.body.importId));
    expect(imp).toMatchObject({ fileName: "受講記録.csv", encoding: "shift_jis", rowCount: 3, insertedCount: 3, skippedCount: 0, importedBy: hr!.id });
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "training_import"), eq(auditLog.entityId, String(imp.id))));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: "import", actorId: hr!.id });
    expect(audits[0].after).toMatchObject({ inserted: 3, skipped: 0 });
  });

  it("the same file twice adds nothing: preview says already stored, commit inserts 0 and skips all", async () => {
    await signInAs("hr");
    const bytes = iconv.encode(SJIS_TEXT, "cp932");
    const before = await recordCount();
    const preview = await post(form(bytes, "preview"));
    expect(preview.body).toMatchObject({ validRows: 3, newRows: 0, existingRows: 3, errorCount: 0 });
    expect(preview.body.sample.every((s: { alreadyStored: boolean }) => s.alreadyStored)).toBe(true);
    // One new line among stored ones: counted apart, flagged per sample row.
    const mixed = await post(form(iconv.encode(`${SJIS_TEXT}\r\nE0002,SEC-AWARE,2026/05/05,,,`, "cp932"), "preview"));
    expect(mixed.body).toMatchObject({ validRows: 4, newRows: 1, existingRows: 3 });
    expect(mixed.body.sample.map((s: { alreadyStored: boolean }) => s.alreadyStored)).toEqual([true, true, true, false]);
    expect(await recordCount()).toBe(before);

    const again = await post(form(bytes, "commit"));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ inserted: 0, skipped: 3 });
    expect(await recordCount()).toBe(before);
  });

  it("UTF-8 with BOM and English headers; blank method means e-learning", async () => {
    await signInAs("privacy_manager");
    const tricky = 'He said "ok", C:\\path\\{x} NULL';
    const text = `\uFEFFemployee_number,course_code,completed_on,score,evidence\nE0001,SEC-AWARE,2026-03-01,,\nE0002,sec-aware,2026/3/2,95,"${tricky.replaceAll('"', '""')}"\n`;
    const preview = await post(form(text, "preview"));
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ encoding: "utf-8-bom", totalRows: 2, validRows: 2, newRows: 2, errorCount: 0 });
    expect(preview.body.sample[0]).toMatchObject({ method: "e_learning", passed: true, score: null });
    const commit = await post(form(text, "commit"));
    expect(commit.body).toMatchObject({ encoding: "utf-8-bom", inserted: 2, skipped: 0 });
    const db = await getDb();
    const stored = await db.select().from(trainingRecords).where(eq(trainingRecords.importId, commit.body.importId));
    expect(stored.map((r) => r.evidence).sort()).toEqual([tricky, null].sort());
  });

  it("bad rows: preview lists each with its line in Japanese; commit answers 400 with every bad line and stores NOTHING", async () => {
    await signInAs("hr");
    const future = "2999-01-01";
    const lines = [
      "社員番号,コースコード,受講日,点数,受講方法,証跡",
      "E0001,PI-BASIC,2026-07-01,90,,", // 2 good
      "E9999,PI-BASIC,2026-07-01,90,,", // 3 unknown employee
      "E0009,PI-BASIC,2026-07-01,90,,", // 4 retired employee
      "E0001,NOPE,2026-07-01,90,,", // 5 unknown course
      "E0001,OLD,2026-07-01,,,", // 6 retired course
      "E0002,SEC-AWARE,2026-02-30,,,", // 7 bad date
      `E0002,SEC-AWARE,${future},,,`, // 8 future date
      "E0002,PI-BASIC,2026-07-01,120,,", // 9 score out of range
      "E0003,PI-BASIC,2026-07-01,,,", // 10 score required
      "E0003,SEC-AWARE,2026-07-01,,電話,", // 11 unknown method
      "E0001,PI-BASIC,2026/7/1,95,,", // 12 duplicate of line 2
      "E0002,PI-BASIC", // 13 wrong number of cells
    ];
    const bytes = iconv.encode(lines.join("\r\n"), "cp932");
    const before = await recordCount();

    const preview = await post(form(bytes, "preview"), { "accept-language": "ja" });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ totalRows: 12, validRows: 1, errorCount: 11 });
    expect(preview.body.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);

    const commit = await post(form(bytes, "commit"), { "accept-language": "ja" });
    expect(commit.status).toBe(400);
    expect(commit.headers.get("content-type")).toContain("application/problem+json");
    expect(commit.body.title).toBe("入力内容に誤りがあります");
    expect(commit.body.detail).toContain("何も登録していません");
    expect(commit.body.errorCount).toBe(11);
    const byLine = new Map<number, string[]>();
    for (const e of commit.body.errors as { line: number; message: string; field: string }[]) {
      byLine.set(e.line, [...(byLine.get(e.line) ?? []), e.message]);
      // One wire format for every import's line errors (lib/csv/import.ts).
      expect(e.field).toMatch(new RegExp(`^line:${e.line}(:|$)`));
    }
    expect([...byLine.keys()]).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(byLine.get(3)![0]).toBe("社員番号「E9999」の従業員は登録されていません。");
    expect(byLine.get(4)![0]).toContain("廃止済みの従業員");
    expect(byLine.get(5)![0]).toContain("「NOPE」");
    expect(byLine.get(6)![0]).toContain("廃止済みの教育プログラム");
    expect(byLine.get(7)![0]).toContain("日付として読み取れません");
    expect(byLine.get(8)![0]).toContain("未来の日付");
    expect(byLine.get(9)![0]).toContain("0〜100");
    expect(byLine.get(10)![0]).toContain("合格点（80点）");
    expect(byLine.get(11)![0]).toContain("受講方法「電話」");
    expect(byLine.get(12)![0]).toBe("2行目と同じ従業員・コース・受講日の行です。重複を削除してください。");
    expect(byLine.get(13)![0]).toContain("列の数が見出し行と異なります");
    expect(await recordCount()).toBe(before);

    const en = await post(form(bytes, "commit"));
    expect(en.body.errors[0].message).toBe('No employee has the number "E9999".');
    expect(await recordCount()).toBe(before);
  });

  it("NDJSON progress: validating and inserting lines, then done; an error ends with an error line and stores nothing", async () => {
    await signInAs("hr");
    const rows = ["社員番号,コース,受講日,点数"];
    for (let d = 1; d <= 28; d++) rows.push(`E0003,PI-BASIC,2025-02-${String(d).padStart(2, "0")},88`);
    const ok = await post(form(rows.join("\n"), "commit"), { accept: "application/x-ndjson" });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("application/x-ndjson");
    expect(ok.headers.get("cache-control")).toContain("no-transform"); // never gzip-buffered
    const lines = ok.text.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ phase: "validating", done: 0, total: 28 });
    expect(lines.some((l) => l.phase === "inserting" && l.done === 28 && l.total === 28)).toBe(true);
    const last = lines.at(-1);
    expect(last.phase).toBe("done");
    expect(last.result).toMatchObject({ mode: "commit", inserted: 28, skipped: 0, rowCount: 28 });

    const before = await recordCount();
    const bad = await post(form("社員番号,コース,受講日\nE0001,SEC-AWARE,2026-01-05\nE0404,SEC-AWARE,2026-01-05\n", "commit"), {
      accept: "application/x-ndjson",
      "accept-language": "ja",
    });
    const badLines = bad.text.trim().split("\n").map((l) => JSON.parse(l));
    const end = badLines.at(-1);
    expect(end.phase).toBe("error");
    expect(end.problem).toMatchObject({ status: 400, errorCount: 1 });
    expect(end.problem.errors[0]).toMatchObject({ line: 3, column: "employeeNumber" });
    expect(await recordCount()).toBe(before);
  });

  it("files that are not usable CSV get a 400 problem, never a 500, and store nothing", async () => {
    await signInAs("hr");
    const before = await recordCount();
    const cases: [string, Uint8Array | string, string][] = [
      ["empty", "", "empty_file"],
      ["blank lines", "\r\n\r\n", "empty_file"],
      ["png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), "encoding"],
      ["utf-16", new Uint8Array([0xff, 0xfe, 0x3e, 0x79, 0x58, 0x54]), "encoding"],
      ["no required columns", "name,email\nfoo,bar\n", "missing_column"],
      ["header twice", "社員番号,employee_number,コース,受講日\n", "duplicate_column"],
    ];
    for (const [label, bytes, code] of cases) {
      for (const mode of ["preview", "commit"] as const) {
        const r = await post(form(bytes, mode));
        expect(r.status, `${label} ${mode}`).toBe(400);
        expect(r.body.errors.map((e: { code: string }) => e.code), label).toContain(code);
        expect(r.body.detail).toBe("The file could not be read as CSV or Excel (.xlsx).");
      }
    }
    const headerOnly = await post(form("社員番号,コース,受講日\n", "commit"));
    expect(headerOnly.status).toBe(400);
    expect(headerOnly.body.detail).toBe("There are no data rows to import.");

    const noFile = new FormData();
    noFile.set("mode", "preview");
    const missing = await post(noFile);
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe("file");
    const wrongMode = form("社員番号\n", "preview");
    wrongMode.set("mode", "go");
    const badMode = await post(wrongMode);
    expect(badMode.status).toBe(400);
    expect(badMode.body.errors[0].field).toBe("mode");

    const notMultipart = await call(importRoute, "POST", PATH, { json: { mode: "preview" } });
    expect(notMultipart.status).toBe(415);
    expect(await recordCount()).toBe(before);
  });

  it("refuses a file over the size limit with 413, from Content-Length or the file itself", async () => {
    await signInAs("hr");
    const byHeader = await call(importRoute, "POST", PATH, {
      body: "x",
      headers: { "content-length": String(30 * 1024 * 1024), "content-type": "multipart/form-data; boundary=x" },
    });
    expect(byHeader.status).toBe(413);
    expect(byHeader.body.detail).toContain("20 MB");

    const big = new Uint8Array(20 * 1024 * 1024 + 1).fill(0x41);
    const byFile = await post(form(big, "preview"));
    expect(byFile.status).toBe(413);
  });

  it("template: Japanese headers and an example row that previews without errors", async () => {
    await signInAs("hr");
    const t = await call(templateRoute, "GET", `${PATH}/template.csv`);
    expect(t.status).toBe(200);
    expect(t.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(t.headers.get("content-disposition")).toContain("filename*=UTF-8''");
    // (the response text is decoded without its BOM; the bytes carry one, for Excel)
    expect(t.text.startsWith("社員番号,コースコード,受講日,点数,受講方法,証跡\r\n")).toBe(true);
    const raw = await templateRoute.GET(new Request(`http://localhost${PATH}/template.csv`), { params: Promise.resolve({}) });
    const bytes = new Uint8Array(await raw.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const example = t.text.split("\r\n")[1].split(",");
    expect(example[0]).toBe("E0001");
    expect(example[1]).toBe("PI-BASIC");
    expect(example[2]).toBe(todayInTokyo().replaceAll("-", "/"));
    const preview = await post(form(bytes, "preview"));
    expect(preview.body).toMatchObject({ encoding: "utf-8-bom", errorCount: 0, validRows: 1 });
  });

  it("history lists the latest imports with who ran them", async () => {
    await signInAs("privacy_manager");
    const h = await call(historyRoute, "GET", `${PATH}/history`);
    expect(h.status).toBe(200);
    expect(h.body.items.length).toBeGreaterThanOrEqual(4);
    expect(h.body.items.length).toBeLessThanOrEqual(20);
    const latest = h.body.items[0];
    expect(latest).toMatchObject({ rowCount: 28, insertedCount: 28, skippedCount: 0, importedBy: { email: "test-hr@example.com" } });
    expect(h.body.items.map((i: { id: number }) => i.id)).toEqual([...h.body.items.map((i: { id: number }) => i.id)].sort((a, b) => b - a));
  });
});

/**
 * 100,000 rows through preview and commit on the test database. Slow (tens of seconds on PGlite),
 * so opt-in: IMPORT_100K=1 npx vitest run --project integration tests/integration/training-import.test.ts
 */
describe.runIf(process.env.IMPORT_100K)("100,000-row file", () => {
  beforeAll(async () => {
    const db = await getDb();
    const [dept] = await db.insert(departments).values({ code: "BIG", name: "大量取込検証部" }).returning();
    await db.insert(employees).values(
      Array.from({ length: 1000 }, (_, i) => ({
        employeeNumber: `X${String(i + 1).padStart(5, "0")}`,
        name: `検証 ${i + 1}`,
        departmentId: dept.id,
        employmentType: "regular" as const,
        hireDate: "2020-04-01",
      })),
    );
    await db.insert(courses).values(Array.from({ length: 5 }, (_, i) => ({ code: `BIG-${i + 1}`, title: `大量${i + 1}`, passMark: i % 2 ? 70 : null, requiredFrom: "2024-04-01" })));
  });

  it("previews and commits 100,000 Shift_JIS rows; a second commit adds nothing", async () => {
    await signInAs("hr");
    const lines = ["社員番号,コースコード,受講日,点数,受講方法,証跡"];
    for (let e = 1; e <= 1000; e++)
      for (let c = 1; c <= 5; c++)
        for (let d = 1; d <= 20; d++) lines.push(`X${String(e).padStart(5, "0")},BIG-${c},2025/${d <= 10 ? 6 : 7}/${d},${60 + ((e + d) % 41)},集合研修,出席簿${d}`);
    const bytes = iconv.encode(lines.join("\r\n"), "cp932");
    const before = await recordCount();
    const time = async <T>(label: string, f: () => Promise<T>) => {
      const t = performance.now();
      const r = await f();
      console.log(`${label}: ${Math.round(performance.now() - t)} ms`);
      return r;
    };
    console.log(`file: ${lines.length - 1} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB Shift_JIS`);

    const preview = await time("preview", () => post(form(bytes, "preview")));
    expect(preview.body).toMatchObject({ totalRows: 100_000, validRows: 100_000, newRows: 100_000, errorCount: 0 });

    const commit = await time("commit (NDJSON progress)", () => post(form(bytes, "commit"), { accept: "application/x-ndjson" }));
    const last = JSON.parse(commit.text.trim().split("\n").at(-1)!);
    expect(last).toMatchObject({ phase: "done", result: { inserted: 100_000, skipped: 0 } });
    expect(await recordCount()).toBe(before + 100_000);

    const again = await time("preview again", () => post(form(bytes, "preview")));
    expect(again.body).toMatchObject({ newRows: 0, existingRows: 100_000 });
    const second = await time("commit again (JSON)", () => post(form(bytes, "commit")));
    expect(second.body).toMatchObject({ inserted: 0, skipped: 100_000 });
    expect(await recordCount()).toBe(before + 100_000);
  }, 600_000);
});
