/**
 * Where a sign-in may send the browser afterwards (docs/security.md, "Redirects"). A target from
 * the outside world (the `callbackUrl` query parameter, the sign-in form's hidden field, Auth.js's
 * own callback) is parsed the way the browser will parse it, against the app's origin, and kept
 * only when the result is on that origin. What comes back is always a path on this site
 * ("/incidents/3?tab=x#y"), never a URL another origin could hide in.
 */

/** Where a sign-in lands when its target is missing, foreign or the sign-in page itself. */
export const DEFAULT_AFTER_SIGN_IN = "/dashboard";

export const LOGIN_PATH = "/login";

// C0 controls and DEL: the URL parser silently drops tabs and newlines ("/\t/evil" → "//evil"),
// so a target that carries any of them is refused rather than guessed at.
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/**
 * The path (with query and fragment) of `target` when it resolves to `ownOrigin`, else null.
 * Relative paths and absolute URLs of the own origin are both accepted (Auth.js hands over
 * absolute callback URLs); backslashes, protocol-relative and foreign URLs, other schemes and
 * encoded slashes that would turn into a second origin are not.
 */
export function sameOriginPath(target: unknown, ownOrigin: string): string | null {
  if (typeof target !== "string" || target === "" || CONTROL_CHARS.test(target)) return null;
  let own: URL;
  let url: URL;
  try {
    own = new URL(ownOrigin);
    url = new URL(target, own.origin);
  } catch {
    return null;
  }
  // Compare scheme, host and port each: `blob:` and friends report the origin of the URL they wrap.
  if (url.protocol !== own.protocol || url.host !== own.host || (url.protocol !== "http:" && url.protocol !== "https:")) return null;
  if (url.username || url.password) return null;
  if (!isPlainPath(url.pathname)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * The page a signed-in user is sent to: `target` when it is a page on this origin other than the
 * sign-in page (which would loop), otherwise the dashboard.
 */
export function safeRedirectPath(target: unknown, ownOrigin: string): string {
  const path = sameOriginPath(target, ownOrigin);
  if (path === null) return DEFAULT_AFTER_SIGN_IN;
  const pathname = path.replace(/[?#].*$/, "");
  if (pathname === LOGIN_PATH || pathname.startsWith(`${LOGIN_PATH}/`)) return DEFAULT_AFTER_SIGN_IN;
  return path;
}

/**
 * The origin a request was addressed to, from its headers (for server actions, which see no URL):
 * the Host header with the protocol Next.js records in X-Forwarded-Proto. Only ever used to
 * recognise the app's own absolute URLs, so a wrong answer can only refuse, never widen.
 */
export function requestOriginFromHeaders(headers: Headers): string {
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https" ? "https" : "http";
  const host = headers.get("host") ?? "localhost";
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return "http://localhost";
  }
}

/**
 * A pathname that every party reading it (browser, Next.js router, Auth.js) takes for a path on
 * this origin: it starts with one "/" and, decoded, contains no backslash and no leading "//".
 */
function isPlainPath(pathname: string): boolean {
  let decoded = pathname;
  // Decode until stable (a few rounds at most): "%255C" → "%5C" → "\".
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return false;
    }
    if (next === decoded) break;
    decoded = next;
  }
  if (!decoded.startsWith("/") || decoded.startsWith("//")) return false;
  if (decoded.includes("\\") || CONTROL_CHARS.test(decoded)) return false;
  return true;
}

/** Request header the proxy sets on page requests: the path and query the browser asked for. */
export const PAGE_PATH_HEADER = "x-pms-page-path";

/**
 * The login URL that brings the browser back to `pagePath` after signing in (just /login when there
 * is no page worth returning to). The login page still checks the target with safeRedirectPath.
 */
export function loginUrlFor(pagePath: string | null | undefined): string {
  if (!pagePath || !pagePath.startsWith("/") || pagePath.startsWith("//") || pagePath === "/" || pagePath.startsWith(LOGIN_PATH)) return LOGIN_PATH;
  return `${LOGIN_PATH}?callbackUrl=${encodeURIComponent(pagePath)}`;
}
