import bcrypt from "bcryptjs";
import { testState } from "./state";
import type { Role, SessionUser } from "@/lib/auth/roles";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { appOrigin } from "@/lib/security/origin";

/**
 * The password of the users signInAs makes (the demo password, so that an example body that must quote
 * the current password — POST /api/v1/me/password — succeeds for them too), hashed once at bcrypt's
 * lowest cost (tests/support/passwords.ts).
 */
export const TEST_USER_PASSWORD = "demo-password";
const TEST_USER_HASH = bcrypt.hashSync(TEST_USER_PASSWORD, 4);

type RouteModule = Record<string, ((req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) | unknown>;

/** Sign in as a user of this role (created on first use), or sign out with null. */
export async function signInAs(role: Role | null): Promise<SessionUser | null> {
  if (!role) return (testState.user = null);
  const db = await getDb();
  const email = `test-${role}@example.com`;
  let [u] = await db.select().from(users).where(eq(users.email, email));
  if (!u) [u] = await db.insert(users).values({ email, name: `Test ${role}`, role, passwordHash: TEST_USER_HASH }).returning();
  testState.user = { id: u.id, email: u.email, name: u.name, role };
  return testState.user;
}

/** The app's origin for test requests (addressed to `http://localhost<path>`): writes say they come from it, as a page of the app would. */
export const APP_ORIGIN = appOrigin("http://localhost/");

/**
 * Calls a route module's handler the way Next does. `path` is the URL path with query; `params`
 * the dynamic segments. Every request carries `Origin: http://localhost` (the app's own origin, so
 * the write gate lets it through); `headers` override it, and a header set to null is left out
 * (`{ origin: null }` sends no Origin at all). A ReadableStream body is sent as a streamed upload.
 */
export async function call(
  mod: RouteModule,
  method: string,
  path: string,
  opts: {
    params?: Record<string, string | number>;
    json?: unknown;
    body?: BodyInit | ReadableStream<Uint8Array>;
    headers?: Record<string, string | null>;
  } = {},
): Promise<{ status: number; body: any; headers: Headers; text: string }> {
  const fn = mod[method.toUpperCase()] as (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
  if (typeof fn !== "function") throw new Error(`no ${method} handler`);
  const headers = new Headers({ origin: APP_ORIGIN, "accept-language": "en", ...(opts.json !== undefined ? { "content-type": "application/json" } : {}) });
  for (const [name, value] of Object.entries(opts.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  const req = new Request(`http://localhost${path}`, {
    method: method.toUpperCase(),
    headers,
    body: opts.json !== undefined ? JSON.stringify(opts.json) : opts.body,
    ...(opts.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  const params = Object.fromEntries(Object.entries(opts.params ?? {}).map(([k, v]) => [k, String(v)]));
  const res = await fn(req, { params: Promise.resolve(params) });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers, text };
}
