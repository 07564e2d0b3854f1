import { isIP } from "node:net";
import { env } from "@/lib/env";

/**
 * The client address that per-address limits (sign-in) count against (docs/security.md, "Client
 * address").
 *
 * Why a header of our own: under `next start` (Next 16.4) the only trace of the TCP peer is
 * base-server's `req.headers['x-forwarded-for'] ??= socket.remoteAddress` — Next sets X-Forwarded-For
 * only when the client did not send one, and never appends. So a client that sends
 * `X-Forwarded-For: 1.2.3.4` is indistinguishable from a proxy that did, and the socket address is
 * lost. The peer-address hook (lib/security/peer-address.ts, installed by instrumentation.ts at start)
 * therefore writes the socket address into PEER_ADDRESS_HEADER on every request, overwriting whatever
 * a client sent under that name; Auth.js hands those headers to `authorize()` and route handlers see
 * them too.
 *
 * The chain is X-Forwarded-For's entries followed by the socket address. With N trusted proxies
 * (PMS_TRUSTED_PROXIES, default 0) the client is the entry N+1 from the right: each trusted proxy
 * appended the address it saw, so everything left of that entry was written by the client and is
 * ignored. With 0 the socket address is used and X-Forwarded-For is never read.
 */
export const PEER_ADDRESS_HEADER = "x-pms-peer-address";

/** The key for a request whose address cannot be known (no hook, no socket): one shared bucket, never a client-chosen one. */
export const UNKNOWN_ADDRESS = "unknown";

type HeaderReader = { get(name: string): string | null };

export function clientAddress(headers: HeaderReader | null | undefined, trustedProxies: number): string {
  const peerRaw = headers?.get(PEER_ADDRESS_HEADER)?.trim() ?? "";
  const peer = normalizeAddress(peerRaw);
  if (!peer) return UNKNOWN_ADDRESS;
  const hops = Number.isInteger(trustedProxies) && trustedProxies > 0 ? trustedProxies : 0;
  if (hops === 0) return peer;
  const forwarded = (headers?.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, peerRaw];
  // Fewer entries than configured hops: the request came through fewer proxies than configured
  // (a health check on the app's own port, say): the leftmost entry is the farthest we know.
  const picked = normalizeAddress(chain[Math.max(0, chain.length - 1 - hops)]);
  // A trusted proxy wrote something that is not an address: count against the proxy itself.
  return picked ?? peer;
}

/**
 * One address as a limit key, or null when it is not an IP address. Strips brackets, ports and zone
 * ids; an IPv4-mapped IPv6 address becomes plain IPv4; IPv6 addresses are grouped by their /64
 * prefix (one subscriber usually holds a whole /64, so single addresses would give a client 2^64
 * keys to rotate through).
 */
export function normalizeAddress(raw: string | null | undefined): string | null {
  let s = (raw ?? "").trim();
  if (!s || s.length > 100) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(s);
  if (bracketed) s = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  s = s.replace(/%[\w.-]+$/, "");
  const version = isIP(s);
  if (version === 4) return s.split(".").map(Number).join(".");
  if (version !== 6) return null;
  const groups = expandIPv6(s);
  if (!groups) return null;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (also with an embedded IPv4 tail). */
function expandIPv6(addr: string): number[] | null {
  let s = addr.toLowerCase();
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (v4) {
    const [a, b, c, d] = v4[1].split(".").map(Number);
    s = s.slice(0, v4.index) + ((a << 8) | b).toString(16) + ":" + ((c << 8) | d).toString(16);
  }
  const [head, tail] = s.includes("::") ? s.split("::") : [s, undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? left.length !== 8 : missing < 1) return null;
  const all = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...right].map((g) => parseInt(g, 16));
  return all.length === 8 && all.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? all : null;
}

const hookState = globalThis as unknown as { __pmsPeerAddressHook?: boolean; __pmsPeerAddressWarned?: boolean };

export function markPeerAddressHookInstalled() {
  hookState.__pmsPeerAddressHook = true;
}

/**
 * The address of the request behind these headers, by this deployment's settings. Without the
 * peer-address hook the header could have come from the client, so it is not read at all: every
 * such request shares UNKNOWN_ADDRESS (stricter, never spoofable) and a warning is logged once.
 */
export function requestClientAddress(headers: HeaderReader | null | undefined): string {
  if (!hookState.__pmsPeerAddressHook) {
    if (!hookState.__pmsPeerAddressWarned) {
      hookState.__pmsPeerAddressWarned = true;
      console.warn("[pms] the peer-address hook is not installed (instrumentation.ts): per-address sign-in limits share one bucket");
    }
    return UNKNOWN_ADDRESS;
  }
  return clientAddress(headers, env().PMS_TRUSTED_PROXIES);
}
