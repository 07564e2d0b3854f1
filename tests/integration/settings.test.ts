import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import * as settingsRoute from "@/app/api/v1/settings/route";
import * as orgRoute from "@/app/api/v1/settings/organization/route";
import { call, signInAs } from "../support/api";
import { getDb } from "@/db";

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const db = await getDb();
  const r = await db.execute(query);
  return (Array.isArray(r) ? r : (r as unknown as { rows: T[] }).rows) as T[];
}
const auditCount = async () => (await rows<{ n: number }>(sql`select count(*)::int as n from audit_log where entity = 'settings'`))[0].n;
const storedCount = async () => (await rows<{ n: number }>(sql`select count(*)::int as n from settings where key = 'fiscal_year_start_month'`))[0].n;

describe("settings API", () => {
  it("answers the defaults (April, version 0) before anything is saved, to every role", async () => {
    await signInAs(null);
    expect((await call(settingsRoute, "GET", "/api/v1/settings")).status).toBe(401);
    await signInAs("executive");
    const res = await call(settingsRoute, "GET", "/api/v1/settings");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ fiscalYearStartMonth: 4, version: 0 });
  });

  it("refuses a change from anyone but the privacy manager (403), and stores nothing", async () => {
    for (const role of ["hr", "auditor", "executive"] as const) {
      await signInAs(role);
      const res = await call(settingsRoute, "PUT", "/api/v1/settings", { json: { fiscalYearStartMonth: 1, version: 0 } });
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    expect(await storedCount()).toBe(0);
    expect(await auditCount()).toBe(0);
  });

  it("refuses month 13 (and 0, and text) with a field error, and stores nothing", async () => {
    await signInAs("privacy_manager");
    for (const bad of [13, 0, "April", 4.5]) {
      const res = await call(settingsRoute, "PUT", "/api/v1/settings", { json: { fiscalYearStartMonth: bad, version: 0 } });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(["fiscalYearStartMonth"]);
    }
    const ja = await call(settingsRoute, "PUT", "/api/v1/settings", { json: { fiscalYearStartMonth: 13, version: 0 }, headers: { "accept-language": "ja" } });
    expect(ja.body.errors[0].message).toBe("12以下の値を入力してください。");
    const noVersion = await call(settingsRoute, "PUT", "/api/v1/settings", { json: { fiscalYearStartMonth: 1 } });
    expect(noVersion.status).toBe(400);
    const badJson = await call(settingsRoute, "PUT", "/api/v1/settings", { body: "{", headers: { "content-type": "application/json" } });
    expect(badJson.status).toBe(400);
    expect(await storedCount()).toBe(0);
    expect(await auditCount()).toBe(0);
    expect((await call(settingsRoute, "GET", "/api/v1/settings")).body).toEqual({ fiscalYearStartMonth: 4, version: 0 });
  });

  it("saves with the version it read, writes an audit row, and answers 409 to a stale version", async () => {
    const manager = await signInAs("privacy_manager");
    const first = await call(settingsRoute, "PUT", "/api/v1/settings", { json: { fiscalYearStartMonth: 1, version: 0 } });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ fiscalYearStartMonth: 1, version: 1 });

    const [audit] = await rows<{ action: string; actor_id: number; entity_id: string; before: unknown; after: unknown }>(
      sql`select action, actor_id, entity_id, before, after from audit_log where entity = 'settings' order by id desc limit 1`,
    );
    expect(audit).toMatchObject({ action: "update", actor_id: manager!.id, before: { fiscalYearStartMonth: 4 }, after: { fiscalYearStartMonth: 1 } });

    // Another manager's tab still holds version 0 (or 1 after the next save): refused, nothing changes.
    const stale = await call(settingsRoute, "PUT", "/api/v1/settings", { json: { fiscalYearStartMonth: 10, version: 0 } });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toMatch(/reload/i);

    const second = await call(settingsRoute, "PUT", "/api/v1/settings", { json: { fiscalYearStartMonth: 7, version: 1 } });
    expect(second.body).toEqual({ fiscalYearStartMonth: 7, version: 2 });
    const staleAgain = await call(settingsRoute, "PUT", "/api/v1/settings", { json: { fiscalYearStartMonth: 10, version: 1 } });
    expect(staleAgain.status).toBe(409);

    expect(await auditCount()).toBe(2);
    await signInAs("auditor");
    expect((await call(settingsRoute, "GET", "/api/v1/settings")).body).toEqual({ fiscalYearStartMonth: 7, version: 2 });
  });
});

describe("organization settings API", () => {
  it("is empty (version 0) until saved; the privacy manager saves it, others get 403; a stale version is a 409; the report's cover data carries it", async () => {
    const { getManagementReviewReport } = await import("@/db/queries/report");
    await signInAs("executive");
    expect((await call(orgRoute, "GET", "/api/v1/settings/organization")).body).toEqual({ name: "", representative: "", version: 0 });
    expect((await getManagementReviewReport(undefined)).organization).toEqual({ name: "", representative: "" });
    for (const role of ["hr", "auditor", "executive"] as const) {
      await signInAs(role);
      expect((await call(orgRoute, "PUT", "/api/v1/settings/organization", { json: { name: "X", representative: "", version: 0 } })).status).toBe(403);
    }
    await signInAs("privacy_manager");
    const fiscalVersion = (await call(settingsRoute, "GET", "/api/v1/settings")).body.version;
    const tooLong = await call(orgRoute, "PUT", "/api/v1/settings/organization", { json: { name: "x".repeat(201), representative: "", version: 0 } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors.map((e: { field: string }) => e.field)).toEqual(["name"]);

    const first = await call(orgRoute, "PUT", "/api/v1/settings/organization", { json: { name: " RUFT株式会社 ", representative: "代表取締役 田中 誠", version: 0 } });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ name: "RUFT株式会社", representative: "代表取締役 田中 誠", version: 1 });
    // Versioned apart from the fiscal year: saving one never makes the other stale.
    expect((await call(settingsRoute, "GET", "/api/v1/settings")).body.version).toBe(fiscalVersion);

    const stale = await call(orgRoute, "PUT", "/api/v1/settings/organization", { json: { name: "Other", representative: "", version: 0 } });
    expect(stale.status).toBe(409);
    expect((await call(orgRoute, "GET", "/api/v1/settings/organization")).body).toMatchObject({ name: "RUFT株式会社", version: 1 });

    const [audit] = await rows<{ entity_id: string; before: unknown; after: unknown }>(
      sql`select entity_id, before, after from audit_log where entity = 'settings' and entity_id = 'organization'`,
    );
    expect(audit).toEqual({ entity_id: "organization", before: { name: "", representative: "" }, after: { name: "RUFT株式会社", representative: "代表取締役 田中 誠" } });
    expect((await getManagementReviewReport(undefined)).organization).toEqual({ name: "RUFT株式会社", representative: "代表取締役 田中 誠" });
  });
});
