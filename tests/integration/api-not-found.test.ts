import { describe, expect, it } from "vitest";
import * as notFoundRoute from "@/app/api/v1/[...path]/route";
import * as apiRootRoute from "@/app/api/v1/route";
import * as incidentRoute from "@/app/api/v1/incidents/[id]/route";
import { call, signInAs } from "../support/api";

/**
 * A path under /api/v1 that no route serves (app/api/v1/[...path]/route.ts, docs/architecture.md §2),
 * and /api/v1 itself (app/api/v1/route.ts, the same handlers):
 * a 404 problem+json in the caller's language with the API's Cache-Control, for every method, without
 * a session and without reading the body. A write from another origin gets the same 404, not the
 * write gate's 403: nothing here changes or reveals anything (the comment in the route says why).
 * That Next.js matches the real routes first, and the headers next.config.ts adds, are checked on the
 * real server (e2e/security.spec.ts).
 */

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const JA_DETAIL = "このパスに該当する API の操作はありません。API リファレンスでパスを確認してください。";
const EN_DETAIL = "There is no API operation at this path. Check the path against the API reference.";

function expectNotFound(res: Awaited<ReturnType<typeof call>>, instance: string, locale: "ja" | "en") {
  expect(res.status).toBe(404);
  expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
  expect(res.headers.get("cache-control")).toBe("no-store, no-transform");
  expect(res.headers.get("content-language")).toBe(locale);
  expect(res.body).toEqual({
    type: "/problems/not-found",
    title: locale === "ja" ? "見つかりません" : "Not found",
    status: 404,
    detail: locale === "ja" ? JA_DETAIL : EN_DETAIL,
    instance,
  });
}

describe("an unknown path under /api/v1", () => {
  it("GET: 404 problem+json, no-store, in English or Japanese (Accept-Language), without a session", async () => {
    await signInAs(null);
    const path = "/api/v1/no-such-thing";
    expectNotFound(await call(notFoundRoute, "GET", path), path, "en");
    expectNotFound(await call(notFoundRoute, "GET", path, { headers: { "accept-language": "ja,en;q=0.5" } }), path, "ja");
  });

  it("the NEXT_LOCALE cookie wins over Accept-Language, as on every other API answer", async () => {
    const path = "/api/v1/no-such-thing";
    expectNotFound(await call(notFoundRoute, "GET", path, { headers: { cookie: "NEXT_LOCALE=ja", "accept-language": "en" } }), path, "ja");
    expectNotFound(await call(notFoundRoute, "GET", path, { headers: { cookie: "NEXT_LOCALE=en", "accept-language": "ja" } }), path, "en");
  });

  it("POST under a real resource (/api/v1/users/1/nope): the same 404, body not read", async () => {
    await signInAs("privacy_manager");
    const path = "/api/v1/users/1/nope";
    const pulled = { n: 0 };
    // highWaterMark 0: the stream is pulled only when someone reads the request body.
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled.n++;
          controller.enqueue(new TextEncoder().encode('{"a":1}'));
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const res = await call(notFoundRoute, "POST", path, { body, headers: { "content-type": "application/json", "accept-language": "ja" } });
    expectNotFound(res, path, "ja");
    expect(pulled.n).toBe(0);
  });

  it("a write from another origin, or with no Origin at all: 404 too (nothing here to guard), not the write gate's 403", async () => {
    const path = "/api/v1/users/1/nope";
    expectNotFound(await call(notFoundRoute, "POST", path, { json: { a: 1 }, headers: { origin: "https://evil.example" } }), path, "en");
    expectNotFound(await call(notFoundRoute, "DELETE", path, { headers: { origin: null, "accept-language": "ja" } }), path, "ja");
  });

  it.each(METHODS)("%s: 404 problem+json", async (method) => {
    await signInAs(null);
    const path = "/api/v1/a/b/c";
    expectNotFound(await call(notFoundRoute, method, path), path, "en");
  });

  it("looks like any other 404 of the API (a record that does not exist): same type, title, headers", async () => {
    await signInAs("privacy_manager");
    const record = await call(incidentRoute, "GET", "/api/v1/incidents/999999", { params: { id: 999999 } });
    const unknown = await call(notFoundRoute, "GET", "/api/v1/no-such-thing");
    expect(record.status).toBe(404);
    for (const header of ["content-type", "cache-control", "content-language"]) expect(unknown.headers.get(header), header).toBe(record.headers.get(header));
    expect({ type: unknown.body.type, title: unknown.body.title, status: unknown.body.status }).toEqual({
      type: record.body.type,
      title: record.body.title,
      status: record.body.status,
    });
  });

  it.each(METHODS)("/api/v1 itself, %s: the same 404, without a session and without reading the body", async (method) => {
    await signInAs(null);
    const path = "/api/v1";
    const pulled = { n: 0 };
    const body =
      method === "GET" || method === "HEAD"
        ? undefined
        : new ReadableStream<Uint8Array>(
            {
              pull(controller) {
                pulled.n++;
                controller.enqueue(new TextEncoder().encode("{}"));
                controller.close();
              },
            },
            { highWaterMark: 0 },
          );
    expectNotFound(await call(apiRootRoute, method, path, { body, headers: { "accept-language": "ja" } }), path, "ja");
    expect(pulled.n).toBe(0);
  });
});
