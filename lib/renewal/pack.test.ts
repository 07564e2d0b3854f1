import { describe, expect, it } from "vitest";
import { translateKey } from "@/lib/i18n/messages";
import {
  auditSheet,
  buildPack,
  changesSheet,
  defaultPackPeriod,
  fiscalYearsOfPeriod,
  organisationSheet,
  packQuery,
  rate,
  resolvePackParams,
  sessionLines,
  trainingSheet,
  type AuditFacts,
  type PackData,
  type Translate,
  type TrainingYearFacts,
} from "./pack";

const ja: Translate = (key, values) => translateKey("ja", key, values);
const en: Translate = (key, values) => translateKey("en", key, values);

describe("defaultPackPeriod", () => {
  it("is the last two complete fiscal years (April start)", () => {
    expect(defaultPackPeriod("2026-12-07", 4)).toEqual({ from: "2024-04-01", to: "2026-03-31" });
    // On the first day of a fiscal year, the year just ended is complete.
    expect(defaultPackPeriod("2026-04-01", 4)).toEqual({ from: "2024-04-01", to: "2026-03-31" });
    expect(defaultPackPeriod("2026-03-31", 4)).toEqual({ from: "2023-04-01", to: "2025-03-31" });
  });
  it("follows the fiscal year's first month: January (calendar years) and March (a leap-day end)", () => {
    expect(defaultPackPeriod("2026-12-31", 1)).toEqual({ from: "2024-01-01", to: "2025-12-31" });
    expect(defaultPackPeriod("2029-03-01", 3)).toEqual({ from: "2027-03-01", to: "2029-02-28" });
    expect(defaultPackPeriod("2028-03-01", 3)).toEqual({ from: "2026-03-01", to: "2028-02-29" });
  });
});

describe("fiscalYearsOfPeriod", () => {
  it("lists each fiscal year the period touches, cut to the period", () => {
    expect(fiscalYearsOfPeriod("2024-04-01", "2026-03-31", 4)).toEqual([
      { fiscalYear: 2024, start: "2024-04-01", end: "2025-03-31" },
      { fiscalYear: 2025, start: "2025-04-01", end: "2026-03-31" },
    ]);
    expect(fiscalYearsOfPeriod("2024-10-01", "2025-06-30", 4)).toEqual([
      { fiscalYear: 2024, start: "2024-10-01", end: "2025-03-31" },
      { fiscalYear: 2025, start: "2025-04-01", end: "2025-06-30" },
    ]);
    expect(fiscalYearsOfPeriod("2025-05-05", "2025-05-05", 4)).toEqual([{ fiscalYear: 2025, start: "2025-05-05", end: "2025-05-05" }]);
  });
});

describe("packQuery and resolvePackParams", () => {
  const ctx = { today: "2026-12-07", startMonth: 4, certificateFrom: "2025-06-02" };
  const parse = (q: Record<string, string>) => packQuery.parse(q);

  it("defaults: the last two complete fiscal years, changes since the certificate's first day, Japanese", () => {
    expect(resolvePackParams(parse({}), ctx)).toEqual({ params: { from: "2024-04-01", to: "2026-03-31", since: "2025-06-02", lang: "ja" }, errors: null });
    expect(resolvePackParams(parse({}), { ...ctx, certificateFrom: null }).params?.since).toBe("2024-04-01");
  });
  it("takes the dates given (slashes too) and the language", () => {
    expect(resolvePackParams(parse({ from: "2025/4/1", to: "2025-09-30", since: "2025-01-01", lang: "en" }), ctx).params).toEqual({
      from: "2025-04-01",
      to: "2025-09-30",
      since: "2025-01-01",
      lang: "en",
    });
  });
  it("a start alone after the default end runs to today", () => {
    expect(resolvePackParams(parse({ from: "2026-04-01" }), ctx).params).toMatchObject({ from: "2026-04-01", to: "2026-12-07" });
  });
  it("refuses a period that runs backwards (the same day is a period) or spans more than five fiscal years", () => {
    expect(resolvePackParams(parse({ from: "2025-04-02", to: "2025-04-01" }), ctx).errors).toEqual([{ field: "to", code: "custom", messageKey: "renewalPack.errors.fromAfterTo" }]);
    expect(resolvePackParams(parse({ from: "2025-04-01", to: "2025-04-01" }), ctx).errors).toBeNull();
    expect(resolvePackParams(parse({ from: "2021-04-01", to: "2026-03-31" }), ctx).errors).toBeNull();
    expect(resolvePackParams(parse({ from: "2021-03-31", to: "2026-03-31" }), ctx).errors?.[0].messageKey).toBe("renewalPack.errors.periodTooLong");
  });
  it("refuses dates that are not dates and an unknown language", () => {
    expect(packQuery.safeParse({ from: "2025-02-30" }).success).toBe(false);
    expect(packQuery.safeParse({ to: "yesterday" }).success).toBe(false);
    expect(packQuery.safeParse({ lang: "fr" }).success).toBe(false);
    expect(packQuery.parse({ from: "", to: "", since: "", lang: "" })).toEqual({ from: null, to: null, since: null, lang: "ja" });
  });
});

