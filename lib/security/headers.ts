/**
 * The security headers of every response (docs/security.md, "Headers"). Pure: the proxy passes
 * the per-request facts (nonce, https, development server); next.config.ts uses the static part
 * for what the proxy does not see (/api/v1 answers and static files).
 */

export type Header = { key: string; value: string };

/** Sent on every response, whatever it is. */
export const BASE_SECURITY_HEADERS: readonly Header[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // frame-ancestors 'none' says the same to current browsers; this is for the older ones.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Nothing in the app uses these; a page that got script in could not use them either.
  {
    key: "Permissions-Policy",
    value: [
      "accelerometer=()",
      "autoplay=()",
      "camera=()",
      "display-capture=()",
      "geolocation=()",
      "gyroscope=()",
      "magnetometer=()",
      "microphone=()",
      "midi=()",
      "payment=()",
      "usb=()",
      "browsing-topics=()",
    ].join(", "),
  },
];

/** Two years, this host and its subdomains; sent only on responses served over https. */
export const HSTS: Header = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };

/**
 * For answers that are data, not pages (JSON, CSV, iCalendar, problem+json): nothing may run,
 * load or frame them even if a browser is tricked into rendering one as a document.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Below this size `next start` would gzip an answer for nothing: a JSON of a few hundred bytes comes
 * out no smaller (gzip adds its own header), and each gzip stream costs ~0.1–0.3 ms and a quarter of a
 * megabyte of memory to set up — a tenth or more of a small answer's whole time (docs/security.md,
 * "Headers"). The compressor skips answers marked `no-transform`.
 */
export const GZIP_MIN_BYTES = 1024;

/**
 * Cache-Control of an `/api/v1` answer: never stored (it is personal data, or says who may see it);
 * `no-transform` as well when the body is known to be under GZIP_MIN_BYTES. `bodyBytes` null: a
 * body whose size is not known here (a file, a stream) — plain `no-store`, compressed as usual.
 */
export function apiCacheControl(bodyBytes: number | null): string {
  return bodyBytes !== null && bodyBytes < GZIP_MIN_BYTES ? "no-store, no-transform" : "no-store";
}

/** An `/api/v1` answer with its Cache-Control (apiCacheControl) unless it chose its own. */
export function withApiCacheControl(res: Response, bodyBytes: number | null): Response {
  if (!res.headers.has("cache-control")) {
    try {
      res.headers.set("cache-control", apiCacheControl(bodyBytes));
    } catch {
      // An immutable Response (Response.redirect, a fetched one): copy it with the header.
      const headers = new Headers(res.headers);
      headers.set("cache-control", apiCacheControl(bodyBytes));
      return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
    }
  }
  return res;
}

/**
 * A stored evidence file (lib/evidence/content.ts): nothing in it may run, load or submit anything
 * (`sandbox` makes even a PDF or an image a browser opened as a document an opaque origin without
 * scripts), and only the app itself may frame it (the preview). next.config.ts sends it on
 * /api/v1/evidence/files/{id}/content instead of the data policy above.
 */
export const EVIDENCE_CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; object-src 'self'; sandbox; frame-ancestors 'self'";

export type PagePolicyOptions = {
  /** This request's nonce (see createNonce); Next.js puts it on its own scripts. */
  nonce: string;
  /** `next dev`: React's development build needs eval for its error overlays. Never in production. */
  dev: boolean;
  /** Served over https: ask the browser to upgrade any stray http sub-request. */
  https: boolean;
};

/**
 * The Content-Security-Policy of a page. Scripts run only with this request's nonce (Next.js's
 * bootstrap and inline RSC payload carry it) or when loaded by such a script ('strict-dynamic':
 * Next.js's chunks, the lazily loaded chart code, Swagger UI's bundle); no eval in production.
 * Styles allow 'unsafe-inline': React and Recharts render `style="…"` attributes into the server
 * HTML (chart frames, progress bars, Swagger UI), and the print pages render a <style> element whose
 * text depends on the request — a nonce would not survive a client-side navigation to them (the RSC
 * answer carries another request's nonce). CSS cannot run script; React escapes what users type.
 */
export function pageContentSecurityPolicy({ nonce, dev, https }: PagePolicyOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/** A fresh, unguessable nonce (128 random bits, base64). Works on the edge and in Node. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export type HttpsFacts = {
  /** The URL the server saw (https only when it terminates TLS itself). */
  requestUrl: string;
  /** AUTH_URL, the public URL of the deployment. */
  authUrl?: string;
  /** The X-Forwarded-Proto request header. */
  forwardedProto?: string | null;
  /** PMS_TRUSTED_PROXIES: how many reverse proxies in front of the app are trusted. */
  trustedProxies: number;
};

/**
 * Whether the browser reached the app over https: AUTH_URL says https, the server itself was
 * addressed over https, or a trusted reverse proxy says so in X-Forwarded-Proto. (A client forging
 * that header with no proxy configured is ignored; with one configured, a forged "https" could only
 * add HSTS to a plain-http answer, which browsers ignore.)
 */
export function servedOverHttps({ requestUrl, authUrl, forwardedProto, trustedProxies }: HttpsFacts): boolean {
  if (protocolOf(authUrl) === "https:" || protocolOf(requestUrl) === "https:") return true;
  if (trustedProxies > 0 && forwardedProto) {
    return forwardedProto.split(",")[0].trim().toLowerCase() === "https";
  }
  return false;
}

/** Every header a page response carries (the proxy sets them; the CSP also goes to Next.js on the request). */
export function pageSecurityHeaders(opts: PagePolicyOptions): Header[] {
  return [
    ...BASE_SECURITY_HEADERS,
    { key: "Content-Security-Policy", value: pageContentSecurityPolicy(opts) },
    ...(opts.https ? [HSTS] : []),
  ];
}

function protocolOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol;
  } catch {
    return null;
  }
}

/** "a b; c d" → { a: ["b"], c: ["d"] }: a policy's directives, for checking one (tests). */
export function parseCsp(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}
