/**
 * Step 6: Lighthouse (node API) in Debian's Chromium on signed-in pages, desktop preset
 * (lighthouse/core/config/desktop-config.js: no mobile emulation, desktop throttling), with the
 * session cookie sent as an extra header.
 */
import { existsSync } from "node:fs";

export const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type LighthouseResult = {
  path: string;
  available: boolean;
  reason?: string;
  preset: "desktop";
  performance?: number;
  accessibility?: number;
  finalUrl?: string;
  metrics?: Record<string, number | undefined>;
  failedAccessibilityAudits?: string[];
  /** Lighthouse's own CPU speed estimate of the machine at that moment (~1000+ on an idle desktop). */
  benchmarkIndex?: number;
};

export async function runLighthouse(baseUrl: string, cookie: string, paths: string[], log: (s: string) => void): Promise<LighthouseResult[]> {
  const chromePath = process.env.CHROME_PATH || "/usr/bin/chromium";
  // No browser: reported, not a crash (chrome-launcher's spawn error would end the whole run).
  if (!existsSync(chromePath)) {
    const reason = `no Chromium at ${chromePath} (apt-get install chromium, or set CHROME_PATH)`;
    log(`lighthouse: skipped, ${reason}`);
    return paths.map((path) => ({ path, available: false, preset: "desktop", reason }));
  }
  const { default: lighthouse } = await import("lighthouse");
  const { default: desktopConfig } = await import("lighthouse/core/config/desktop-config.js");
  const chromeLauncher = await import("chrome-launcher");
  const out: LighthouseResult[] = [];
  for (const path of paths) {
    // A page that does not exist yet (or sends the session back to /login) is reported, not scored.
    const probe = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
    await probe.arrayBuffer();
    if (probe.status !== 200) {
      out.push({ path, available: false, preset: "desktop", reason: `GET ${path} answered ${probe.status}${probe.headers.get("location") ? ` → ${probe.headers.get("location")}` : ""}` });
      log(`lighthouse: ${path} skipped (${probe.status})`);
      continue;
    }
    const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: "silent" });
    try {
      const result = await lighthouse(
        `${baseUrl}${path}`,
        { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"], extraHeaders: { Cookie: cookie } },
        desktopConfig,
      );
      const lhr = result?.lhr;
      if (!lhr) throw new Error("lighthouse returned no result");
      const score = (k: string) => (lhr.categories[k]?.score == null ? undefined : Math.round(lhr.categories[k].score! * 100));
      const metric = (id: string) => lhr.audits[id]?.numericValue;
      const failed = (lhr.categories.accessibility?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id])
        .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
        .map((a) => a.id);
      const r: LighthouseResult = {
        path,
        available: !lhr.runtimeError,
        reason: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : undefined,
        preset: "desktop",
        performance: score("performance"),
        accessibility: score("accessibility"),
        finalUrl: lhr.finalDisplayedUrl,
        metrics: {
          firstContentfulPaintMs: metric("first-contentful-paint"),
          largestContentfulPaintMs: metric("largest-contentful-paint"),
          totalBlockingTimeMs: metric("total-blocking-time"),
          cumulativeLayoutShift: metric("cumulative-layout-shift"),
          speedIndexMs: metric("speed-index"),
        },
        failedAccessibilityAudits: failed,
        benchmarkIndex: lhr.environment?.benchmarkIndex,
      };
      if (r.finalUrl && new URL(r.finalUrl).pathname !== path) r.reason = `ended on ${r.finalUrl} (not signed in?)`;
      log(
        `lighthouse: ${path} performance ${r.performance}, accessibility ${r.accessibility}${failed.length ? ` (failed: ${failed.join(", ")})` : ""}; ` +
          `TBT ${Math.round(r.metrics?.totalBlockingTimeMs ?? 0)} ms, LCP ${Math.round(r.metrics?.largestContentfulPaintMs ?? 0)} ms, CPU benchmark index ${r.benchmarkIndex}`,
      );
      out.push(r);
    } finally {
      await chrome.kill();
    }
  }
  return out;
}
