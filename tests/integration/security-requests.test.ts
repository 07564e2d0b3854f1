import { beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import * as usersRoute from "@/app/api/v1/users/route";
import * as userRoute from "@/app/api/v1/users/[id]/route";
import * as revokeRoute from "@/app/api/v1/users/[id]/sessions/revoke/route";
import * as auditsRoute from "@/app/api/v1/audits/route";
import * as employeesRoute from "@/app/api/v1/employees/route";
import * as employeesExportRoute from "@/app/api/v1/employees/export.csv/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as employeesImportRoute from "@/app/api/v1/employees/import/route";
import * as contractorsImportRoute from "@/app/api/v1/contractors/import/route";
import * as trainingImportRoute from "@/app/api/v1/training-records/import/route";
import { getDb } from "@/db";
import { auditLog, users } from "@/db/schema";
import { createAudit } from "@/lib/api/contracts/audits";
import { env } from "@/lib/env";
import { MULTIPART_OVERHEAD_BYTES } from "@/lib/security/body";
import { GZIP_MIN_BYTES } from "@/lib/security/headers";
import { APP_ORIGIN, call, signInAs } from "../support/api";
import { TODAY, operations, requestFor, routeFileByPath, routeModule, snapshot } from "../support/openapi-ops";
import { seedDemoData } from "../support/demo-data";

/**
 * The API request gate (docs/security.md, "Writes", "Request bodies", "Invalid text"), through the
 * real route handlers: a write from another origin or of the wrong content type is refused before
 * anything happens; bodies are capped while they stream; text Postgres cannot store is a 400 naming
 * the field. Each refusal is checked to change nothing.
 */

const MIB = 1024 * 1024;
const CHUNK = 64 * 1024;

beforeAll(async () => {
  await seedDemoData(TODAY);
  await signInAs("privacy_manager");
});

async function userAndAuditCounts() {
  const db = await getDb();
  const [u] = await db.select({ n: count() }).from(users);
  const [a] = await db.select({ n: count() }).from(auditLog);
  return { users: Number(u.n), audit: Number(a.n) };
}

/** The attack of issue 12: a privacy_manager account with a password of the attacker's choosing. */
const takeover = { email: "attacker@evil.example", name: "Attacker", role: "privacy_manager", password: "attacker-chosen-password" };
const newUser = (email: string) => ({ email, name: "Gate test", role: "privacy_manager" });

/**
 * A lazy body of `total` bytes in fresh CHUNK-sized pieces (as a socket delivers them), optionally
 * framed as one multipart file part; counts what the server pulled from it.
 */
function lazyBody(total: number, multipart?: { boundary: string; field?: string }) {
  const enc = new TextEncoder();
  const state = { pulled: 0, cancelled: false };
  const row = enc.encode("E0001,PI-BASIC,2026-04-01,90,eラーニング,証跡\n");
  const template = new Uint8Array(CHUNK);
  for (let i = 0; i < CHUNK; i += row.length) template.set(row.subarray(0, Math.min(row.length, CHUNK - i)), i);
  let head = multipart
    ? enc.encode(
        `--${multipart.boundary}\r\ncontent-disposition: form-data; name="mode"\r\n\r\npreview\r\n` +
          `--${multipart.boundary}\r\ncontent-disposition: form-data; name="${multipart.field ?? "file"}"; filename="big.csv"\r\ncontent-type: text/csv\r\n\r\n`,
      )
    : undefined;
  let tailSent = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (head) {
          controller.enqueue(head);
          head = undefined;
        } else if (state.pulled < total) {
          const n = Math.min(CHUNK, total - state.pulled);
          state.pulled += n;
          controller.enqueue(template.slice(0, n));
        } else if (multipart && !tailSent) {
          tailSent = true;
          controller.enqueue(enc.encode(`\r\n--${multipart.boundary}--\r\n`));
        } else {
          controller.close();
        }
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

describe("writes from another origin", () => {
  const refused: [string, Record<string, string | null>][] = [
    ["another port of the same host", { origin: "http://localhost:3001" }],
    ["another scheme", { origin: "https://localhost" }],
    ["a sibling site", { origin: "http://evil.example" }],
    ["Origin: null (sandboxed frame, file:, some redirects)", { origin: "null" }],
    ["no Origin and no Sec-Fetch-Site", { origin: null }],
    ["no Origin, Sec-Fetch-Site: same-site", { origin: null, "sec-fetch-site": "same-site" }],
    ["no Origin, Sec-Fetch-Site: cross-site", { origin: null, "sec-fetch-site": "cross-site" }],
    ["a foreign Origin even with Sec-Fetch-Site: same-origin", { origin: "http://localhost:3001", "sec-fetch-site": "same-origin" }],
  ];

  it.each(refused)("%s: 403 problem+json, no account created, no audit row", async (_label, headers) => {
    await signInAs("privacy_manager");
    const before = await userAndAuditCounts();
    const res = await call(usersRoute, "POST", "/api/v1/users", { json: takeover, headers });
    expect(res.status, res.text).toBe(403);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.type).toBe("/problems/cross-origin");
    expect(res.body.detail).toBe("Requests sent from a page outside this app are refused. Please try again from the app itself.");
    expect(await userAndAuditCounts()).toEqual(before);
  });

  it("answers in Japanese, and refuses before the session is looked at (also without one)", async () => {
    await signInAs(null);
    const res = await call(usersRoute, "POST", "/api/v1/users", { json: takeover, headers: { origin: "http://localhost:3001", "accept-language": "ja" } });
    expect(res.status).toBe(403);
    expect(res.body.title).toBe("アプリ外からのリクエストです");
    expect(res.body.detail).toContain("このアプリ以外のページから送られた操作は受け付けません");
    await signInAs("privacy_manager");
  });

  it("every state-changing method is gated: PATCH (a role change), POST without a body, an upload", async () => {
    const db = await getDb();
    const [target] = await db.select().from(users).where(eq(users.email, "test-privacy_manager@example.com"));
    const other = await signInAs("auditor");
    await signInAs("privacy_manager");
    const before = await snapshot();
    const [row] = await db.select().from(users).where(eq(users.id, other!.id));
    const patch = await call(userRoute, "PATCH", `/api/v1/users/${other!.id}`, {
      params: { id: other!.id },
      json: { name: row.name, role: "privacy_manager", active: true, version: row.version },
      headers: { origin: "http://localhost:8080" },
    });
    expect(patch.status).toBe(403);
    const revoke = await call(revokeRoute, "POST", `/api/v1/users/${target.id}/sessions/revoke`, { params: { id: target.id }, headers: { origin: "null" } });
    expect(revoke.status).toBe(403);
    // The upload is refused before a byte of it is read.
    const upload = lazyBody(50 * MIB, { boundary: "b" });
    const imp = await call(employeesImportRoute, "POST", "/api/v1/employees/import", {
      body: upload.stream,
      headers: { origin: "http://localhost:3001", "content-type": "multipart/form-data; boundary=b" },
    });
    expect(imp.status).toBe(403);
    expect(upload.state.pulled).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it("Sec-Fetch-Site: same-origin without Origin is accepted, and so is the app's own Origin", async () => {
    const before = await userAndAuditCounts();
    const bySite = await call(usersRoute, "POST", "/api/v1/users", {
      json: newUser("gate-same-site@example.com"),
      headers: { origin: null, "sec-fetch-site": "same-origin" },
    });
    expect(bySite.status, bySite.text).toBe(201);
    const byOrigin = await call(usersRoute, "POST", "/api/v1/users", { json: newUser("gate-same-origin@example.com"), headers: { origin: APP_ORIGIN } });
    expect(byOrigin.status, byOrigin.text).toBe(201);
    const after = await userAndAuditCounts();
    expect(after.users).toBe(before.users + 2);
    expect(after.audit).toBeGreaterThan(before.audit);
  });

  it("reads are not gated: a GET without Origin answers", async () => {
    const res = await call(usersRoute, "GET", "/api/v1/users", { headers: { origin: null } });
    expect(res.status).toBe(200);
  });
});

describe("Cache-Control of API answers (docs/security.md, \"Headers\")", () => {
  it("every answer is no-store; one under 1 KB also no-transform (not gzipped), a larger one and a file are left to compress", async () => {
    const small = await call(meRoute, "GET", "/api/v1/me");
    expect(small.status).toBe(200);
    expect(Buffer.byteLength(small.text)).toBeLessThan(GZIP_MIN_BYTES);
    expect(small.headers.get("cache-control")).toBe("no-store, no-transform");

    const large = await call(employeesRoute, "GET", "/api/v1/employees?page=1");
    expect(large.status).toBe(200);
    expect(Buffer.byteLength(large.text)).toBeGreaterThanOrEqual(GZIP_MIN_BYTES);
    expect(large.headers.get("cache-control")).toBe("no-store");

    // A problem+json (here a 400) and a refusal before the session (403 from another origin).
    const bad = await call(employeesRoute, "GET", "/api/v1/employees?page=0");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("cache-control")).toBe("no-store, no-transform");
    const foreign = await call(usersRoute, "POST", "/api/v1/users", { json: {}, headers: { origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("cache-control")).toBe("no-store, no-transform");

    // A file the route builds itself (a CSV export) keeps no-store without no-transform.
    const csv = await call(employeesExportRoute, "GET", "/api/v1/employees/export.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("cache-control")).toBe("no-store");
  });
});

describe("content types", () => {
  it("a text/plain body holding valid JSON (the <form enctype=text/plain> attack) is refused 415 and changes nothing", async () => {
    const before = await snapshot();
    const res = await call(usersRoute, "POST", "/api/v1/users", {
      body: `${JSON.stringify(takeover).slice(0, -1)},"x":"=}`,
      headers: { "content-type": "text/plain" },
    });
    expect(res.status, res.text).toBe(415);
    expect(res.body.type).toBe("/problems/unsupported-media-type");
    expect(res.body.detail).toBe("Send this request as JSON (Content-Type: application/json).");
    const plain = await call(usersRoute, "POST", "/api/v1/users", { body: JSON.stringify(takeover), headers: { "content-type": "text/plain;charset=UTF-8" } });
    expect(plain.status).toBe(415);
    expect(await snapshot()).toEqual(before);
  });

  it("a JSON operation refuses form encodings and a missing type; accepts a charset parameter", async () => {
    const before = await snapshot();
    const form = new URLSearchParams(Object.entries(takeover));
    for (const [body, type] of [
      [form.toString(), "application/x-www-form-urlencoded"],
      [JSON.stringify(takeover), "multipart/form-data; boundary=x"],
      [JSON.stringify(takeover), null],
    ] as const) {
      const res = await call(usersRoute, "POST", "/api/v1/users", { body, headers: { "content-type": type } });
      expect(res.status, `${type}: ${res.text}`).toBe(415);
    }
    expect(await snapshot()).toEqual(before);
    const ok = await call(usersRoute, "POST", "/api/v1/users", {
      body: JSON.stringify(newUser("gate-charset@example.com")),
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(ok.status, ok.text).toBe(201);
  });

  it("an upload takes multipart/form-data only", async () => {
    const res = await call(employeesImportRoute, "POST", "/api/v1/employees/import", { body: "社員番号,氏名\n", headers: { "content-type": "text/csv" } });
    expect(res.status).toBe(415);
    expect(res.body.detail).toBe("Upload the file as multipart/form-data.");
  });

  it("an operation without a body refuses a form-encoded one (415) but takes none or an empty JSON one", async () => {
    const db = await getDb();
    const [target] = await db.select().from(users).where(eq(users.email, "test-auditor@example.com"));
    const path = `/api/v1/users/${target.id}/sessions/revoke`;
    const before = await snapshot();
    const form = await call(revokeRoute, "POST", path, { params: { id: target.id }, body: "a=b", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
    expect(form.body.detail).toBe("This request takes no body. Send it without one.");
    const text = await call(revokeRoute, "POST", path, { params: { id: target.id }, body: "{}", headers: { "content-type": "text/plain" } });
    expect(text.status).toBe(415);
    expect(await snapshot()).toEqual(before);
    expect((await call(revokeRoute, "POST", path, { params: { id: target.id } })).status).toBeLessThan(300);
    expect((await call(revokeRoute, "POST", path, { params: { id: target.id }, json: {} })).status).toBeLessThan(300);
  });
});

describe("bounded bodies", () => {
  const jsonCap = () => env().PMS_MAX_JSON_BYTES;

  /** A users body padded with whitespace (outside the strings) to exactly `size` bytes. */
  function paddedUser(email: string, size: number): string {
    const json = JSON.stringify(newUser(email));
    return `${json.slice(0, -1)}${" ".repeat(size - json.length)}}`;
  }

  it("a JSON body of exactly the cap is read; one byte more is 413, without Content-Length", async () => {
    const ok = await call(usersRoute, "POST", "/api/v1/users", { body: paddedUser("gate-at-cap@example.com", jsonCap()), headers: { "content-type": "application/json" } });
    expect(ok.status, ok.text.slice(0, 300)).toBe(201);
    const before = await snapshot();
    const over = await call(usersRoute, "POST", "/api/v1/users", {
      body: paddedUser("gate-over-cap@example.com", jsonCap() + 1),
      headers: { "content-type": "application/json" },
    });
    expect(over.status).toBe(413);
    expect(over.body.type).toBe("/problems/payload-too-large");
    expect(over.body.detail).toBe("The request is too large (at most 1 MB).");
    expect(await snapshot()).toEqual(before);
  });

  it("a Content-Length over the cap is refused before the body is read", async () => {
    const body = lazyBody(10 * MIB);
    const res = await call(usersRoute, "POST", "/api/v1/users", {
      body: body.stream,
      headers: { "content-type": "application/json", "content-length": String(10 * MIB), "accept-language": "ja" },
    });
    expect(res.status).toBe(413);
    expect(res.body.detail).toBe("リクエストが大きすぎます（上限 1 MB）。");
    expect(body.state.pulled).toBe(0);
  });

  it("a chunked JSON body (no Content-Length) is cut at the cap: 413, read no further than one chunk beyond it", async () => {
    const before = await snapshot();
    const body = lazyBody(200 * MIB);
    const res = await call(usersRoute, "POST", "/api/v1/users", { body: body.stream, headers: { "content-type": "application/json" } });
    expect(res.status).toBe(413);
    expect(body.state.pulled).toBeLessThanOrEqual(jsonCap() + CHUNK);
    expect(await snapshot()).toEqual(before);
  });

  it("a Content-Length lying low does not help: the counter still stops the stream", async () => {
    const body = lazyBody(200 * MIB);
    const res = await call(usersRoute, "POST", "/api/v1/users", { body: body.stream, headers: { "content-type": "application/json", "content-length": "10" } });
    expect(res.status).toBe(413);
    expect(body.state.pulled).toBeLessThanOrEqual(jsonCap() + CHUNK);
  });

  const imports = [
    ["training records", trainingImportRoute, "/api/v1/training-records/import", 20 * MIB],
    ["employees", employeesImportRoute, "/api/v1/employees/import", 10 * MIB],
    ["contractors", contractorsImportRoute, "/api/v1/contractors/import", 5 * MIB],
  ] as const;

  it.each(imports)("%s import: a chunked 200 MB upload is 413 after about its limit, nothing changed", async (_name, route, path, limit) => {
    const before = await snapshot();
    const body = lazyBody(200 * MIB, { boundary: "gate" });
    const res = await call(route, "POST", path, { body: body.stream, headers: { "content-type": "multipart/form-data; boundary=gate" } });
    expect(res.status, res.text.slice(0, 300)).toBe(413);
    expect(res.body.type).toBe("/problems/payload-too-large");
    expect(res.body.detail).toBe(`The file is too large (at most ${limit / MIB} MB). Split it into smaller files.`);
    expect(body.state.pulled).toBeLessThanOrEqual(limit + MULTIPART_OVERHEAD_BYTES + CHUNK);
    expect(await snapshot()).toEqual(before);
  });

  it.each(imports)("%s import: Content-Length over the limit is 413 before reading; a file just over it is 413 too", async (_name, route, path, limit) => {
    const body = lazyBody(200 * MIB, { boundary: "gate" });
    const byHeader = await call(route, "POST", path, {
      body: body.stream,
      headers: { "content-type": "multipart/form-data; boundary=gate", "content-length": String(200 * MIB) },
    });
    expect(byHeader.status).toBe(413);
    expect(body.state.pulled).toBe(0);
    // Within the framing allowance the stream is read whole; the file itself is still held to the limit.
    const form = new FormData();
    form.set("mode", "preview");
    form.set("file", new File([new Uint8Array(limit + 1).fill(0x41)], "big.csv"));
    const byFile = await call(route, "POST", path, { body: form });
    expect(byFile.status).toBe(413);
  });

  it("four parallel chunked 200 MB uploads are each cut at the limit; memory stays bounded", async () => {
    // RSS, and the bytes held in ArrayBuffers (where request chunks live), sampled while the uploads run.
    const usage = () => {
      const m = process.memoryUsage();
      return { rss: m.rss, buffers: m.arrayBuffers };
    };
    const baseline = usage();
    const peak = { ...baseline };
    const sample = () => {
      const now = usage();
      peak.rss = Math.max(peak.rss, now.rss);
      peak.buffers = Math.max(peak.buffers, now.buffers);
    };
    const sampler = setInterval(sample, 5);
    const bodies = Array.from({ length: 4 }, () => lazyBody(200 * MIB, { boundary: "gate" }));
    try {
      const answers = await Promise.all(
        bodies.map((b) =>
          call(trainingImportRoute, "POST", "/api/v1/training-records/import", { body: b.stream, headers: { "content-type": "multipart/form-data; boundary=gate" } }),
        ),
      );
      sample();
      expect(answers.map((a) => a.status)).toEqual([413, 413, 413, 413]);
    } finally {
      clearInterval(sampler);
    }
    // Buffering the uploads whole would take 800 MB; each holds at most its 20 MB limit.
    const mb = (n: number) => Math.round(n / MIB);
    console.info(`four parallel 200 MB uploads: RSS ${mb(baseline.rss)} → ${mb(peak.rss)} MB, ArrayBuffers ${mb(baseline.buffers)} → ${mb(peak.buffers)} MB`);
    expect(peak.rss - baseline.rss).toBeLessThan(100 * MIB);
    expect(peak.buffers - baseline.buffers).toBeLessThan(100 * MIB);
    for (const b of bodies) expect(b.state.pulled).toBeLessThanOrEqual(20 * MIB + MULTIPART_OVERHEAD_BYTES + CHUNK);
  });
});

describe("text Postgres cannot store", () => {
  it("NUL in a body field: 400 naming the field (en and ja), nothing changed", async () => {
    const before = await snapshot();
    const res = await call(usersRoute, "POST", "/api/v1/users", { json: { ...newUser("gate-nul@example.com"), name: "Gate\u0000test" } });
    expect(res.status).toBe(400);
    expect(res.body.type).toBe("/problems/validation");
    expect(res.body.errors).toEqual([{ field: "name", code: "invalid_characters", message: "Contains a character that cannot be saved (such as the NUL character)." }]);
    const ja = await call(usersRoute, "POST", "/api/v1/users", { json: { ...newUser("gate-nul@example.com"), name: "\u0000" }, headers: { "accept-language": "ja" } });
    expect(ja.body.errors[0].message).toBe("保存できない文字（NUL 文字など）が含まれています。");
    expect(ja.body.detail).toContain("保存できない文字");
    expect(await snapshot()).toEqual(before);
  });

  it("NUL in a nested field, in a key, and a lone surrogate sent as a \\ud800 escape: 400 with their paths", async () => {
    const before = await snapshot();
    const example = createAudit.example as Record<string, unknown>;
    const nested = await call(auditsRoute, "POST", "/api/v1/audits", { json: { ...example, scopeClauses: ["A.3.4.2", "A.3.4.3\u0000"] } });
    expect(nested.status, nested.text).toBe(400);
    expect(nested.body.errors.map((e: { field: string }) => e.field)).toEqual(["scopeClauses.1"]);

    const key = await call(usersRoute, "POST", "/api/v1/users", { json: { ...newUser("gate-key@example.com"), "role\u0000": "x" } });
    expect(key.status).toBe(400);
    expect(key.body.errors.map((e: { field: string }) => e.field)).toEqual(["role\\u0000"]);

    const raw = JSON.stringify(newUser("gate-surrogate@example.com")).replace('"Gate test"', '"Gate \\ud800 test"');
    const surrogate = await call(usersRoute, "POST", "/api/v1/users", { body: raw, headers: { "content-type": "application/json" } });
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.errors.map((e: { field: string }) => e.field)).toEqual(["name"]);
    expect(await snapshot()).toEqual(before);
  });

  it("a search for NUL (q=%00) and any other query parameter with one: 400 naming it", async () => {
    const q = await call(employeesRoute, "GET", "/api/v1/employees?q=%00");
    expect(q.status, q.text).toBe(400);
    expect(q.body.errors).toEqual([{ field: "q", code: "invalid_characters", message: "Contains a character that cannot be saved (such as the NUL character)." }]);
    const other = await call(employeesRoute, "GET", "/api/v1/employees?q=ok&sort=name%00");
    expect(other.status).toBe(400);
    expect(other.body.errors.map((e: { field: string }) => e.field)).toEqual(["sort"]);
    const surrogate = await call(employeesRoute, "GET", "/api/v1/employees?q=%ED%A0%80");
    // %ED%A0%80 is not UTF-8 (an encoded surrogate): URL decoding makes it U+FFFD, which is storable.
    expect(surrogate.status).toBe(200);
    expect((await call(employeesRoute, "GET", "/api/v1/employees?q=%E4%BD%90")).status).toBe(200);
  });

  it("a multipart text field or file name with NUL: 400 naming the field", async () => {
    const form = new FormData();
    form.set("mode", "preview\u0000");
    form.set("file", new File(["社員番号,氏名\n"], "employees.csv"));
    const mode = await call(employeesImportRoute, "POST", "/api/v1/employees/import", { body: form });
    expect(mode.status).toBe(400);
    expect(mode.body.errors.map((e: { field: string }) => e.field)).toEqual(["mode"]);
    const named = new FormData();
    named.set("mode", "preview");
    named.set("file", new File(["社員番号,コースコード,受講日\n"], "records\u0000.csv"));
    const name = await call(trainingImportRoute, "POST", "/api/v1/training-records/import", { body: named });
    expect(name.status).toBe(400);
    expect(name.body.errors.map((e: { field: string }) => e.field)).toEqual(["file"]);
  });

  const csvCases = [
    [
      "employees",
      employeesImportRoute,
      "/api/v1/employees/import",
      "社員番号,氏名,部署コード,雇用形態,入社日\r\nE9001,正しい 行,D01,正社員,2024-04-01\r\nE9002,佐藤\u0000花子,D01,正社員,2024-04-01\r\n",
      "line:3:name",
    ],
    [
      "contractors",
      contractorsImportRoute,
      "/api/v1/contractors/import",
      "名称,委託業務,備考\r\n株式会社ゲート,印刷,ok\r\n株式会社ゲート二,発送,備考\u0000あり\r\n",
      "line:3:note",
    ],
    ["training records", trainingImportRoute, "/api/v1/training-records/import", "社員番号,コースコード,受講日,証跡\r\nE0001,PI-BASIC,2026-04-01,出席簿\u0000\r\n", "line:2:evidence"],
  ] as const;

  it.each(csvCases)("%s import: NUL in a CSV cell is 400 naming line and column, in preview and commit; nothing changed", async (_name, route, path, csv, field) => {
    const before = await snapshot();
    for (const mode of ["preview", "commit"]) {
      const form = new FormData();
      form.set("mode", mode);
      form.set("file", new File([csv], "upload.csv", { type: "text/csv" }));
      const res = await call(route, "POST", path, { body: form });
      expect(res.status, res.text.slice(0, 300)).toBe(400);
      expect(res.body.detail).toBe("Some values contain characters that cannot be saved (such as the NUL character). Remove them and try again.");
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      expect(res.body.errors[0].message).toBe("Contains a character that cannot be saved (such as the NUL character).");
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("every operation of the OpenAPI document refuses unstorable text before doing anything", () => {
  const routed = operations.filter((o) => routeFileByPath.has(o.path));

  /** Every string leaf of an example, with its dotted path, replaced by one holding NUL. */
  function poisonStrings(value: unknown, path: string[] = [], out: string[] = []): unknown {
    if (typeof value === "string") {
      out.push(path.join("."));
      return `${value}\u0000`;
    }
    if (Array.isArray(value)) return value.map((v, i) => poisonStrings(v, [...path, String(i)], out));
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poisonStrings(v, [...path, k], out)]));
    return value;
  }

  const withStrings = routed.filter((o) => {
    const r = requestFor(o);
    const paths: string[] = [];
    if ("json" in r) poisonStrings(r.json, [], paths);
    return paths.length > 0;
  });

  it.each(withStrings.map((o) => [`${o.method} ${o.path}`, o] as const))("%s: NUL in each string of the example → 400 naming each, nothing changed", async (_name, o) => {
    const r = requestFor(o);
    const paths: string[] = [];
    const json = poisonStrings((r as { json: unknown }).json, [], paths);
    const before = await snapshot();
    const res = await call(await routeModule(o.path), o.method, r.url, { params: r.params, json });
    expect(res.status, res.text.slice(0, 300)).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(paths.sort());
    expect(await snapshot()).toEqual(before);
  });

  it.each(routed.filter((o) => o.method === "GET").map((o) => [`${o.method} ${o.path}`, o] as const))("%s?q=%%00 → 400 naming q", async (_name, o) => {
    const r = requestFor(o);
    const res = await call(await routeModule(o.path), "GET", `${r.url}?q=%00`, { params: r.params });
    expect(res.status, res.text.slice(0, 300)).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(["q"]);
  });
});
