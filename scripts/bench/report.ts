/** Step 7: results.json and the Markdown table (also printed). */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Endpoint } from "./endpoints";
import type { Plan, TimedRun } from "./http";
import type { ImportResult } from "./import";
import type { LighthouseResult } from "./lighthouse";
import type { LoadResult } from "./load";
import type { NotifyResult } from "./notify";
import type { DirectResult } from "./direct";
import { fmtMet, fmtMs, fmtNum, fmtRatio, meets, ratio, round, type Target } from "./stats";

export type Scale = "1x" | "10x";

export type EndpointResult = Endpoint & {
  api: Partial<Record<Scale, TimedRun>>;
  db: Partial<Record<Scale, DirectResult[string]>>;
  /** API p95 ÷ DB p95 */
  ratio: Partial<Record<Scale, number | null>>;
  /** 10× p95 ÷ 1× p95 */
  growth: { api: number | null; db: number | null };
};

export type Results = {
  date: string;
  durationSeconds?: number;
  command: string;
  machine: Record<string, unknown>;
  dataset: string;
  databases: Partial<Record<Scale, { name: string; sizes: Record<string, number | null> }>>;
  dataGrowth: { trainingRecords: number | null; employees: number | null };
  /** floor: GET /api/v1/me, the session check and nothing else — what any API request costs before its work. */
  /** frameworkFloor: GET /api/v1/health, a route handler without a session answering one `SELECT 1` — what Next.js itself costs. */
  /** compression: one list page timed as a browser asks for it (gzipped by `next start`) and uncompressed, alternately — what compressing an answer costs. */
  latency?: {
    plan: Plan;
    endpoints: EndpointResult[];
    floor?: Partial<Record<Scale, TimedRun>>;
    frameworkFloor?: Partial<Record<Scale, TimedRun>>;
    compression?: Partial<Record<Scale, CompressionCost>>;
  };
  /** 10× again with this many open incidents that have no report made (seeded + added by the bench). */
  openIncidents?: { seeded: number; added: number; total: number; endpoints: EndpointResult[] };
  load?: LoadResult | { skipped: string };
  /** The daily notification scan on a copy of the 10× database (step "notify"). */
  notify?: NotifyResult | { skipped: string } | { failed: string };
  import?: ImportResult | { skipped: string };
  lighthouse?: LighthouseResult[] | { skipped: string };
  targets: Record<string, string>;
  notes: string[];
};

export const TARGETS = {
  dashboardRatio: { op: "<=", limit: 1.5, label: "≤ 1.5×" } as Target,
  /** Every list and summary endpoint at 10× (issue 14). */
  listP95: { op: "<=", limit: 100, label: "p95 ≤ 100 ms" } as Target,
  listRatio: { op: "<=", limit: 2, label: "≤ 2×" } as Target,
  scoreP95: { op: "<=", limit: 200, label: "p95 ≤ 200 ms" } as Target,
  loadErrors: { op: "==", limit: 0, label: "0" } as Target,
  importRatio: { op: "<=", limit: 3, label: "≤ 3×" } as Target,
  notifyScanMs: { op: "<=", limit: 60_000, label: "< 60 s each" } as Target,
  lighthousePerformance: { op: ">=", limit: 95, label: "≥ 95" } as Target,
  lighthouseAccessibility: { op: ">=", limit: 100, label: "100" } as Target,
};

/** "Far slower than the data": at most 0.3 of the data growth (≤ 3× for 10× the data). */
export function growthTarget(dataGrowth: number | null): Target {
  const limit = Math.round((dataGrowth ?? 10) * 0.3 * 10) / 10;
  return { op: "<=", limit, label: `≤ ${limit}× (data ×${fmtNum(dataGrowth)})` };
}

type Row = [metric: string, x1: string, x10: string, target: string, met: string];

function p(run: TimedRun | undefined): string {
  if (!run) return "—";
  if (!run.summary) return `errors (${Object.entries(run.status).map(([k, v]) => `${k}×${v}`).join(", ")})`;
  return `${fmtMs(run.summary.p50)} / ${fmtMs(run.summary.p95)}${run.errors ? ` (${run.errors} errors)` : ""}`;
}

