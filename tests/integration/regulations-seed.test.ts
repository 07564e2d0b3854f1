import { beforeAll, describe, expect, it } from "vitest";
import { getRegulationDetail, getRegulationSummary, listRegulations } from "@/db/queries/regulations";
import { listPosts } from "@/db/queries/pms-structure";
import { listRegulationsQuery } from "@/lib/regulations/schema";
import { seedDemoData } from "../support/demo-data";

const TODAY = "2026-11-24";

beforeAll(async () => {
  await seedDemoData(TODAY);
});

describe("regulation demo data", () => {
  it("holds the usual set with a mix of on-time, due-soon and overdue reviews, a draft and a retired one", async () => {
    const all = await listRegulations(listRegulationsQuery.parse({ pageSize: 200 }), TODAY);
    expect(all.items.map((r) => r.title)).toEqual(
      expect.arrayContaining(["個人情報保護規程", "安全管理規程", "委託先管理規程", "教育規程", "内部監査規程", "事故対応規程", "開示等請求対応規程", "文書管理規程"]),
    );
    const summary = await getRegulationSummary(undefined, TODAY);
    expect(summary.counts).toMatchObject({ overdue: 3, dueSoon: 2, onTime: 5, draft: 1, retired: 1, pendingApproval: 1 });
  });

  it("keeps each regulation's history consistent: the current version is the newest, in force from its effective date", async () => {
    const all = await listRegulations(listRegulationsQuery.parse({ pageSize: 200, status: "in_force" }), TODAY);
    for (const r of all.items) {
      const d = (await getRegulationDetail(r.id, TODAY))!;
      expect(d.versions[0], r.code).toMatchObject({ versionNumber: r.currentVersion, effectiveDate: r.effectiveDate, current: true });
      expect(d.versions.map((v) => v.versionNumber), r.code).toEqual(Array.from({ length: r.currentVersion! }, (_, i) => r.currentVersion! - i));
      expect(d.reviews.filter((x) => x.state === "approved")[0]?.reviewedOn, r.code).toBe(r.lastReviewedOn);
    }
  });

  it("the API examples' rows: review 1 is the draft on 安全管理規程, appointment 1 the privacy manager's", async () => {
    const d = (await getRegulationDetail(2, TODAY))!;
    expect(d.regulation.code).toBe("REG-02");
    expect(d.reviews[0]).toMatchObject({ id: 1, state: "draft", outcome: "revised", proposedVersion: 5 });
    const posts = await listPosts({ asOf: TODAY });
    const cpo = posts.items.find((p) => p.code === "POST-CPO")!;
    expect(cpo.id).toBe(1);
    expect(cpo.holders).toEqual([expect.objectContaining({ id: 1, personType: "user", personName: "佐藤 恵子" })]);
    expect(posts.gaps).toBe(2);
    expect(posts.items.filter((p) => p.gap).map((p) => p.code).sort()).toEqual(["POST-CONTACT", "POST-DEPT-D07"]);
    // 監査責任者 (post 2, the API examples' exclusiveWith) and 個人情報保護管理者 may not be held together; nobody does.
    const auditLead = posts.items.find((p) => p.code === "POST-AUDIT")!;
    expect(auditLead.id).toBe(2);
    expect([cpo.exclusiveWith, auditLead.exclusiveWith]).toEqual([[2], [1]]);
    expect(posts.conflicts).toEqual([]);
  });
});
