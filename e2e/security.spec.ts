import type { APIResponse, BrowserContext, Page } from "@playwright/test";
import { parseCsp } from "../lib/security/headers";
import { test, expect, waitForData, DEMO_ACCOUNTS, DEMO_PASSWORD } from "./fixtures";
import { t } from "./i18n";
import { LoginPage } from "./pages/login-page";

/**
 * Issue 12 in a browser (docs/security.md): the security headers and the Content-Security-Policy on
 * the production build, no CSP violation on real pages, framing refused, sign-in redirects that
 * never leave the origin, deep links that survive the sign-in, and cross-origin writes to the
 * sign-in action and Auth.js refused by the proxy.
 */

// Another origin on the same host (another port): the "sibling" an attacker would use. Nothing
// listens there; the test answers its requests itself (page.route).
const EVIL_ORIGIN = "http://localhost:3999";

function cspOf(res: APIResponse): Record<string, string[]> {
  return parseCsp(res.headers()["content-security-policy"] ?? "");
}

function expectBaseHeaders(res: APIResponse) {
  const h = res.headers();
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["permissions-policy"]).toContain("geolocation=()");
  // Served over plain http here: no HSTS (browsers would ignore it anyway).
  expect(h["strict-transport-security"]).toBeUndefined();
}

/** Records every CSP violation the page reports, from its first script on. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) fromConsole.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])), ...fromConsole];
}

/** Lets requests to this app through and refuses (and records) any to another origin. */
async function stayOnOrigin(context: BrowserContext, baseURL: string): Promise<string[]> {
  const foreign: string[] = [];
  const own = new URL(baseURL).origin;
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("http") && new URL(url).origin !== own) {
      foreign.push(url);
      return route.abort("blockedbyclient");
    }
    return route.continue();
  });
  return foreign;
}

