import { beforeAll, describe, expect, it } from "vitest";
import * as packRoute from "@/app/api/v1/renewal/pack/route";
import * as contractorRoute from "@/app/api/v1/contractors/[id]/route";
import { listAudits, listFindings } from "@/db/queries/audits";
import { listManagementReviews } from "@/db/queries/management-reviews";
import { listPosts } from "@/db/queries/pms-structure";
import { listRegulations } from "@/db/queries/regulations";
import { getRenewalPack, packContext } from "@/db/queries/renewal-pack";
import { getFiscalYearStartMonth } from "@/db/queries/settings";
import { exportTrainingStatusRows } from "@/db/queries/training-status";
import { INTERNAL_AUDIT_TYPES, FINDING_GRADES } from "@/lib/audits/rules";
import { compareDates, todayInTokyo } from "@/lib/dates";
import { currentFiscalYear, fiscalYearRange } from "@/lib/fiscal-year";
import { XLSX_CONTENT_TYPE } from "@/lib/list/export-format";
import { listFindingsQuery, listAuditsQuery, listManagementReviewsQuery } from "@/lib/audits/schema";
import { listRegulationsQuery } from "@/lib/regulations/schema";
import { exportTrainingStatusQuery } from "@/lib/training/status-query";
import { packQuery, resolvePackParams, type PackParams } from "@/lib/renewal/pack";
import { call, signInAs } from "../support/api";
import { convertAllWithLibreOffice, parseCsv, readXlsx, soffice } from "../support/xlsx";
import { seedDemoData } from "../support/demo-data";

/**
 * The renewal pack (docs/domain.md, "The renewal pack"): each summary's figures are the modules' own
 * (the training status list, the audits and findings lists, the management reviews, the posts, the
 * regulations list) for the same period; the route's workbook has a sheet per document and opens in
 * LibreOffice Calc; bad periods are 400.
 */

let today: string;
let startMonth: number;

beforeAll(async () => {
  today = todayInTokyo();
  await seedDemoData(today);
  startMonth = await getFiscalYearStartMonth();
});

async function params(q: Record<string, string> = {}): Promise<PackParams> {
  const r = resolvePackParams(packQuery.parse(q), await packContext(today));
  if (!r.params) throw new Error(JSON.stringify(r.errors));
  return r.params;
}

function get(query = "", lang = "ja") {
  return call(packRoute, "GET", `/api/v1/renewal/pack${query}`, { headers: { "accept-language": lang } });
}

async function getBytes(query = "") {
  const res = await packRoute.GET(new Request(`http://localhost/api/v1/renewal/pack${query}`), { params: Promise.resolve({}) });
  return { res, bytes: await res.arrayBuffer() };
}