describe("rate", () => {
  it("one decimal, none when nobody was required", () => {
    expect(rate(2, 3)).toBe(66.7);
    expect(rate(3, 3)).toBe(100);
    expect(rate(0, 0)).toBeNull();
  });
});

const year: TrainingYearFacts = {
  fiscalYear: 2024,
  start: "2024-04-01",
  end: "2025-03-31",
  asOf: "2025-03-31",
  courses: [
    {
      courseId: 1,
      code: "PMS-BASIC",
      title: "個人情報保護基礎",
      audienceAll: true,
      audienceDepartments: [],
      audienceEmploymentTypes: [],
      byType: { regular: { required: 10, trained: 9, compliant: 9, exempt: 1 }, dispatched: { required: 2, trained: 1, compliant: 2, exempt: 0 }, executive: { required: 0, trained: 0, compliant: 0, exempt: 0 } },
      firstOn: "2024-06-03",
      lastOn: "2024-07-10",
      days: 5,
      methods: ["classroom", "e_learning"],
      sessions: [
        { heldOn: "2024-06-03", title: null, method: "classroom", place: "本社会議室" },
        { heldOn: "2024-07-10", title: "追加開催", method: "classroom", place: null },
      ],
      materials: [{ title: "2024年度教材", fileName: "pms-2024.pdf", effectiveOn: "2024-06-01" }],
    },
  ],
};

describe("trainingSheet", () => {
  it("a total row per course with dates, methods and material, then a row per employment type with anyone counted", () => {
    const s = trainingSheet([year], ja, "ja");
    expect(s.columns.map((c) => c.header)).toEqual([
      "年度",
      "教育の名称",
      "対象",
      "従業者区分",
      "対象者数",
      "受講者数",
      "受講率（%）",
      "年度末に受講済み",
      "免除",
      "実施期間",
      "実施日数",
      "実施方法",
      "実施回",
      "教材",
    ]);
    expect(s.rows).toEqual([
      ["2024年度", "PMS-BASIC 個人情報保護基礎", "全従業者", "合計", 12, 10, 83.3, 11, 1, "2024/06/03〜2024/07/10", 5, "集合研修、eラーニング", "2024/06/03 集合研修 本社会議室\n2024/07/10 追加開催 集合研修", "2024年度教材（pms-2024.pdf、2024/06/01）"],
      ["2024年度", "PMS-BASIC 個人情報保護基礎", "", "正社員", 10, 9, 90, 9, 1, "", null, "", "", ""],
      ["2024年度", "PMS-BASIC 個人情報保護基礎", "", "派遣社員", 2, 1, 50, 2, 0, "", null, "", "", ""],
    ]);
  });
  it("says so for a year without courses, in the documents' language", () => {
    const s = trainingSheet([{ ...year, courses: [] }], en, "en");
    expect(s.rows).toEqual([["FY2024", "No course was held or required in this year", "", "", null, null, null, null, null, "", null, "", "", ""]]);
    expect(s.sheetName).toBe("Training summary");
  });
});

describe("sessionLines", () => {
  it("one line per session, the ones past the limit counted", () => {
    const many = Array.from({ length: 14 }, (_, i) => ({ heldOn: `2025-05-${String(i + 1).padStart(2, "0")}`, title: null, method: "video", place: null }));
    const lines = sessionLines(many, en).split("\n");
    expect(lines).toHaveLength(13);
    expect(lines[0]).toBe("2025/05/01 Video");
    expect(lines[12]).toBe("and 2 more sessions");
    expect(sessionLines([], ja)).toBe("");
  });
});

describe("auditSheet", () => {
  const audit: AuditFacts = {
    id: 1,
    fiscalYear: 2024,
    type: "operation",
    title: "2024年度 運用状況監査",
    status: "closed",
    plannedStart: "2024-10-01",
    plannedEnd: "2024-10-10",
    actualStart: "2024-10-02",
    actualEnd: "2024-10-09",
    reportedOn: "2024-10-20",
    scopeDepartments: ["営業部", "総務部"],
    leadAuditorName: "監査 太郎",
    findings: { major_nc: { total: 0, verified: 0 }, minor_nc: { total: 2, verified: 2 }, observation: { total: 3, verified: 1 }, good_practice: { total: 1, verified: 0 } },
  };
  it("findings by grade, verified and not yet, the scope and the actual dates", () => {
    const s = auditSheet([audit], ja, "ja");
    expect(s.columns.slice(7, 11).map((c) => c.header)).toEqual(["重大な不適合", "軽微な不適合", "観察事項", "優れた点"]);
    expect(s.rows[0]).toEqual(["2024年度", "2024年度 運用状況監査", "運用状況監査", "2024/10/02〜2024/10/09", "営業部、総務部", "監査 太郎", "終了", 0, 2, 3, 1, 3, 3, "2024-10-20"]);
  });
  it("an audit not started shows its planned dates, marked", () => {
    const s = auditSheet([{ ...audit, status: "planned", actualStart: null, actualEnd: null, reportedOn: null }], en, "en");
    expect(s.rows[0][3]).toBe("2024/10/01 to 2024/10/10 (planned)");
  });
});