test.describe("security headers", () => {
  test("a page carries a nonce-based CSP without eval, frame protection and no-store once signed in", async ({ request, signedInAs }) => {
    const res = await request.get("/login");
    expect(res.status()).toBe(200);
    expectBaseHeaders(res);
    const csp = cspOf(res);
    const nonce = csp["script-src"].find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce, "script-src has a nonce").toBeTruthy();
    expect(csp["script-src"]).toContain("'strict-dynamic'");
    expect(Object.values(csp).flat()).not.toContain("'unsafe-eval'");
    expect(csp["script-src"]).not.toContain("'unsafe-inline'");
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    // Next.js put this request's nonce on its own scripts.
    const html = await res.text();
    expect(html).toContain(`nonce="${nonce}"`);
    // A fresh nonce per request.
    const again = cspOf(await request.get("/login"))["script-src"].find((v) => v.startsWith("'nonce-"));
    expect(again).not.toBe(`'nonce-${nonce}'`);

    const page = await signedInAs("auditor");
    const dashboard = await page.request.get("/dashboard");
    expect(dashboard.status()).toBe(200);
    expectBaseHeaders(dashboard);
    expect(dashboard.headers()["cache-control"]).toContain("no-store");
    expect(cspOf(dashboard)["script-src"].some((v) => v.startsWith("'nonce-"))).toBe(true);
  });

  test("API answers carry the headers, a CSP that runs nothing, and no-store", async ({ request, signedInAs, baseURL }) => {
    for (const res of [await request.get("/api/v1/health"), await request.get("/api/v1/me")]) {
      expectBaseHeaders(res);
      expect(cspOf(res)["default-src"]).toEqual(["'none'"]);
      expect(cspOf(res)["frame-ancestors"]).toEqual(["'none'"]);
      expect(res.headers()["cache-control"]).toContain("no-store");
    }
    // A signed-in answer and a CSV export keep them too.
    const page = await signedInAs("privacy_manager");
    for (const path of ["/api/v1/me", "/api/v1/incidents/export.csv"]) {
      const res = await page.request.get(path);
      expect(res.status(), path).toBe(200);
      expectBaseHeaders(res);
      expect(res.headers()["cache-control"], path).toContain("no-store");
    }
    // An answer under 1 KB is sent as it is (no-transform: gzip could not make it smaller); a larger one is gzipped.
    const me = await page.request.get("/api/v1/me", { headers: { "accept-encoding": "gzip" } });
    expect(me.headers()["cache-control"]).toBe("no-store, no-transform");
    expect(me.headers()["content-encoding"]).toBeUndefined();
    const list = await page.request.get("/api/v1/employees?page=1", { headers: { "accept-encoding": "gzip" } });
    expect(list.headers()["cache-control"]).toBe("no-store");
    expect(list.headers()["content-encoding"]).toBe("gzip");
    // The imports stream their progress and keep no-transform (no gzip holding the lines back).
    const upload = await page.request.post("/api/v1/training-records/import", { headers: { origin: new URL(baseURL!).origin }, data: {} });
    expect(upload.headers()["cache-control"]).toBe("no-store, no-transform");
    // A path no route serves: the API's 404 problem+json (app/api/v1/[...path]), not Next.js's HTML page.
    const unknown = await request.get("/api/v1/no-such-thing");
    expect(unknown.status()).toBe(404);
    expectBaseHeaders(unknown);
    expect(cspOf(unknown)["default-src"]).toEqual(["'none'"]);
    expect(unknown.headers()["cache-control"]).toContain("no-store");
    expect(unknown.headers()["content-type"]).toContain("application/problem+json");
    expect(await unknown.json()).toMatchObject({ type: "/problems/not-found", status: 404, instance: "/api/v1/no-such-thing" });
    // /api/v1 itself too (app/api/v1/route.ts), for a read and a write; /api/v1/ is redirected there, as
    // every path with a trailing slash is.
    for (const root of [await request.get("/api/v1"), await request.post("/api/v1", { data: {} }), await request.get("/api/v1/")]) {
      expect(root.status()).toBe(404);
      expectBaseHeaders(root);
      expect(cspOf(root)["default-src"]).toEqual(["'none'"]);
      expect(root.headers()["cache-control"]).toBe("no-store, no-transform");
      expect(await root.json()).toMatchObject({ type: "/problems/not-found", status: 404, instance: "/api/v1" });
    }
    const slash = await request.get("/api/v1/", { maxRedirects: 0 });
    expect(slash.status()).toBe(308);
    expect(slash.headers()["location"]).toBe("/api/v1");
    // The real routes still come first: a method a route lacks is Next.js's 405, not this 404.
    expect((await request.delete("/api/v1/health")).status()).toBe(405);
    // Auth.js's endpoints go through the proxy.
    const session = await request.get("/api/auth/session");
    expectBaseHeaders(session);
    expect(session.headers()["cache-control"]).toContain("no-store");
  });
});

