import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * Browser tests in Debian's Chromium (`apt-get install chromium`; Playwright downloads nothing here)
 * against the PRODUCTION build (`npm run build` first). The server gets its own embedded database in
 * .data/e2e, wiped before each run, so the first start loads fresh demo data.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
// Cookies are per host, and Auth.js redirects to localhost: use localhost, never 127.0.0.1.
// E2E_BASE_URL: run against a server you started yourself (e.g. a dev server) instead of the build.
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://localhost:${PORT}`;
// E2E_DATA_DIR: another folder, so that two runs on one machine (another port and build) do not share it.
const dataDir = process.env.E2E_DATA_DIR ?? path.join(__dirname, ".data", "e2e");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// e2e/sso.spec.ts starts a real OpenID Provider on this port; the server knows it as "Test IdP" (SSO_ENV).
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3199);
/** The single sign-on settings of the e2e server (README, "Single sign-on"); a dev server for E2E_BASE_URL needs the same. */
const SSO_ENV = {
  PMS_OIDC_PROVIDERS: "e2e",
  PMS_OIDC_E2E_NAME: "Test IdP",
  PMS_OIDC_E2E_ISSUER: `http://127.0.0.1:${OIDC_PORT}`,
  PMS_OIDC_E2E_CLIENT_ID: "pms-dashboard",
  PMS_OIDC_E2E_CLIENT_SECRET: "test-client-secret-that-is-long-enough",
  PMS_OIDC_E2E_SCOPE: "openid email profile groups",
  PMS_OIDC_E2E_ROLE_CLAIM: "groups",
  PMS_OIDC_E2E_ROLES: "pms-managers=privacy_manager",
};

// One SMTP server for the whole run (e2e/global-setup.ts starts tests/support/smtp-capture.ts) listens on
// this port; the e2e server sends all its mail there (MAIL_ENV), so other specs' mails are delivered too. It
// appends every message to `file` (one JSON line each), where e2e/training-reminders.spec.ts reads its own
// (docs/testing.md, "E-mail in tests").
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 3198);
export const E2E_SMTP = { port: SMTP_PORT, file: `${dataDir}-smtp.jsonl` };
/** The e-mail settings of the e2e server (README, "E-mail notifications"); a dev server for E2E_BASE_URL needs the same. */
const MAIL_ENV = { SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, PMS_MAIL_FROM: "PMS e2e <pms-e2e@example.com>" };

export default defineConfig({
  testDir: "e2e",
  // The SMTP server above, for the whole run.
  globalSetup: "./e2e/global-setup.ts",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT ?? "test-results/e2e.json" }]],
  use: {
    baseURL,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    // In CI a failed test runs once more (retries above), with a trace: recording one for every test
    // costs every test time. Locally (no retry) a failing test keeps its trace.
    trace: process.env.CI ? "on-first-retry" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // Signs in once per role and keeps the cookies (.data/e2e-auth, git-ignored).
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  webServer: external
    ? undefined
    : {
    // A fresh embedded database per run: delete the folder, then start the production server on it.
    command: `rm -rf "${dataDir}" && exec node_modules/.bin/next start -p ${PORT}`,
    url: `${baseURL}/api/v1/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PMS_DATA_DIR: dataDir,
      // The e2e run always uses its own embedded database, whatever the shell says.
      DATABASE_URL: "",
      PORT: String(PORT),
      AUTH_URL: baseURL,
      NODE_ENV: "production",
      // No usage data to Vercel from a privacy product (README, Security); an explicit value wins.
      NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
      ...SSO_ENV,
      ...MAIL_ENV,
    },
  },
});
