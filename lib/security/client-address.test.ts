import { describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER, UNKNOWN_ADDRESS, clientAddress, normalizeAddress } from "./client-address";

const h = (peer: string | null, xff?: string) => new Headers({ ...(peer !== null ? { [PEER_ADDRESS_HEADER]: peer } : {}), ...(xff !== undefined ? { "x-forwarded-for": xff } : {}) });

describe("clientAddress with no trusted proxy (the default)", () => {
  it("is the socket address", () => {
    expect(clientAddress(h("198.51.100.7"), 0)).toBe("198.51.100.7");
  });
  it("ignores a spoofed X-Forwarded-For and X-Real-IP", () => {
    const plain = clientAddress(h("198.51.100.7"), 0);
    expect(clientAddress(h("198.51.100.7", "203.0.113.1"), 0)).toBe(plain);
    expect(clientAddress(h("198.51.100.7", "203.0.113.1, 203.0.113.2"), 0)).toBe(plain);
    const withRealIp = h("198.51.100.7", "10.0.0.1");
    withRealIp.set("x-real-ip", "10.9.9.9");
    expect(clientAddress(withRealIp, 0)).toBe(plain);
  });
  it("falls back to one stable key when the socket address is missing or garbage", () => {
    expect(clientAddress(h(null, "203.0.113.1"), 0)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(h("", "203.0.113.1"), 0)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(h("not an address"), 0)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(undefined, 0)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(h(null, "203.0.113.1"), 1)).toBe(UNKNOWN_ADDRESS);
  });
  it("treats a negative or fractional setting as no trusted proxy", () => {
    expect(clientAddress(h("198.51.100.7", "203.0.113.1"), -1)).toBe("198.51.100.7");
    expect(clientAddress(h("198.51.100.7", "203.0.113.1"), 1.5)).toBe("198.51.100.7");
  });
});

describe("clientAddress behind trusted proxies", () => {
  it("with one trusted proxy uses the next-to-last entry of the chain (the entry the proxy appended)", () => {
    expect(clientAddress(h("10.0.0.2", "192.0.2.10"), 1)).toBe("192.0.2.10");
  });
  it("ignores what the client put left of the trusted entries", () => {
    expect(clientAddress(h("10.0.0.2", "203.0.113.66, 192.0.2.10"), 1)).toBe("192.0.2.10");
    expect(clientAddress(h("10.0.0.2", "1.1.1.1, 2.2.2.2, 192.0.2.10"), 1)).toBe("192.0.2.10");
  });
  it("with two trusted proxies uses the entry three from the right", () => {
    expect(clientAddress(h("10.0.0.3", "203.0.113.66, 192.0.2.10, 10.0.0.2"), 2)).toBe("192.0.2.10");
  });
  it("reads several X-Forwarded-For headers as one list, in order", () => {
    const headers = new Headers();
    headers.append("x-forwarded-for", "203.0.113.66");
    headers.append("x-forwarded-for", "192.0.2.10");
    headers.set(PEER_ADDRESS_HEADER, "10.0.0.2");
    expect(clientAddress(headers, 1)).toBe("192.0.2.10");
  });
  it("with fewer entries than configured hops uses the leftmost one", () => {
    expect(clientAddress(h("10.0.0.2"), 1)).toBe("10.0.0.2");
    expect(clientAddress(h("10.0.0.2", "192.0.2.10"), 3)).toBe("192.0.2.10");
  });
  it("falls back to the socket address when the trusted entry is garbage", () => {
    expect(clientAddress(h("10.0.0.2", "<script>"), 1)).toBe("10.0.0.2");
    expect(clientAddress(h("10.0.0.2", "unknown"), 1)).toBe("10.0.0.2");
    expect(clientAddress(h("10.0.0.2", " , ,"), 1)).toBe("10.0.0.2");
  });
});

describe("normalizeAddress", () => {
  it.each([
    ["192.0.2.1", "192.0.2.1"],
    ["  192.0.2.1 ", "192.0.2.1"],
    ["192.0.2.1:4711", "192.0.2.1"],
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["[::ffff:192.0.2.1]:80", "192.0.2.1"],
    ["::FFFF:c000:201", "192.0.2.1"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:0DB8:0001:0002::ffff", "2001:db8:1:2::/64"],
    ["[2001:db8:1:2::9]:443", "2001:db8:1:2::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
  ])("%s → %s", (raw, key) => {
    expect(normalizeAddress(raw)).toBe(key);
  });
  it("groups one subscriber's IPv6 addresses (a /64) under one key", () => {
    expect(normalizeAddress("2001:db8:aa:bb::1")).toBe(normalizeAddress("2001:db8:aa:bb:ffff:1234:5678:9abc"));
    expect(normalizeAddress("2001:db8:aa:bb::1")).not.toBe(normalizeAddress("2001:db8:aa:bc::1"));
  });
  it.each(["", "unknown", "localhost", "999.1.1.1", "1.2.3", "1::2::3", "::g", "a".repeat(200), "[::1"])("refuses %j", (raw) => {
    expect(normalizeAddress(raw)).toBeNull();
  });
});
