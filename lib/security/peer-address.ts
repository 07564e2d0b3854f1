import http from "node:http";
import https from "node:https";
import { PEER_ADDRESS_HEADER, markPeerAddressHookInstalled } from "./client-address";

/**
 * Writes each request's TCP peer address into PEER_ADDRESS_HEADER before Next sees the request,
 * overwriting any value the client sent (why: lib/security/client-address.ts; docs/security.md,
 * "Client address"). Installed once per process by instrumentation.ts, which Next runs before it
 * serves: it wraps the `request` event of every HTTP(S) server in the process. A request that reached
 * the server while it was still starting carries no header and is counted as UNKNOWN_ADDRESS.
 */
export function installPeerAddressHook(): void {
  const state = globalThis as unknown as { __pmsPeerAddressEmit?: boolean };
  if (state.__pmsPeerAddressEmit) return;
  state.__pmsPeerAddressEmit = true;
  for (const proto of [http.Server.prototype, https.Server.prototype] as Array<{ emit: (event: string | symbol, ...args: unknown[]) => boolean }>) {
    const original = proto.emit;
    proto.emit = function emit(this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") stampPeerAddress(args[0] as http.IncomingMessage);
      return original.call(this, event, ...args);
    };
  }
  markPeerAddressHookInstalled();
}

export function stampPeerAddress(req: http.IncomingMessage): void {
  if (!req || typeof req !== "object" || !req.headers) return;
  req.headers[PEER_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "";
}