/** (API p95 − the request floor's p95) ÷ DB p95: how much the endpoint adds to its database work once the fixed cost of a request is set aside. */
export function beyondFloor(e: EndpointResult, floor: Partial<Record<Scale, TimedRun>> | undefined, s: Scale): string {
  const api = e.api[s]?.summary?.p95;
  const base = floor?.[s]?.summary?.p95;
  const d = e.db[s];
  if (api == null || base == null || !d?.available) return "—";
  return fmtRatio(ratio(Math.max(0, api - base), d.summary.p95));
}

function dbCell(e: EndpointResult, s: Scale): string {
  const d = e.db[s];
  if (!d) return "—";
  if (!d.available) return "n/a";
  return `${fmtMs(d.summary.p95)} / ${fmtMs(d.explain?.executionMs != null ? d.explain.executionMs + d.explain.planningMs : null)} · ${fmtRatio(e.ratio[s])}`;
}

/** The same GET compressed (as a browser asks) and uncompressed, timed alternately (http.ts timeGetsWithAndWithoutCompression). */
export type CompressionCost = { label: string; path: string; compressed: TimedRun; identity: TimedRun };

/** "p50 / p95 ms more" that the compressed answer took, from a CompressionCost. */
export function compressionDelta(c: CompressionCost | undefined): string {
  const a = c?.compressed.summary;
  const b = c?.identity.summary;
  if (!a || !b) return "n/a";
  const signed = (x: number) => `${x < 0 ? "−" : "+"}${fmtMs(round(Math.abs(x)))}`;
  return `${signed(a.p50 - b.p50)} / ${signed(a.p95 - b.p95)}`;
}