describe("the training summary equals the training status list", () => {
  it("per fiscal year, course and employment type: required, trained within the year, up to date, exempt (the default period and the running year)", async () => {
    const cur = currentFiscalYear(today, startMonth);
    for (const p of [await params(), await params({ from: fiscalYearRange(cur, startMonth).start, to: today })]) {
      const pack = await getRenewalPack(p, today);
      expect(pack.training.length).toBeGreaterThan(0);
      let compared = 0;
      for (const y of pack.training) {
        const { rows, scope } = await exportTrainingStatusRows(exportTrainingStatusQuery.parse({ fiscalYear: String(y.fiscalYear) }), today);
        expect(scope.asOf).toBe(y.asOf);
        const required = rows.filter((r) => r.status !== "exempt");
        // Every course with anyone required is in the summary, and no other with required pairs.
        expect(new Set(y.courses.filter((c) => Object.values(c.byType).some((n) => n.required + n.exempt > 0)).map((c) => c.courseId))).toEqual(new Set(rows.map((r) => r.course.id)));
        for (const c of y.courses) {
          for (const [type, n] of Object.entries(c.byType)) {
            const mine = rows.filter((r) => r.course.id === c.courseId && r.employee.employmentType === type);
            const req = required.filter((r) => r.course.id === c.courseId && r.employee.employmentType === type);
            expect(n, `${y.fiscalYear} ${c.code} ${type}`).toEqual({
              required: req.length,
              trained: req.filter((r) => r.lastCompletedOn !== null && compareDates(r.lastCompletedOn, y.start) >= 0).length,
              compliant: mine.filter((r) => r.status === "compliant").length,
              exempt: mine.filter((r) => r.status === "exempt").length,
            });
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(0);
    }
  });
  it("counts dispatched staff, part-timers and executives among those required", async () => {
    const pack = await getRenewalPack(await params({ from: fiscalYearRange(currentFiscalYear(today, startMonth), startMonth).start, to: today }), today);
    const types = new Set(pack.training.flatMap((y) => y.courses.flatMap((c) => Object.entries(c.byType).filter(([, n]) => n.required > 0).map(([t]) => t))));
    for (const t of ["regular", "dispatched", "part_time", "executive"]) expect(types).toContain(t);
  });
});

describe("the audit and management review summary equals the audits, findings and reviews lists", () => {
  it("internal audits dated in the period with findings by grade and verified counts as the findings list counts them", async () => {
    const cur = currentFiscalYear(today, startMonth);
    const p = await params({ from: fiscalYearRange(cur - 2, startMonth).start, to: today });
    const pack = await getRenewalPack(p, today);
    expect(pack.audits.length).toBeGreaterThan(0);
    const listed = (
      await Promise.all([cur - 3, cur - 2, cur - 1, cur, cur + 1].map((fy) => listAudits(listAuditsQuery.parse({ fy: String(fy), pageSize: "200" }))))
    )
      .flatMap((l) => l.items)
      .filter((a) => INTERNAL_AUDIT_TYPES.includes(a.type))
      .filter((a) => compareDates(a.actualStart ?? a.plannedStart, p.from) >= 0 && compareDates(a.actualStart ?? a.plannedStart, p.to) <= 0);
    expect(pack.audits.map((a) => a.id).sort()).toEqual(listed.map((a) => a.id).sort());
    let findings = 0;
    for (const a of pack.audits) {
      for (const g of FINDING_GRADES) {
        const all = await listFindings(listFindingsQuery.parse({ audit: String(a.id), grade: g, pageSize: "1" }), today);
        const verified = await listFindings(listFindingsQuery.parse({ audit: String(a.id), grade: g, status: "verified", pageSize: "1" }), today);
        expect(a.findings[g], `${a.title} ${g}`).toEqual({ total: all.total, verified: verified.total });
        findings += all.total;
      }
    }
    expect(findings).toBeGreaterThan(0);
  });
  it("management reviews held in the period, as the reviews list of each fiscal year lists the held ones", async () => {
    const cur = currentFiscalYear(today, startMonth);
    const p = await params({ from: fiscalYearRange(cur - 2, startMonth).start, to: today });
    const pack = await getRenewalPack(p, today);
    const listed = (await Promise.all([cur - 2, cur - 1, cur].map((fy) => listManagementReviews(listManagementReviewsQuery.parse({ fy: String(fy), held: "true", pageSize: "200" }), today)))).flatMap(
      (l) => l.items,
    );
    expect(pack.reviews.length).toBeGreaterThan(0);
    expect(pack.reviews.map((r) => r.id).sort()).toEqual(listed.map((r) => r.id).sort());
    for (const r of pack.reviews) {
      const l = listed.find((x) => x.id === r.id)!;
      expect(r.actions.total).toBe(l.actionCount);
      expect(r.actions.done).toBe(l.actionCount - l.openActionCount);
    }
  });
});

describe("the organisation and the documents", () => {
  it("every live post with today's holders (a vacant post with none); every regulation in force with its version", async () => {
    const pack = await getRenewalPack(await params(), today);
    const posts = await listPosts({ asOf: today });
    expect(pack.posts.map((p) => [p.code, p.holders.map((h) => h.personName)])).toEqual(posts.items.map((p) => [p.code, p.holders.map((h) => h.personName)]));
    const inForce = await listRegulations(listRegulationsQuery.parse({ status: "in_force", pageSize: "200" }), today);
    expect(pack.documents.map((d) => d.code)).toEqual(inForce.items.map((r) => r.code));
    expect(pack.documents.map((d) => d.currentVersion)).toEqual(inForce.items.map((r) => r.currentVersion));
    for (const d of pack.documents) expect(d.firstEffectiveDate === null || compareDates(d.firstEffectiveDate, d.effectiveDate) <= 0).toBe(true);
  });
});

describe("the report of changes", () => {
  it("a contractor edited through the API today appears as changed with the field it changed; nothing before the day does", async () => {
    await signInAs("privacy_manager");
    const before = await getRenewalPack(await params({ since: today }), today);
    expect(before.changes.filter((c) => c.area === "contractor")).toEqual([]);
    const got = await call(contractorRoute, "GET", "/api/v1/contractors/1", { params: { id: 1 } });
    expect(got.status, got.text).toBe(200);
    const c = got.body.contractor;
    const fields = ["name", "corporateNumber", "dataCategories", "dataVolume", "contractStart", "contractEnd", "contactName", "contactEmail", "contactPhone", "reassessmentMonths", "note"];
    const body = {
      ...Object.fromEntries(fields.map((f) => [f, c[f]])),
      services: `${c.services}（更新）`,
      certifications: c.certifications.map((x: { kind: string; number: string; expiresOn: string | null }) => ({ kind: x.kind, number: x.number, expiresOn: x.expiresOn })),
      version: c.version,
    };
    const patched = await call(contractorRoute, "PATCH", "/api/v1/contractors/1", { params: { id: 1 }, json: body });
    expect(patched.status, patched.text).toBe(200);
    const after = await getRenewalPack(await params({ since: today }), today);
    expect(after.changes.filter((x) => x.area === "contractor")).toEqual([{ area: "contractor", code: c.corporateNumber, name: c.name, kind: "changed", on: today, details: [{ fields: ["services"] }] }]);
  });
  it("since the certificate's first day by default: the demo's register items registered since then are added", async () => {
    const p = await params();
    const pack = await getRenewalPack(p, today);
    const reg = pack.changes.filter((c) => c.area === "register");
    expect(reg.every((c) => compareDates(c.on, p.since) >= 0)).toBe(true);
  });
});

describe("GET /api/v1/renewal/pack", () => {
  it("one workbook, a sheet per document, Japanese by default whatever the reader's language, file named by the period", async () => {
    await signInAs("executive");
    const res = await get("", "en");
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get("content-type")).toBe(XLSX_CONTENT_TYPE);
    const p = await params();
    expect(decodeURIComponent(res.headers.get("content-disposition")!.split("UTF-8''")[1])).toBe(`更新申請サマリー_${p.from}_${p.to}.xlsx`);
    const { bytes } = await getBytes();
    const { sheets, wb } = await readXlsx(bytes);
    expect(sheets.map((s) => s.name)).toEqual(["表紙", "教育実施サマリー", "内部監査", "マネジメントレビュー", "個人情報保護体制", "PMS文書の一覧", "変更の一覧", "対応表"]);
    expect(sheets[1].rows[0].slice(0, 6)).toEqual(["年度", "教育の名称", "対象", "従業者区分", "対象者数", "受講者数"]);
    expect(sheets[7].rows.length).toBe(12);
    for (const ws of wb.worksheets) expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const en = await getBytes("?lang=en");
    expect((await readXlsx(en.bytes)).sheets[1].name).toBe("Training summary");
  });
  it("refuses a date that is not one, a period that runs backwards or is too long (400, by field); other roles than the renewal's are refused", async () => {
    await signInAs("auditor");
    for (const [q, field] of [
      ["?from=2025-02-30", "from"],
      ["?since=tomorrow", "since"],
      ["?from=2025-04-02&to=2025-04-01", "to"],
      ["?from=2019-04-01&to=2025-03-31", "to"],
      ["?lang=fr", "lang"],
    ] as const) {
      const res = await get(q);
      expect(res.status, q).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field), q).toContain(field);
    }
    await signInAs("hr");
    expect((await get()).status).toBe(403);
    await signInAs(null);
    expect((await get()).status).toBe(401);
  });
  it.skipIf(!soffice)("opens cleanly in LibreOffice Calc: every sheet converts and reads back (ja and en)", async () => {
    await signInAs("privacy_manager");
    const queries = { ja: "", en: "?lang=en" };
    const books = { ja: (await getBytes(queries.ja)).bytes, en: (await getBytes(queries.en)).bytes };
    // Both workbooks in one start of LibreOffice (tests/support/xlsx.ts).
    const convertedBooks = convertAllWithLibreOffice({ pack_ja: books.ja, pack_en: books.en });
    for (const locale of ["ja", "en"] as const) {
      const { sheets } = await readXlsx(books[locale]);
      const converted = convertedBooks.get(`pack_${locale}`)!;
      expect([...converted.keys()].sort()).toEqual(sheets.map((s) => s.name).sort());
      for (const sheet of sheets) {
        const lines = parseCsv(converted.get(sheet.name)!);
        expect(lines[0]).toEqual(sheet.rows[0]);
        expect(lines.length).toBe(sheet.rows.length);
        expect(lines.map((l) => l[0])).toEqual(sheet.rows.map((r) => r[0]));
      }
    }
  }, 240_000);
});