test.describe("Content-Security-Policy in the browser", () => {
  test("the dashboard draws its charts and the other pages work without a single CSP violation", async ({ signedInAs }) => {
    test.slow();
    const page = await signedInAs("privacy_manager");
    const violations = await recordViolations(page);
    const hydrationErrors: string[] = [];
    page.on("pageerror", (e) => hydrationErrors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error" && /hydrat/i.test(m.text())) hydrationErrors.push(m.text());
    });

    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: t("dashboard.title") })).toBeVisible();
    // Charts are loaded lazily by a nonce-started script ('strict-dynamic') and drawn.
    await expect(page.locator(".recharts-surface").first()).toBeVisible({ timeout: 30_000 });
    await waitForData(page);
    expect(await violations(), "/dashboard").toEqual([]);

    // Forms and filters (zod in the browser), the calendar, the print report's style.
    for (const path of ["/training", "/incidents", "/audits/calendar", "/reports/management-review"]) {
      await page.goto(path);
      await waitForData(page);
      expect(await violations(), path).toEqual([]);
    }
    // The API reference (drawn on the server), its overview and one section in full.
    for (const path of ["/api-docs", "/api-docs?tag=training-records"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: t("apiDocs.title") })).toBeVisible();
      await expect(page.getByRole("main").getByRole("heading", { level: 2 }).first()).toBeVisible();
      expect(await violations(), path).toEqual([]);
    }
    expect(hydrationErrors).toEqual([]);
  });

  test("another origin cannot show the signed-in dashboard in a frame", async ({ signedInAs, baseURL }) => {
    const page = await signedInAs("privacy_manager");
    // The dashboard is there for this user (it would show, were framing allowed)…
    const direct = await page.request.get("/dashboard");
    expect(direct.status()).toBe(200);
    expect(direct.headers()["x-frame-options"]).toBe("DENY");
    expect(cspOf(direct)["frame-ancestors"]).toEqual(["'none'"]);
    // …and a page on another origin of the same site (the browser sends the session cookie) frames
    // it next to a frame of its own, which shows that frames do load there.
    await page.route(`${EVIL_ORIGIN}/**`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: new URL(route.request().url()).pathname === "/own"
          ? "<!doctype html><title>own</title><h1>own frame</h1>"
          : `<!doctype html><title>evil</title>
             <iframe name="own" src="/own" width="300" height="200"></iframe>
             <iframe name="victim" src="${baseURL}/dashboard" width="900" height="600"></iframe>`,
      }),
    );
    await page.goto(`${EVIL_ORIGIN}/`);
    await expect.poll(async () => page.frame({ name: "own" })?.locator("h1").textContent()).toBe("own frame");
    // The browser refused to render the dashboard: the frame holds Chromium's error page.
    await expect.poll(() => page.frame({ name: "victim" })?.url(), { timeout: 15_000 }).toMatch(/^chrome-error:/);
    expect(await page.frame({ name: "victim" })!.getByRole("heading", { name: t("dashboard.title") }).count()).toBe(0);
  });
});

test.describe("redirects after sign-in", () => {
  // [callbackUrl, where the browser must end up]
  const TARGETS: [string, string][] = [
    ["/\\evil.example", "/dashboard"],
    ["\\\\evil.example", "/dashboard"],
    ["//evil.example", "/dashboard"],
    ["https://evil.example/dashboard", "/dashboard"],
    ["http://localhost:3100@evil.example/", "/dashboard"],
    ["javascript:alert(document.domain)", "/dashboard"],
    ["/%5Cevil.example", "/dashboard"],
    ["%2F%2Fevil.example", "/dashboard"],
    ["/\t/evil.example", "/dashboard"],
    ["/login", "/dashboard"],
    ["/training/records", "/training/records"],
  ];

  for (const [target, expected] of TARGETS) {
    test(`callbackUrl ${JSON.stringify(target)} → ${expected}`, async ({ browser, baseURL }) => {
      for (const via of ["query", "form field"] as const) {
        const context = await browser.newContext({ baseURL, locale: "ja-JP" });
        const foreign = await stayOnOrigin(context, baseURL!);
        const page = await context.newPage();
        const login = new LoginPage(page);
        if (via === "query") {
          await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
        } else {
          // The hidden field tampered with in the page: the server action judges it again.
          await login.goto();
          await page.locator('input[name="callbackUrl"]').evaluate((el, v) => ((el as HTMLInputElement).value = v), target);
        }
        await login.signIn(DEMO_ACCOUNTS.auditor, DEMO_PASSWORD);
        await expect(page, `${via}: ${target}`).not.toHaveURL(/\/login/, { timeout: 60_000 });
        const url = new URL(page.url());
        expect(url.origin, `${via}: ${target}`).toBe(new URL(baseURL!).origin);
        expect(`${url.pathname}${url.search}`, `${via}: ${target}`).toBe(expected);
        expect(foreign, `${via}: ${target} asked another origin`).toEqual([]);
        await context.close();
      }
    });
  }

  test("a deep link opened signed out lands on that page after signing in, fragment included", async ({ browser, baseURL }) => {
    for (const deepLink of ["/audits/calendar?view=fy", "/incidents?status=open#list"]) {
      const context = await browser.newContext({ baseURL, locale: "ja-JP" });
      const page = await context.newPage();
      await page.goto(deepLink);
      await expect(page).toHaveURL(/\/login\?callbackUrl=/);
      await new LoginPage(page).signIn(DEMO_ACCOUNTS.hr, DEMO_PASSWORD);
      await expect(page).not.toHaveURL(/\/login/, { timeout: 60_000 });
      const url = new URL(page.url());
      expect(`${url.pathname}${url.search}${url.hash}`).toBe(deepLink);
      await context.close();
    }
  });
});

