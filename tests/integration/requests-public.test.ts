import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as publicRoute from "@/app/api/v1/public/requests/route";
import * as settingsRoute from "@/app/api/v1/settings/requests/route";
import { getDb } from "@/db";
import { auditLog, disclosureRequests } from "@/db/schema";
import { createPublicRequest } from "@/db/queries/requests";
import { todayInTokyo } from "@/lib/dates";
import { publicRequestSchema } from "@/lib/requests/schema";
import { PUBLIC_REQUESTS_PER_HOUR } from "@/lib/security/request-limits";
import { call, signInAs } from "../support/api";

/** The public intake page's endpoint (docs/domain.md §7): off by default, no sign-in, limited per client address. */

const request = (over: Record<string, unknown> = {}) => ({
  kind: "disclosure",
  requesterName: "山田 花子",
  requesterContact: "hanako@example.jp",
  viaAgent: false,
  details: "貴社が保有する私の個人データの開示を求めます。",
  ...over,
});
const send = (json: unknown) => call(publicRoute, "POST", "/api/v1/public/requests", { json });

describe("public intake of requests from individuals", () => {
  it("is off by default: 404 and nothing written, signed in or not", async () => {
    await signInAs(null);
    expect((await send(request())).status).toBe(404);
    await signInAs("privacy_manager");
    expect((await send(request())).status).toBe(404);
    const db = await getDb();
    expect(await db.select().from(disclosureRequests)).toHaveLength(0);
  });

  it("once turned on, anyone may send one: logged as received today by web form, the reference told; the audit trail holds no personal details", async () => {
    await signInAs("privacy_manager");
    const s = (await call(settingsRoute, "GET", "/api/v1/settings/requests")).body;
    expect(s.publicIntake).toBe(false);
    const on = await call(settingsRoute, "PUT", "/api/v1/settings/requests", { json: { ...s, publicIntake: true } });
    expect(on.status, on.text).toBe(200);
    await signInAs(null);
    const res = await send(request({ viaAgent: true, agentName: "山田 太郎", agentRelationship: "法定代理人（親権者）", disclosureMethod: "electronic" }));
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ receivedOn: todayInTokyo(), targetDays: 14 });
    expect(res.body.reference).toMatch(/^REQ-\d{4}-001$/);
    const db = await getDb();
    const [row] = await db.select().from(disclosureRequests).where(eq(disclosureRequests.reference, res.body.reference));
    expect(row).toMatchObject({ channel: "web_form", kind: "disclosure", requesterName: "山田 花子", viaAgent: true, agentName: "山田 太郎", disclosureMethod: "electronic" });
    const audit = await db.select().from(auditLog).where(eq(auditLog.entity, "disclosure_request"));
    expect(audit).toHaveLength(1);
    expect(audit[0].actorId).toBeNull();
    expect(JSON.stringify(audit[0].after)).not.toContain("山田");
  });

  it("refuses bad input with the field named (400), and an agent without a name", async () => {
    await signInAs(null);
    const bad = await send(request({ requesterContact: "電話 03-0000-0000" }));
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("requesterContact");
    expect((await send(request({ kind: "everything" }))).status).toBe(400);
    expect((await send(request({ viaAgent: true }))).status).toBe(400);
    expect((await send({ ...request(), channel: "post" })).status).toBe(201);
  });

  it(`takes at most ${PUBLIC_REQUESTS_PER_HOUR} an hour from one client address (429, nothing written); another address is not held up`, async () => {
    // The route reads the address the server's peer-address hook writes (lib/security/client-address.ts); here it is given directly.
    const db = await getDb();
    const input = publicRequestSchema.parse(request());
    for (let i = 0; i < PUBLIC_REQUESTS_PER_HOUR; i++) await createPublicRequest(input, "198.51.100.20");
    const before = (await db.select().from(disclosureRequests)).length;
    await expect(createPublicRequest(input, "198.51.100.20")).rejects.toMatchObject({ status: 429 });
    expect((await db.select().from(disclosureRequests)).length).toBe(before);
    expect((await createPublicRequest(input, "198.51.100.21")).reference).toMatch(/^REQ-/);
  });
});