export function tableRows(r: Results): Row[] {
  const rows: Row[] = [];
  const floor = r.latency?.floor;
  const framework = r.latency?.frameworkFloor;
  if (framework) rows.push(["framework floor (GET /api/v1/health: no session, SELECT 1): API p50 / p95", p(framework["1x"]), p(framework["10x"]), "", ""]);
  if (floor) rows.push(["request floor (GET /api/v1/me: session check only): API p50 / p95", p(floor["1x"]), p(floor["10x"]), "", ""]);
  const compression = r.latency?.compression;
  const sample = compression?.["10x"] ?? compression?.["1x"];
  if (sample) {
    const size = (t: TimedRun | undefined) => (t?.bytes ? `${Math.round(t.bytes / 1024)} KB` : "?");
    rows.push([
      `compression (${sample.label}, ${size(sample.identity)} → ${size(sample.compressed)} gzipped by next start): API p50 / p95 compressed − uncompressed, timed alternately`,
      compressionDelta(compression?.["1x"]),
      compressionDelta(compression?.["10x"]),
      "",
      "",
    ]);
  }
  for (const e of r.latency?.endpoints ?? []) {
    const isDash = e.key === "dashboardSummary";
    const missing = !e.api["1x"]?.summary && !e.api["10x"]?.summary;
    if (missing) {
      const why = e.api["1x"]?.status ? Object.keys(e.api["1x"].status).join(",") : "—";
      rows.push([`${e.label}: API p50 / p95`, `not available (HTTP ${why})`, "", isDash ? TARGETS.dashboardRatio.label : "", "n/a"]);
      continue;
    }
    const p95Target = e.kind === "list" || e.kind === "summary" ? TARGETS.listP95 : e.kind === "score" ? TARGETS.scoreP95 : null;
    rows.push([`${e.label}: API p50 / p95`, p(e.api["1x"]), p(e.api["10x"]), p95Target?.label ?? "", p95Target ? fmtMet(meets(e.api["10x"]?.summary?.p95, p95Target)) : ""]);
    const ratioTarget = isDash ? TARGETS.dashboardRatio : e.kind === "list" || e.kind === "summary" ? TARGETS.listRatio : null;
    rows.push([
      `${e.label}: DB p95 (direct call) / SQL (EXPLAIN ANALYZE) · API p95 ÷ DB p95`,
      dbCell(e, "1x"),
      dbCell(e, "10x"),
      ratioTarget ? ratioTarget.label : "",
      ratioTarget ? fmtMet(meets(e.ratio["10x"], ratioTarget)) : "",
    ]);
    if (e.kind === "list" || e.kind === "summary") {
      rows.push([`${e.label}: (API p95 − request floor p95) ÷ DB p95 — the work beyond what every request costs`, beyondFloor(e, floor, "1x"), beyondFloor(e, floor, "10x"), "", ""]);
    }
    const gt = growthTarget(r.dataGrowth.trainingRecords);
    rows.push([`${e.label}: API p95 growth 1× → 10× (DB)`, "", `${fmtRatio(e.growth.api)} (${fmtRatio(e.growth.db)})`, isDash ? gt.label : "", isDash ? fmtMet(meets(e.growth.api, gt)) : ""]);
  }
  const open = r.openIncidents;
  if (open) {
    for (const e of open.endpoints) {
      const label = `${e.label}, ${open.total.toLocaleString("en-US")} open unreported incidents (${open.seeded} seeded + ${open.added} added)`;
      const p95Target = e.kind === "dashboard" ? null : TARGETS.listP95;
      rows.push([`${label}: API p50 / p95`, "", p(e.api["10x"]), p95Target?.label ?? "", p95Target ? fmtMet(meets(e.api["10x"]?.summary?.p95, p95Target)) : ""]);
      const ratioTarget = e.kind === "dashboard" ? TARGETS.dashboardRatio : TARGETS.listRatio;
      rows.push([`${label}: DB p95 (direct call) / SQL (EXPLAIN ANALYZE) · API p95 ÷ DB p95`, "", dbCell(e, "10x"), ratioTarget.label, fmtMet(meets(e.ratio["10x"], ratioTarget))]);
    }
  }
  const load = r.load;
  if (load && "requests" in load) {
    const label = `${new URL(load.url).pathname}, ${load.connections} clients × ${load.durationSeconds} s`;
    rows.push([`${label}: requests/s`, "", fmtNum(load.requestsPerSecond), "", ""]);
    rows.push([`${label}: errors (non-2xx + socket)`, "", `${load.errors} (${load.requests} answered)`, TARGETS.loadErrors.label, fmtMet(meets(load.errors, TARGETS.loadErrors))]);
    rows.push([`${label}: p50 / p99`, "", `${fmtMs(load.latencyMs.p50)} / ${fmtMs(load.latencyMs.p99)}`, "", ""]);
  } else if (load) rows.push(["load (dashboard summary)", "", `skipped: ${load.skipped}`, TARGETS.loadErrors.label, "n/a"]);
  const notify = r.notify;
  if (notify && "firstScan" in notify) {
    const counts = (x: unknown) => {
      const c = x as { due?: number; created?: number; queued?: number };
      return `${c.due ?? "?"} due, ${c.created ?? "?"} made`;
    };
    const worst = Math.max(notify.firstScan.ms, notify.repeatScan.ms);
    rows.push([
      `daily notification scan (copy of 10×): first / repeat scan`,
      "",
      `${fmtNum(notify.firstScan.ms / 1000)} s (${counts(notify.firstScan.result)}) / ${fmtNum(notify.repeatScan.ms / 1000)} s (${counts(notify.repeatScan.result)})`,
      TARGETS.notifyScanMs.label,
      fmtMet(meets(worst, TARGETS.notifyScanMs)),
    ]);
  } else if (notify) rows.push(["daily notification scan (copy of 10×)", "", "skipped" in notify ? `skipped: ${notify.skipped}` : `failed: ${notify.failed}`, TARGETS.notifyScanMs.label, "n/a"]);
  const imp = r.import;
  if (imp && "rows" in imp) {
    const n = imp.rows.toLocaleString("en-US");
    rows.push([`import ${n} rows: preview / commit (API)`, `${fmtMs(imp.preview.ms)} / ${fmtMs(imp.commit.ms)}${imp.commit.error ? ` ERROR` : ""}`, "", "", ""]);
    rows.push([`import ${n} rows: COPY (same rows)`, fmtMs(imp.copyMs), "", "", ""]);
    rows.push([`import ${n} rows: commit ÷ COPY`, fmtRatio(imp.ratioCommitToCopy), "", TARGETS.importRatio.label, fmtMet(meets(imp.ratioCommitToCopy, TARGETS.importRatio))]);
    rows.push([`import ${n} rows: (preview + commit) ÷ COPY`, fmtRatio(imp.ratioPreviewPlusCommitToCopy), "", "", ""]);
  } else if (imp) rows.push(["import", `skipped: ${imp.skipped}`, "", TARGETS.importRatio.label, "n/a"]);
  const lh = r.lighthouse;
  if (Array.isArray(lh)) {
    for (const l of lh) {
      if (!l.available || l.performance === undefined) {
        rows.push([`Lighthouse ${l.path} (desktop)`, `not available: ${l.reason ?? ""}`, "", `${TARGETS.lighthousePerformance.label}, ${TARGETS.lighthouseAccessibility.label}`, "n/a"]);
        continue;
      }
      rows.push([`Lighthouse ${l.path} (desktop): performance`, String(l.performance), "", TARGETS.lighthousePerformance.label, fmtMet(meets(l.performance, TARGETS.lighthousePerformance))]);
      rows.push([`Lighthouse ${l.path} (desktop): accessibility`, String(l.accessibility), "", TARGETS.lighthouseAccessibility.label, fmtMet(meets(l.accessibility, TARGETS.lighthouseAccessibility))]);
    }
  } else if (lh) rows.push(["Lighthouse", `skipped: ${lh.skipped}`, "", "", "n/a"]);
  return rows;
}