describe("organisationSheet and changesSheet", () => {
  it("a vacant post says so; a post with two holders has two rows", () => {
    const s = organisationSheet(
      [
        { code: "CPO", title: "個人情報保護管理者", departmentName: null, description: "PMSの運用", holders: [{ personName: "山田", departmentName: null, fromDate: "2024-04-01", toDate: null }] },
        { code: "DESK", title: "苦情及び相談窓口責任者", departmentName: null, description: null, holders: [] },
      ],
      ja,
    );
    expect(s.rows).toEqual([
      ["個人情報保護管理者", "", "山田", "", "2024-04-01", null, "PMSの運用"],
      ["苦情及び相談窓口責任者", "", "（空席）", "", null, null, ""],
    ]);
  });
  it("changes by area then date, fields with the module's own labels, events with their values", () => {
    const s = changesSheet(
      [
        { area: "regulation", code: "R-01", name: "個人情報保護規程", kind: "changed", on: "2025-10-01", details: [{ event: "version", values: { version: 3, date: "2025/10/01", summary: "法改正対応" } }] },
        { area: "register", code: "PI-002", name: "顧客情報", kind: "changed", on: "2025-09-01", details: [{ fields: ["storagePlace", "unknownField"] }] },
        { area: "register", code: "PI-001", name: "応募者情報", kind: "added", on: "2025-08-01", details: [] },
        { area: "post", code: "CPO", name: "個人情報保護管理者", kind: "changed", on: "2025-07-01", details: [{ event: "appointed", values: { person: "佐藤", date: "2025/07/01" } }] },
      ],
      ja,
    );
    expect(s.rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      ["個人情報管理台帳", "PI-001", "追加"],
      ["個人情報管理台帳", "PI-002", "変更"],
      ["体制（役割）", "CPO", "変更"],
      ["規程", "R-01", "変更"],
    ]);
    expect(s.rows[1][5]).toBe("変更した項目：保管場所、unknownField");
    expect(s.rows[2][5]).toBe("佐藤が就任（2025/07/01）");
    expect(s.rows[3][5]).toBe("第3版に改訂（2025/10/01施行）：法改正対応");
  });
});

describe("buildPack", () => {
  const data: PackData = {
    params: { from: "2024-04-01", to: "2026-03-31", since: "2025-06-02", lang: "ja" },
    today: "2026-12-07",
    startMonth: 4,
    organization: "RUFT株式会社",
    certificate: { number: "17000123(08)", validFrom: "2025-06-02", validTo: "2027-06-01" },
    training: [year],
    audits: [],
    reviews: [],
    posts: [],
    documents: [],
    changes: [],
    correspondence: [{ clause: "J.1", titleJa: "適用範囲", titleEn: "Scope", covered: false, regulations: [] }],
  };
  it("the documents in the application's order, each sheet named, the correspondence last when present", () => {
    const docs = buildPack(data, ja);
    expect(docs.map((d) => d.key)).toEqual(["cover", "training", "auditsAndReviews", "organisation", "documents", "changes", "correspondence"]);
    expect(docs.flatMap((d) => d.sheets.map((s) => s.sheetName))).toEqual(["表紙", "教育実施サマリー", "内部監査", "マネジメントレビュー", "個人情報保護体制", "PMS文書の一覧", "変更の一覧", "対応表"]);
    expect(docs[0].sheets[0].rows[1]).toEqual(["プライバシーマーク登録番号・有効期間", "17000123(08)（2025/06/02〜2027/06/01）"]);
    expect(docs.at(-1)!.sheets[0].rows[0]).toEqual(["J.1", "適用範囲", "", "施行中の規程なし"]);
    expect(buildPack({ ...data, correspondence: null }, ja).map((d) => d.key)).not.toContain("correspondence");
  });
  it("every sheet name fits Excel's 31 characters in both languages", () => {
    for (const t of [ja, en]) for (const d of buildPack(data, t)) for (const s of d.sheets) expect(s.sheetName.length).toBeLessThanOrEqual(31);
  });
});
