import { describe, expect, it } from "vitest";
import { statusCsv } from "./status-csv";
import type { StatusRow } from "./status-query";

const row: StatusRow = {
  employee: { id: 1, number: "E0001", name: "=佐藤 一郎", nameKana: null, employmentType: "dispatched", department: { id: 4, code: "D04", name: "営業部" } },
  course: { id: 1, code: "PI-BASIC", title: "個人情報保護基礎研修" },
  status: "overdue",
  lastCompletedOn: "2025-11-23",
  validUntil: "2026-11-23",
  dueOn: "2026-11-23",
  daysLeft: -1,
  exemptionReason: null,
};

describe("statusCsv", () => {
  it("Japanese headers and labels, dates as YYYY-MM-DD, formula cells neutralised", () => {
    const { csv, fileName } = statusCsv([row], { locale: "ja", fiscalYear: 2026, today: "2026-11-24" });
    const [header, line] = csv.trim().split("\r\n");
    expect(header).toBe("社員番号,氏名,部署コード,部署,雇用形態,教育コード,教育プログラム,状況,最終受講日,有効期限,受講期限,残り日数,対象外の理由");
    expect(line).toBe("E0001,\"'=佐藤 一郎\",D04,営業部,派遣社員,PI-BASIC,個人情報保護基礎研修,期限切れ・未受講,2025-11-23,2026-11-23,2026-11-23,-1,");
    expect(fileName).toBe("受講状況_2026年度_20261124.csv");
  });

  it("English", () => {
    const { csv, fileName } = statusCsv([row], { locale: "en", fiscalYear: 2026, today: "2026-11-24" });
    expect(csv.split("\r\n")[0]).toMatch(/^Employee no\.,Name,Department code,Department,Employment type,/);
    expect(csv).toContain(",Dispatched,");
    expect(csv).toContain(",Overdue / not taken,");
    expect(fileName).toBe("training-status_FY2026_20261124.csv");
  });

  it("no rows: the header alone", () => {
    expect(statusCsv([], { locale: "ja", fiscalYear: 2026, today: "2026-11-24" }).csv.trim().split("\r\n")).toHaveLength(1);
  });
});
