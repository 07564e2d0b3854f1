import { beforeAll, describe, expect, it } from "vitest";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import * as incidentRoute from "@/app/api/v1/incidents/[id]/route";
import * as linksRoute from "@/app/api/v1/register/items/[id]/links/route";
import { getDb } from "@/db";
import { contractors, registerItemContractors, registerItems } from "@/db/schema";
import { listContractorItems, listPickableItems } from "@/db/queries/register-links";
import { call, signInAs } from "../support/api";

let users = 0;
let health = 0;
let retired = 0;
let contractorId = 0;

async function insertItem(code: string, over: Partial<typeof registerItems.$inferInsert> = {}) {
  const db = await getDb();
  const [row] = await db.insert(registerItems).values({ code, name: `${code} 情報`, acquisitionMethod: "direct_written", nextReviewDueOn: "2027-04-01", ...over }).returning();
  return row.id;
}

const incident = (over: Record<string, unknown> = {}) => ({
  title: "利用者名簿の誤送信",
  category: "misdirected",
  discoveredAt: "2026-11-20T10:00:00+09:00",
  description: "メールの宛先を誤り、利用者名簿を社外に送信した。",
  personsAffected: 120,
  ...over,
});

beforeAll(async () => {
  users = await insertItem("PI-001", { personCount: 48000 });
  health = await insertItem("PI-002", { kind: "sensitive", personCount: 350 });
  retired = await insertItem("PI-003", { retiredAt: new Date() });
  const db = await getDb();
  const [c] = await db.insert(contractors).values({ name: "株式会社クラウド保管", services: "バックアップ保管" }).returning();
  contractorId = c.id;
  await db.insert(registerItemContractors).values([
    { itemId: users, contractorId },
    { itemId: retired, contractorId },
  ]);
  await signInAs("privacy_manager");
});

describe("an incident's data involved names register items", () => {
  let incidentId = 0;

  it("records the items picked on the report, and the detail and the item's links show them", async () => {
    const res = await call(incidentsRoute, "POST", "/api/v1/incidents", { json: incident({ registerItemIds: [users, health] }) });
    expect(res.status, res.text).toBe(201);
    incidentId = res.body.id;
    const detail = await call(incidentRoute, "GET", `/api/v1/incidents/${incidentId}`, { params: { id: incidentId } });
    expect(detail.body.registerItems.map((i: { code: string }) => i.code)).toEqual(["PI-001", "PI-002"]);
    expect(detail.body.registerItems[1]).toMatchObject({ kind: "sensitive", personCount: 350, retired: false });
    const links = await call(linksRoute, "GET", `/api/v1/register/items/${health}/links`, { params: { id: health } });
    expect(links.status).toBe(200);
    expect(links.body.incidents).toEqual([expect.objectContaining({ id: incidentId, reference: res.body.reference, personsAffected: 120 })]);
  });

  it("an edit that names other items replaces them; one that leaves them out keeps them", async () => {
    const d = (await call(incidentRoute, "GET", `/api/v1/incidents/${incidentId}`, { params: { id: incidentId } })).body;
    const res = await call(incidentRoute, "PATCH", `/api/v1/incidents/${incidentId}`, {
      params: { id: incidentId },
      json: { ...incident(), registerItemIds: [users], version: d.incident.version },
    });
    expect(res.status, res.text).toBe(200);
    const after = (await call(incidentRoute, "GET", `/api/v1/incidents/${incidentId}`, { params: { id: incidentId } })).body;
    expect(after.registerItems.map((i: { id: number }) => i.id)).toEqual([users]);
    expect((await call(linksRoute, "GET", `/api/v1/register/items/${health}/links`, { params: { id: health } })).body.incidents).toEqual([]);
    const keep = await call(incidentRoute, "PATCH", `/api/v1/incidents/${incidentId}`, { params: { id: incidentId }, json: { ...incident(), title: "誤送信", version: res.body.version } });
    expect(keep.status, keep.text).toBe(200);
    const kept = (await call(incidentRoute, "GET", `/api/v1/incidents/${incidentId}`, { params: { id: incidentId } })).body;
    expect(kept.registerItems.map((i: { id: number }) => i.id)).toEqual([users]);
  });

  it("refuses an unknown or retired item on the field, and stores nothing", async () => {
    for (const id of [99999, retired]) {
      const res = await call(incidentsRoute, "POST", "/api/v1/incidents", { json: incident({ registerItemIds: [id] }) });
      expect(res.status, res.text).toBe(400);
      expect(res.body.errors[0].field).toBe("registerItemIds");
    }
    const list = await call(incidentsRoute, "GET", "/api/v1/incidents");
    expect(list.body.total).toBe(1);
  });

  it("the picker offers the live items only", async () => {
    expect((await listPickableItems()).map((i) => i.code)).toEqual(["PI-001", "PI-002"]);
  });
});

describe("a contractor's items and an item's contractors", () => {
  it("lists the items outsourced to the contractor, live first", async () => {
    const items = await listContractorItems(contractorId);
    expect(items.map((i) => [i.code, i.retired])).toEqual([
      ["PI-001", false],
      ["PI-003", true],
    ]);
  });

  it("lists the contractors of an item; 404 for no such item; every role reads", async () => {
    for (const role of ["privacy_manager", "hr", "auditor", "executive"] as const) {
      await signInAs(role);
      const res = await call(linksRoute, "GET", `/api/v1/register/items/${users}/links`, { params: { id: users } });
      expect(res.status).toBe(200);
      expect(res.body.contractors).toEqual([{ id: contractorId, name: "株式会社クラウド保管", status: "candidate" }]);
    }
    expect((await call(linksRoute, "GET", "/api/v1/register/items/99999/links", { params: { id: 99999 } })).status).toBe(404);
  });
});
