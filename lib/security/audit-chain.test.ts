import { describe, expect, it } from "vitest";
import { describeChainReport, GENESIS_HASH } from "./audit-chain";

describe("describeChainReport", () => {
  it("names the rows and the last link of an intact chain", () => {
    const lines = describeChainReport({ rows: 3, ok: true, head: { seq: 3, hash: "ab".repeat(32) } });
    expect(lines[0]).toBe("audit trail intact: 3 rows chained");
    expect(lines[1]).toBe(`last row: seq 3, hash ${"ab".repeat(32)}`);
    expect(describeChainReport({ rows: 0, ok: true, head: null })[1]).toBe("the audit trail is empty");
  });
  it("names the first broken link and why", () => {
    const lines = describeChainReport({ rows: 10, ok: false, head: { seq: 10, hash: "x" }, firstBroken: { seq: 4, id: 7, reason: "content" } });
    expect(lines[0]).toMatch(/BROKEN: 10 rows/);
    expect(lines[1]).toMatch(/^first broken link: seq 4 \(id 7\): its content no longer matches/);
    expect(describeChainReport({ rows: 1, ok: false, head: null, firstBroken: { seq: null, id: 2, reason: "unchained" } })[1]).toMatch(/seq \(none\)/);
  });
  it("starts the chain from 64 zeros", () => {
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
  });
});