test.describe("cross-origin writes outside /api/v1", () => {
  test("the sign-in server action answers 403 to another origin, and works from its own", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, locale: "ja-JP" });
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.goto();
    // The request the real form sends (a server action: POST /login with a Next-Action header)…
    const sent = page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === "/login");
    await login.signIn(DEMO_ACCOUNTS.executive, "not-the-password");
    const action = await sent;
    await expect(page.getByRole("alert").filter({ hasText: t("auth.invalid") })).toBeVisible();
    const headers = await action.allHeaders();
    const replay = (origin: Record<string, string>) =>
      context.request.post("/login", {
        headers: {
          "content-type": headers["content-type"],
          "next-action": headers["next-action"],
          accept: headers["accept"] ?? "text/x-component",
          ...origin,
        },
        data: action.postDataBuffer()!,
        maxRedirects: 0,
      });
    // …replayed from another origin, with no origin at all, or cross-site by Fetch metadata: refused.
    const refused: Record<string, string>[] = [{ origin: EVIL_ORIGIN }, { origin: "null" }, {}, { "sec-fetch-site": "cross-site" }];
    for (const origin of refused) {
      const res = await replay(origin);
      expect(res.status(), JSON.stringify(origin)).toBe(403);
      expect(res.headers()["content-type"]).toContain("application/problem+json");
    }
    // From the app's own origin the same request reaches the action (it answers the wrong password).
    expect((await replay({ origin: new URL(baseURL!).origin })).status()).toBe(200);
    await context.close();
  });

  test("Auth.js's sign-in callback refuses a form posted from another origin, before checking anything", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, locale: "ja-JP" });
    const page = await context.newPage();
    // A page elsewhere that posts the credentials form to the app (a classic login-CSRF).
    await page.route(`${EVIL_ORIGIN}/**`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><form method="post" action="${baseURL}/api/auth/callback/credentials">
          <input name="email" value="${DEMO_ACCOUNTS.privacy_manager}"><input name="password" value="${DEMO_PASSWORD}">
          <input name="csrfToken" value="x"><input name="callbackUrl" value="${baseURL}/dashboard"></form>
          <script>document.forms[0].submit()</script>`,
      }),
    );
    const answered = page.waitForResponse((r) => r.url() === `${baseURL}/api/auth/callback/credentials`);
    await page.goto(`${EVIL_ORIGIN}/`);
    const res = await answered;
    expect(res.status()).toBe(403);
    expect(res.headers()["content-type"]).toContain("application/problem+json");
    // No session came of it.
    expect((await context.cookies()).map((c) => c.name)).not.toContain("authjs.session-token");
    expect((await context.request.get("/api/v1/me")).status()).toBe(401);

    // The same endpoint with the app's own origin is not refused by the proxy (Auth.js then judges it).
    const own = await context.request.post("/api/auth/callback/credentials", {
      headers: { origin: new URL(baseURL!).origin },
      form: { email: DEMO_ACCOUNTS.privacy_manager, password: "not-the-password", csrfToken: "x" },
      maxRedirects: 0,
    });
    expect(own.status()).not.toBe(403);
    await context.close();
  });
});