export function markdown(r: Results): string {
  const rows = tableRows(r);
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  const m = r.machine as { cpuModel?: string; cores?: number; ramGb?: number; node?: string; postgres?: string };
  const sizes = (s: Scale) => {
    const z = r.databases[s]?.sizes;
    return z ? `${z.employees ?? "?"} employees, ${z.training_records ?? "?"} training records` : "—";
  };
  const lines = [
    `# npm run bench — ${r.date}`,
    "",
    `Machine: ${m.cpuModel} × ${m.cores} cores, ${m.ramGb} GB RAM; Node ${m.node}; ${String(m.postgres ?? "").split(" on ")[0]}. ` +
      `Data (${r.dataset}): 1× = ${sizes("1x")}; 10× = ${sizes("10x")}.` +
      (r.durationSeconds ? ` Whole run: ${Math.round(r.durationSeconds)} s.` : ""),
    "",
    "| metric | 1× | 10× | target | met? |",
    "|---|---|---|---|---|",
    ...rows.map((row) => `| ${row.map(esc).join(" | ")} |`),
    "",
    "API: sequential requests to `next start` with an executive session, or the demo user an endpoint names where the executive may not read it (time to the last byte), " +
      "after a warm-up of rounds over every endpoint. DB (direct call): what the request asks of the database — the session check every request makes " +
      "(accountForSession on a live session of the same user) and the same db/queries function with the same parsed query, called in-process on the same database " +
      "(postgres.js, same pool size) after the same warm-up, so it includes the function's own JavaScript. SQL: the sum of planning + execution time EXPLAIN (ANALYZE, BUFFERS) reports for the statements one call sends. " +
      "Ratio and growth targets are judged at 10×. Import and Lighthouse run on the 1× data; the notification scan on a fresh copy of the 10× data " +
      "(it writes), emptied of notifications first: the first scan makes every notification the data calls for, the second (as every later scan of the day) finds them made.",
    ...(r.notes.length ? ["", ...r.notes.map((n) => `- ${n}`)] : []),
    "",
  ];
  return lines.join("\n");
}

export function writeResults(r: Results, dir = path.join(process.cwd(), "bench-results")): { json: string; md: string } {
  mkdirSync(dir, { recursive: true });
  const json = path.join(dir, "results.json");
  const md = path.join(dir, "results.md");
  writeFileSync(json, JSON.stringify(r, null, 2) + "\n");
  writeFileSync(md, markdown(r));
  return { json, md };
}
