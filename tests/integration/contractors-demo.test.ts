import { beforeAll, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/v1/contractors/route";
import * as statsRoute from "@/app/api/v1/contractors/stats/route";
import * as exportRoute from "@/app/api/v1/contractors/export.csv/route";
import * as oneRoute from "@/app/api/v1/contractors/[id]/route";
import { checkCorporateNumber } from "@/lib/contractors/corporate-number";
import { todayInTokyo } from "@/lib/dates";
import { call, signInAs } from "../support/api";
import { seedDemoData } from "../support/demo-data";

/** The demo register: what the seed promises (a realistic mix, and the two violations to show). */
beforeAll(async () => {
  await seedDemoData(todayInTokyo());
});

describe("demo contractors", () => {
  it("about 25 contractors with valid corporate numbers and the promised mix of statuses and flags", async () => {
    await signInAs("executive");
    const res = await call(listRoute, "GET", "/api/v1/contractors?pageSize=200");
    expect(res.status).toBe(200);
    const items = res.body.items as { id: number; name: string; corporateNumber: string | null; status: string; flags: string[]; latest: { result: string; totalPercent: number } | null }[];
    if (process.env.SHOW_REGISTER) for (const c of items) console.log(c.id, c.name, c.status, c.latest?.result, c.latest?.totalPercent, c.flags.join(","));
    expect(items.length).toBeGreaterThanOrEqual(24);
    for (const c of items) if (c.corporateNumber) expect(checkCorporateNumber(c.corporateNumber).ok, c.corporateNumber).toBe(true);
    const statuses = new Set(items.map((c) => c.status));
    for (const s of ["candidate", "approved", "conditional", "suspended", "terminated"]) expect(statuses.has(s), s).toBe(true);
    const flagged = (f: string) => items.filter((c) => c.flags.includes(f)).map((c) => c.name);
    expect(flagged("contract_before_assessment")).toEqual(["有限会社データ入力センター北"]);
    expect(flagged("assessment_overdue")).toEqual(["東洋コールセンター株式会社"]);
    expect(flagged("certification_expired").length).toBeGreaterThanOrEqual(2);
    // No approved/conditional contractor rests on a result that does not back it.
    expect(flagged("status_unsupported")).toEqual([]);
    // The rows the API reference's examples use.
    expect(items.find((c) => c.id === 1)).toMatchObject({ name: "株式会社ネクストクラウド", status: "candidate", latest: null });
    expect(items.find((c) => c.id === 2)).toMatchObject({ status: "candidate", latest: { result: "approved" } });
  });

  it("filters by flag, status and result on the server, and pages", async () => {
    await signInAs("auditor");
    const any = await call(listRoute, "GET", "/api/v1/contractors?flag=any&pageSize=2&sort=name");
    expect(any.status).toBe(200);
    expect(any.body.items).toHaveLength(2);
    expect(any.body.total).toBeGreaterThanOrEqual(4);
    const rejected = await call(listRoute, "GET", "/api/v1/contractors?result=rejected");
    expect(rejected.body.items.map((c: { name: string }) => c.name)).toContain("株式会社ウェブアナリティクス・ラボ");
    const cand = await call(listRoute, "GET", "/api/v1/contractors?status=candidate&q=%E3%81%95%E3%81%8F%E3%82%89");
    expect(cand.body.items.map((c: { name: string }) => c.name)).toEqual(["株式会社さくらペイロール"]);
  });

  it("stats: results distribution and due per month of the fiscal year", async () => {
    await signInAs("executive");
    const res = await call(statsRoute, "GET", "/api/v1/contractors/stats");
    expect(res.status).toBe(200);
    expect(res.body.dueByMonth).toHaveLength(12);
    const r = res.body.results;
    expect(r.approved + r.conditional + r.rejected + r.none).toBe(24); // the terminated one is left out
    expect(r.rejected).toBeGreaterThanOrEqual(1);
    expect(res.body.dueByMonth.reduce((n: number, m: { count: number }) => n + m.count, 0)).toBeGreaterThan(5);
  });

  it("detail shows assessments over time; CSV export in Japanese", async () => {
    await signInAs("executive");
    const res = await call(oneRoute, "GET", "/api/v1/contractors/6", { params: { id: 6 }, headers: { "accept-language": "ja" } });
    expect(res.status).toBe(200);
    expect(res.body.assessments.length).toBe(5);
    expect(res.body.assessments[0].scores[0]).toMatchObject({ key: "organizational", label: "組織的安全管理措置" });
    const csv = await call(exportRoute, "GET", "/api/v1/contractors/export.csv?flag=contract_before_assessment", { headers: { "accept-language": "ja" } });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain("法人番号");
    expect(csv.text).toContain("有限会社データ入力センター北");
    expect(csv.text).toContain("評価前に契約開始");
  });
});
