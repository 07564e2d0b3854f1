/** Signing in through the Auth.js credentials flow, and timed requests with the session cookie. */
import http from "node:http";
import { nowMs, summarize, type Summary } from "./stats";

export const DEMO_PASSWORD = "demo-password";

/** A minimal cookie jar: name → value, from Set-Cookie headers. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/**
 * GET /api/auth/csrf, then POST /api/auth/callback/credentials with the CSRF token (the same
 * Auth.js endpoints the login page's signIn() ends in); answers the Cookie header of the session.
 */
export async function signIn(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const jar = new CookieJar();
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrfRes.ok) throw new Error(`GET /api/auth/csrf: ${csrfRes.status}`);
  jar.store(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    // A write must say it comes from the app itself (the proxy refuses other origins with 403).
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), origin: new URL(baseUrl).origin },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/` }).toString(),
  });
  jar.store(res);
  await res.arrayBuffer();
  const session = [...["authjs.session-token", "__Secure-authjs.session-token"]].find((n) => jar.get(n));
  if (!session) throw new Error(`sign-in as ${email} failed: ${res.status} ${res.headers.get("location") ?? ""}`);
  // The session must be good for the API: /api/v1/me answers the user.
  const me = await fetch(`${baseUrl}/api/v1/me`, { headers: { cookie: jar.header() } });
  if (!me.ok) throw new Error(`sign-in as ${email}: /api/v1/me answered ${me.status}`);
  await me.arrayBuffer();
  return `${session}=${jar.get(session)}`;
}

export type TimedRun = { status: Record<string, number>; errors: number; summary: Summary | null; firstError?: string; bytes: number };

/**
 * How many requests: `warm` unmeasured, then `n` measured, sequentially. A slow endpoint would take
 * hours at 200 requests, so each phase also stops at its time budget once it has its minimum
 * (2 warm, `minN` measured); summary.n says how many were measured.
 */
export type Plan = {
  warm: number;
  n: number;
  minN: number;
  warmBudgetMs: number;
  budgetMs: number;
  /** Before any endpoint is timed: rounds of `warm` calls over every endpoint (warmUp), within `warmUpBudgetMs`. */
  warmUpRounds: number;
  warmUpBudgetMs: number;
};

/**
 * The warm-up before timing anything, the same for the server and for the direct calls: rounds of
 * `plan.warm` calls to every endpoint in turn, until `plan.warmUpRounds` rounds are done or the budget
 * is spent (one round at least). A freshly started process runs its code unoptimised, and the code
 * every request shares (routing, the session check, postgres.js, serialising) only reaches its
 * running speed after some thousands of calls: timed from a cold start, the first endpoints would
 * measure the warm-up, not the endpoint (README.md, "Scale and benchmark"). Failures are left to the timed runs to report.
 */
export async function warmUp(calls: readonly (() => Promise<unknown>)[], plan: Plan): Promise<{ rounds: number; calls: number; ms: number }> {
  const start = nowMs();
  let rounds = 0;
  let made = 0;
  while (rounds < plan.warmUpRounds && (rounds === 0 || nowMs() - start < plan.warmUpBudgetMs)) {
    for (const call of calls) {
      for (let i = 0; i < plan.warm; i++) {
        made++;
        await call().catch(() => undefined);
      }
    }
    rounds++;
  }
  return { rounds, calls: made, ms: Math.round(nowMs() - start) };
}

/** What a browser says it takes. */
const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br";

/** A warm-up call: one GET of `url` with `cookie` through `agent`, its body read whole. */
export function getter(url: string, cookie: string, agent: http.Agent): () => Promise<unknown> {
  return () => get(url, { cookie, accept: "application/json", "accept-encoding": BROWSER_ACCEPT_ENCODING }, agent);
}

/** Timed GETs of one URL, gathered into a TimedRun (statuses, times of the successful ones, the body size, the first failure). */
type Recorder = { once: () => Promise<void>; record: () => Promise<boolean>; run: () => TimedRun; close: () => void };

/**
 * node:http on one kept-alive connection, as a browser's tab reuses its own: the figure is the
 * server's answer, not the cost of a heavier client (fetch adds about half a millisecond per request
 * here, which the database side of the comparison does not pay). The body is read whole, as sent
 * (gzip when the server compresses it, as it would for a browser; `acceptEncoding` null: a client
 * that takes no compression).
 */
function recorder(url: string, cookie: string, acceptEncoding: string | null = BROWSER_ACCEPT_ENCODING): Recorder {
  const samples: number[] = [];
  const status: Record<string, number> = {};
  let errors = 0;
  let firstError: string | undefined;
  let bytes = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const headers: Record<string, string> = { cookie, accept: "application/json" };
  if (acceptEncoding) headers["accept-encoding"] = acceptEncoding;
  const once = async (): Promise<{ code: string; ms: number }> => {
    const t0 = nowMs();
    let code = "error";
    try {
      const res = await get(url, headers, agent);
      code = String(res.status);
      bytes = res.body.byteLength;
      if ((res.status < 200 || res.status >= 300) && !firstError) firstError = `${res.status} ${res.encoding ? `(${res.encoding} body)` : res.body.toString("utf8").slice(0, 300)}`;
    } catch (err) {
      if (!firstError) firstError = err instanceof Error ? err.message : String(err);
    }
    return { code, ms: nowMs() - t0 };
  };
  return {
    once: async () => {
      await once();
    },
    /** One measured GET: true when it succeeded. */
    record: async () => {
      const { code, ms } = await once();
      status[code] = (status[code] ?? 0) + 1;
      if (code.startsWith("2")) samples.push(ms);
      else errors++;
      return code.startsWith("2");
    },
    run: () => ({ status, errors, summary: samples.length ? summarize(samples) : null, firstError, bytes }),
    close: () => agent.destroy(),
  };
}

export async function timeGets(url: string, cookie: string, plan: Plan): Promise<TimedRun> {
  const r = recorder(url, cookie);
  let start = nowMs();
  for (let i = 0; i < plan.warm && (i < 2 || nowMs() - start < plan.warmBudgetMs); i++) await r.once();
  start = nowMs();
  let ok = 0;
  for (let i = 0; i < plan.n && (i < plan.minN || nowMs() - start < plan.budgetMs); i++) {
    if (await r.record()) ok++;
    // An endpoint that does not exist (404) or refuses: a few answers say enough.
    else if (ok === 0 && i >= 4) break;
  }
  r.close();
  return r.run();
}

/**
 * The same GET as a browser sends it (compressed by `next start` when the answer is 1 KB or more)
 * and as a client that takes no compression, one after the other in alternating order, so that
 * whatever else the machine does falls on both alike: the difference is what compressing the answer
 * costs the request (README.md, "Scale and benchmark").
 */
export async function timeGetsWithAndWithoutCompression(url: string, cookie: string, plan: Plan): Promise<{ compressed: TimedRun; identity: TimedRun }> {
  const compressed = recorder(url, cookie);
  const identity = recorder(url, cookie, null);
  let start = nowMs();
  for (let i = 0; i < plan.warm && (i < 2 || nowMs() - start < plan.warmBudgetMs); i++) {
    await compressed.once();
    await identity.once();
  }
  start = nowMs();
  for (let i = 0; i < plan.n && (i < plan.minN || nowMs() - start < plan.budgetMs); i++) {
    const [first, second] = i % 2 ? [compressed, identity] : [identity, compressed];
    await first.record();
    await second.record();
  }
  compressed.close();
  identity.close();
  return { compressed: compressed.run(), identity: identity.run() };
}

/** One GET through `agent`; the whole body as received. */
function get(url: string, headers: Record<string, string>, agent: http.Agent): Promise<{ status: number; encoding?: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}
