/**
 * Cross-site request forgery defence (docs/security.md, "Writes"): a state-changing request is
 * accepted only when the browser says it comes from the app's own origin. Browsers send `Origin` on
 * every non-GET request; when it is absent, `Sec-Fetch-Site: same-origin` is accepted instead. A
 * request with neither (or `Origin: null`) is refused: a script calling the API must say its origin.
 * Pure: the caller passes the app's origin (see `appOrigin`).
 */
export type WriteOriginCheck = { ok: true } | { ok: false; reason: "cross-origin" | "no-origin" };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

export function checkWriteOrigin(method: string, headers: Headers, ownOrigin: string): WriteOriginCheck {
  if (!isStateChanging(method)) return { ok: true };
  const origin = headers.get("origin");
  if (origin !== null) {
    return normalizeOrigin(origin) === normalizeOrigin(ownOrigin) ? { ok: true } : { ok: false, reason: "cross-origin" };
  }
  const site = headers.get("sec-fetch-site");
  if (site === null) return { ok: false, reason: "no-origin" };
  return site === "same-origin" ? { ok: true } : { ok: false, reason: "cross-origin" };
}

/**
 * The app's own origin: the origin of AUTH_URL when it is set (a deployment behind a proxy says its
 * public URL there), otherwise the origin the request was addressed to (its Host header — which a
 * page on another origin cannot set on the victim's browser request).
 */
export function appOrigin(requestUrl: string, authUrl: string | undefined = process.env.AUTH_URL): string {
  if (authUrl) {
    try {
      return new URL(authUrl).origin;
    } catch {
      /* validated at start-up (lib/env.ts); fall back to the request */
    }
  }
  return new URL(requestUrl).origin;
}

function normalizeOrigin(value: string): string {
  try {
    const u = new URL(value);
    if (u.protocol !== "http:" && u.protocol !== "https:") return "\u0000invalid";
    return u.origin;
  } catch {
    return "\u0000invalid";
  }
}
