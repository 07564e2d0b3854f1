import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as webhooksRoute from "@/app/api/v1/notifications/webhooks/route";
import { getDb } from "@/db";
import { regulations } from "@/db/schema";
import { drainOutbox } from "@/db/queries/notification-outbox";
import { scanDeadlines } from "@/db/queries/notifications";
import { call, signInAs } from "../support/api";

/**
 * Signed webhooks: a real HTTP receiver in this test gets the JSON of each deadline event of the hook's
 * types, checks the HMAC signature with the secret shown when the hook was added, and a receiver that
 * fails is called again later, once it answers.
 */

type Call = { body: string; signature: string };
const calls: Call[] = [];
let answer = 500;
let server: Server;
let url = "";
const today = "2026-12-07";

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      calls.push({ body: Buffer.concat(chunks).toString("utf8"), signature: String(req.headers["x-pms-signature"]) });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  await signInAs("privacy_manager");
  const db = await getDb();
  await db.insert(regulations).values({ code: "PMS-02", title: "安全管理規程", currentVersion: 1, effectiveDate: "2026-01-01", status: "in_force", nextReviewDue: today });
});

afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

describe("webhooks", () => {
  it("posts each event of the hook's types, signed; retries a failing receiver; only the privacy manager configures them", async () => {
    const bad = await call(webhooksRoute, "PUT", "/api/v1/notifications/webhooks", { json: { hooks: [{ name: "x", url: "ftp://example.com", types: ["regulation"] }], version: 0 } });
    expect(bad.status).toBe(400);
    const saved = await call(webhooksRoute, "PUT", "/api/v1/notifications/webhooks", {
      json: { hooks: [{ name: "Chat", url, types: ["regulation"] }, { name: "Other", url, types: ["pmark"] }], version: 0 },
    });
    expect(saved.status).toBe(200);
    const hook = saved.body.hooks[0];
    const secret = saved.body.secrets[hook.key];
    expect(secret).toBeTruthy();
    // The secret is not shown again.
    const got = await call(webhooksRoute, "GET", "/api/v1/notifications/webhooks");
    expect(JSON.stringify(got.body)).not.toContain(secret);

    const scan = await scanDeadlines({ today });
    expect(scan.queued).toBe(1); // the regulation hook; nothing of type pmark is due in this database
    const t0 = new Date();
    expect(await drainOutbox({ now: t0 })).toEqual({ sent: 0, retried: 1, failed: 0 });
    answer = 204;
    expect(await drainOutbox({ now: new Date(t0.getTime() + 10 * 60_000) })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(calls).toHaveLength(2);
    const last = calls[1];
    const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(last.signature)!;
    expect(m).toBeTruthy();
    expect(createHmac("sha256", secret).update(`${m[1]}.${last.body}`).digest("hex")).toBe(m[2]);
    const body = JSON.parse(last.body);
    expect(body).toMatchObject({ event: "deadline", type: "regulation", kind: "regulation.review", stage: "due", dueOn: today, summary: { ja: "規程見直し期限：PMS-02 安全管理規程", en: "Review due: PMS-02 安全管理規程" } });
    expect(body.url).toMatch(/\/regulations\/\d+$/);

    // Once more: nothing new.
    expect((await scanDeadlines({ today })).queued).toBe(0);
    await signInAs("hr");
    expect((await call(webhooksRoute, "GET", "/api/v1/notifications/webhooks")).status).toBe(403);
  });
});
