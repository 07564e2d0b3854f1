import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER, UNKNOWN_ADDRESS, clientAddress, requestClientAddress } from "./client-address";
import { installPeerAddressHook } from "./peer-address";

/** A real HTTP server, as `next start` creates one: the handler reports the headers it received. */
let server: http.Server;
let port: number;

beforeAll(async () => {
  installPeerAddressHook();
  server = http.createServer((req, res) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ peer: req.headers[PEER_ADDRESS_HEADER] ?? null, key0: clientAddress(headers, 0), key1: clientAddress(headers, 1), viaEnv: requestClientAddress(headers) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function get(headers: Record<string, string>) {
  const res = await fetch(`http://127.0.0.1:${port}/`, { headers });
  return (await res.json()) as { peer: string | null; key0: string; key1: string; viaEnv: string };
}

describe("peer-address hook", () => {
  it("stamps the socket address on every request", async () => {
    const r = await get({});
    expect(r.peer).toMatch(/127\.0\.0\.1$/);
    expect(r.key0).toBe("127.0.0.1");
    expect(r.viaEnv).toBe("127.0.0.1");
  });

  it("overwrites a client-sent copy of its header, and a spoofed X-Forwarded-For does not move the key", async () => {
    const r = await get({ [PEER_ADDRESS_HEADER]: "203.0.113.50", "x-forwarded-for": "203.0.113.51" });
    expect(r.peer).toMatch(/127\.0\.0\.1$/);
    expect(r.key0).toBe("127.0.0.1");
    expect(r.viaEnv).toBe("127.0.0.1");
    // Behind one trusted proxy the entry that proxy appended is the client.
    expect(r.key1).toBe("203.0.113.51");
  });

  it("is installed once however often it is called", async () => {
    installPeerAddressHook();
    installPeerAddressHook();
    expect((await get({})).key0).toBe("127.0.0.1");
  });

  it("the address is UNKNOWN without the header", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.51" }), 0)).toBe(UNKNOWN_ADDRESS);
  });
});
