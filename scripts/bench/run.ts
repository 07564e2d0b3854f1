/**
 * npm run bench — see options.ts for the command line and README.md "Scale and benchmark" for the
 * targets. Steps: seed (seed.ts) → build and start servers (server.ts) → latency at 1× and 10×,
 * API (http.ts) next to the direct db/queries call (direct.ts) → load (load.ts)
 * → the daily notification scan on a copy of 10× (notify.ts) → CSV import vs COPY (import.ts) → Lighthouse
 * (lighthouse.ts) → results (report.ts). Every server it starts is stopped
 * at the end, on failure and on Ctrl-C.
 */
import { spawn } from "node:child_process";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { ENDPOINTS, OPEN_INCIDENT_ENDPOINTS, endpointUrl, type EndpointKey } from "./endpoints";
import type { DirectResult } from "./direct";
import { getter, signIn, timeGets, timeGetsWithAndWithoutCompression, warmUp, type Plan, type TimedRun } from "./http";
import { runImportBenchmark } from "./import";
import { runLighthouse } from "./lighthouse";
import { loadTest } from "./load";
import { NOTIFY_SCAN_LIMIT_MS, runNotifyScan } from "./notify";
import { openIncidentsUpTo, removeOpenIncidents } from "./open-incidents";
import { USAGE, parseOptions, runs, type Options } from "./options";
import { DB_10X, DB_1X, DB_IMPORT, DB_NOTIFY, PgUnavailableError, adminConnection, connect, databaseExists, dataSizes, dbUrl, dropDatabase, recreateDatabase, serverVersion, terminateBackends } from "./pg";
import { compressionDelta, markdown, writeResults, type CompressionCost, type EndpointResult, type Results, type Scale } from "./report";
import { prepareDatabases } from "./seed";
import { AUTH_SECRET, build, buildExists, distDir, freePort, killAllNow, startServer, stopAll, stopServer, type Server } from "./server";
import { ratio, round } from "./stats";

const FIRST_PORT = Number(process.env.BENCH_PORT || 3210);
/** The list page whose compression is timed (README.md, "Scale and benchmark"): ~25 KB of JSON, gzipped to ~3 KB. */
const COMPRESSION_SAMPLE: EndpointKey = "regulations";
/** The dashboard is also measured with this many open incidents that have no report made (issue 14). */
const OPEN_INCIDENTS = 5000;
const LIGHTHOUSE_PAGES = ["/dashboard", "/training"];

function log(s: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);
}

/** The direct (in-process) timings: a child process (server-only.ts lets it import db/queries), one JSON line back. */
function runDirect(databaseUrl: string, plan: Plan, keys: EndpointKey[] = ENDPOINTS.map((e) => e.key)): Promise<DirectResult> {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const args = JSON.stringify({ keys, plan });
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [path.join(__dirname, "direct.ts"), args], {
      stdio: ["ignore", "pipe", "pipe"],
      // As the server runs: production, with the environment lib/env.ts asks of a production start.
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", AUTH_SECRET, AUTH_URL: "http://localhost" },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("__BENCH_DIRECT__"));
      if (code !== 0 || !line) reject(new Error(`direct.ts failed (exit ${code}):\n${err.slice(-2000)}`));
      else resolve(JSON.parse(line.slice("__BENCH_DIRECT__".length)) as DirectResult);
    });
  });
}

function machine(pgVersion: string): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim(),
    cores: cpus.length,
    ramGb: round(os.totalmem() / 1024 ** 3, 1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: pgVersion,
    loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
  };
}

async function main(o: Options): Promise<number> {
  const started = Date.now();
  const results: Results = {
    date: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
    machine: {},
    dataset: "",
    databases: {},
    dataGrowth: { trainingRecords: null, employees: null },
    targets: {
      dashboardRatio: "dashboard summary API p95 ≤ 1.5 × the database's own p95 for the same work (at 10×)",
      lists: "every list and summary endpoint: API p95 ≤ 100 ms and ≤ 2 × the database's own p95 for the same work (at 10×)",
      score: "compliance score trend API p95 ≤ 200 ms (at 10×)",
      load: "0 errors with 50 clients for 30 s on the dashboard summary (at 10×)",
      notify: "the daily notification scan on a copy of the 10× database: each of two scans < 60 s (README, Notifications)",
      import: "100,000-row CSV import (commit) ≤ 3 × COPY of the same rows",
      growth: "dashboard p95 growing far slower than the data: ≤ 0.3 × the data growth from 1× to 10×",
      lighthouse: "signed-in /dashboard: performance ≥ 95, accessibility 100 (desktop preset)",
    },
    notes: [],
  };

  // PostgreSQL first: without it nothing else makes sense.
  let admin;
  try {
    admin = await adminConnection();
  } catch (err) {
    if (err instanceof PgUnavailableError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  results.machine = machine(await serverVersion(admin));
  await admin.end({ timeout: 2 });

  // 1. Databases.
  if (o.skipSeed) {
    results.dataset = "as found (--skip-seed)";
    log("--skip-seed: using pms_bench_1x and pms_bench_10x as they are");
  } else {
    const seeded = await prepareDatabases({ reseed: o.reseed, log });
    results.dataset = seeded.dataset === "large" ? "npm run db:seed -- --scale large (--factor 0.1 for 1×)" : "demo data only (npm run db:seed): the large seed was not available";
    if (seeded.dataset === "demo") results.notes.push("The large seed (`--scale large`) was not available: both databases hold the demo data, so 1× and 10× are the same size and the growth figures mean nothing.");
  }
  for (const [scale, name] of [["1x", DB_1X], ["10x", DB_10X]] as const) {
    results.databases[scale] = { name, sizes: await dataSizes(dbUrl(name)) };
  }
  const s1 = results.databases["1x"]!.sizes;
  const s10 = results.databases["10x"]!.sizes;
  results.dataGrowth = { trainingRecords: ratio(s10.training_records, s1.training_records), employees: ratio(s10.employees, s1.employees) };
  log(`data: 1× ${s1.employees} employees / ${s1.training_records} training records; 10× ${s10.employees} / ${s10.training_records}`);

  // The import's scratch database is copied from 1× now, before any server holds a connection to it.
  const wantImport = runs(o, "import");
  if (wantImport) {
    const a = await adminConnection();
    try {
      log(`import: fresh scratch database ${DB_IMPORT} (copy of ${DB_1X})`);
      await recreateDatabase(a, DB_IMPORT, DB_1X);
    } finally {
      await a.end({ timeout: 2 });
    }
  }

  // 2. Build and servers (none for the notification scan alone).
  const needServer = runs(o, "latency") || runs(o, "load") || wantImport || (runs(o, "lighthouse") && !o.quick);
  if (needServer && (o.build || !buildExists())) {
    const seconds = await build(log);
    results.notes.push(`next build ran (${seconds} s).`);
  } else log(`using the existing build in ${distDir()} (--build to rebuild)`);

  const needLatency = runs(o, "latency");
  const needLoad = runs(o, "load");
  const needLighthouse = runs(o, "lighthouse") && !o.quick;
  const taken = new Set<number>();
  const servers: Partial<Record<Scale, Server>> = {};
  const cookies: Partial<Record<Scale, string>> = {};
  // Endpoints the executive may not read are timed signed in as the demo user their contract allows
  // (Endpoint.signInAs): one session per user and scale, made once.
  const userCookies = new Map<string, string>();
  const cookieFor = async (scale: Scale, e: { signInAs?: string }): Promise<string> => {
    if (!e.signInAs) return cookies[scale]!;
    const key = `${scale} ${e.signInAs}`;
    if (!userCookies.has(key)) userCookies.set(key, await signIn(servers[scale]!.baseUrl, e.signInAs));
    return userCookies.get(key)!;
  };
  const scalesNeeded: Scale[] = [];
  if (needLatency || needLighthouse) scalesNeeded.push("1x");
  if (needLatency || needLoad) scalesNeeded.push("10x");
  for (const scale of scalesNeeded) {
    const port = await freePort(FIRST_PORT, taken);
    taken.add(port);
    const name = scale === "1x" ? DB_1X : DB_10X;
    log(`next start on :${port} → ${name}`);
    servers[scale] = await startServer(scale, dbUrl(name), port);
    cookies[scale] = await signIn(servers[scale]!.baseUrl, "executive@example.com");
    log(`${scale}: healthy, signed in as executive@example.com`);
  }

  // 3. Latency.
  const plan: Plan = o.quick
    ? { warm: 5, n: 30, minN: 3, warmBudgetMs: 5_000, budgetMs: 10_000, warmUpRounds: 1, warmUpBudgetMs: 10_000 }
    : { warm: 20, n: 200, minN: 10, warmBudgetMs: 15_000, budgetMs: 45_000, warmUpRounds: 5, warmUpBudgetMs: 60_000 };
  if (needLatency) {
    const endpoints: EndpointResult[] = ENDPOINTS.map((e) => ({ ...e, api: {}, db: {}, ratio: {}, growth: { api: null, db: null } }));
    const floor: Partial<Record<Scale, TimedRun>> = {};
    const frameworkFloor: Partial<Record<Scale, TimedRun>> = {};
    const compression: Partial<Record<Scale, CompressionCost>> = {};
    // An answer of tens of KB that next start gzips: timed with and without compression.
    const compressionSample = endpoints.find((e) => e.key === COMPRESSION_SAMPLE)!;
    for (const scale of ["1x", "10x"] as const) {
      const server = servers[scale]!;
      // The server warmed up as a running one is: rounds over every endpoint and the two floors (http.ts warmUp).
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const calls = [getter(`${server.baseUrl}/api/v1/health`, "", agent), getter(`${server.baseUrl}/api/v1/me`, cookies[scale]!, agent)];
      for (const e of endpoints) calls.push(getter(endpointUrl(server.baseUrl, e), await cookieFor(scale, e), agent));
      const warmed = await warmUp(calls, plan);
      agent.destroy();
      log(`${scale} server warm-up: ${warmed.rounds} rounds, ${warmed.calls} requests in ${(warmed.ms / 1000).toFixed(0)} s`);
      // What Next.js itself costs: a route handler with no session, answering one `SELECT 1`.
      frameworkFloor[scale] = await timeGets(`${server.baseUrl}/api/v1/health`, "", plan);
      log(`${scale} framework floor (/api/v1/health): ${frameworkFloor[scale]!.summary ? `p50 ${frameworkFloor[scale]!.summary!.p50} ms, p95 ${frameworkFloor[scale]!.summary!.p95} ms` : "no success"}`);
      // What any API request costs before its own work: routing, the session cookie, the active-user lookup.
      floor[scale] = await timeGets(`${server.baseUrl}/api/v1/me`, cookies[scale]!, plan);
      log(`${scale} API request floor (/api/v1/me): ${floor[scale]!.summary ? `p50 ${floor[scale]!.summary!.p50} ms, p95 ${floor[scale]!.summary!.p95} ms` : "no success"}`);
      // What compressing an answer costs: the same list page gzipped (as a browser asks) and not, alternately.
      const paired = await timeGetsWithAndWithoutCompression(endpointUrl(server.baseUrl, compressionSample), await cookieFor(scale, compressionSample), plan);
      compression[scale] = { label: compressionSample.label, path: compressionSample.path, ...paired };
      log(`${scale} compression (${compressionSample.label}, ${paired.identity.bytes} → ${paired.compressed.bytes} bytes): compressed − uncompressed p50 / p95 ${compressionDelta(compression[scale])}`);
      for (const e of endpoints) {
        const run = await timeGets(endpointUrl(server.baseUrl, e), await cookieFor(scale, e), plan);
        e.api[scale] = run;
        log(`${scale} API ${e.label}: ${run.summary ? `p50 ${run.summary.p50} ms, p95 ${run.summary.p95} ms` : "no success"}${run.errors ? `, ${run.errors} errors (${run.firstError})` : ""}`);
        if (run.errors && Object.keys(run.status).some((c) => c.startsWith("5"))) {
          results.notes.push(`${scale} ${e.path}: server error ${run.firstError}`);
        }
      }
      log(`${scale} direct db/queries calls (${plan.warm} warm + ${plan.n}, or the time budget) …`);
      const direct = await runDirect(dbUrl(scale === "1x" ? DB_1X : DB_10X), plan);
      for (const e of endpoints) {
        const d = direct[e.key];
        e.db[scale] = d;
        const apiP95 = e.api[scale]?.summary?.p95;
        e.ratio[scale] = d?.available ? ratio(apiP95, d.summary.p95) : null;
        log(
          `${scale} DB  ${e.label}: ${
            d?.available
              ? `p50 ${d.summary.p50} ms, p95 ${d.summary.p95} ms; API/DB p95 ${e.ratio[scale] ?? "—"}; SQL ${d.explain.statements} statements, ` +
                `planning ${d.explain.planningMs} ms + execution ${d.explain.executionMs} ms (slowest ${d.explain.slowest?.executionMs ?? "—"} ms)` +
                (d.explain.failed ? `, ${d.explain.failed} not explained: ${d.explain.firstError}` : "")
              : `n/a (${d?.reason})`
          }`,
        );
      }
    }
    for (const e of endpoints) {
      const a1 = e.api["1x"]?.summary?.p95;
      const a10 = e.api["10x"]?.summary?.p95;
      const d1 = e.db["1x"];
      const d10 = e.db["10x"];
      e.growth = {
        api: ratio(a10, a1),
        db: d1?.available && d10?.available ? ratio(d10.summary.p95, d1.summary.p95) : null,
      };
    }
    results.latency = { plan, endpoints, floor, frameworkFloor, compression };
    writeResults(results); // partial figures survive a later failure

    // 3b. The same at 10× with 5,000 open incidents that have no report made (the seed's own topped up).
    const db10 = connect(dbUrl(DB_10X));
    try {
      const n = await openIncidentsUpTo(db10, OPEN_INCIDENTS);
      log(`10× open unreported incidents: ${n.before} seeded + ${n.added} added = ${n.after}`);
      const keys = OPEN_INCIDENT_ENDPOINTS;
      const withOpen: EndpointResult[] = ENDPOINTS.filter((e) => keys.includes(e.key)).map((e) => ({ ...e, api: {}, db: {}, ratio: {}, growth: { api: null, db: null } }));
      for (const e of withOpen) {
        e.api["10x"] = await timeGets(endpointUrl(servers["10x"]!.baseUrl, e), await cookieFor("10x", e), plan);
        log(`10× (${n.after} open unreported) API ${e.label}: ${e.api["10x"].summary ? `p50 ${e.api["10x"].summary.p50} ms, p95 ${e.api["10x"].summary.p95} ms` : "no success"}`);
      }
      const direct = await runDirect(dbUrl(DB_10X), plan, keys);
      for (const e of withOpen) {
        const d = direct[e.key];
        e.db["10x"] = d;
        e.ratio["10x"] = d?.available ? ratio(e.api["10x"]?.summary?.p95, d.summary.p95) : null;
      }
      results.openIncidents = { seeded: n.before, added: n.added, total: n.after, endpoints: withOpen };
      writeResults(results);
    } finally {
      await removeOpenIncidents(db10).catch(() => undefined);
      await db10.end({ timeout: 2 });
    }
    const short = endpoints.flatMap((e) =>
      (["1x", "10x"] as const).filter((sc) => (e.api[sc]?.summary?.n ?? plan.n) < plan.n).map((sc) => `${e.label} ${sc} (${e.api[sc]!.summary!.n})`),
    );
    if (short.length) results.notes.push(`Cut short by the ${plan.budgetMs / 1000} s budget per endpoint (measured requests): ${short.join(", ")}.`);
  }

  // Only the 10× server is needed for the load; the 1× one stays for Lighthouse.
  // 4. Load.
  if (needLoad) {
    const dash = ENDPOINTS.find((e) => e.key === "dashboardSummary")!;
    const server = servers["10x"]!;
    const probe = await fetch(endpointUrl(server.baseUrl, dash), { headers: { cookie: cookies["10x"]! } });
    await probe.arrayBuffer();
    // While the dashboard endpoint does not exist, load the busiest one that does.
    const target = probe.ok ? dash : ENDPOINTS.find((e) => e.key === "trainingStatusSummary")!;
    if (!probe.ok) results.notes.push(`Load: ${dash.path} answered ${probe.status}; the load ran against ${target.path} instead.`);
    const seconds = o.quick ? 5 : 30;
    log(`load: 50 clients × ${seconds} s on ${target.path} (10×) …`);
    const r = await loadTest(endpointUrl(server.baseUrl, target), cookies["10x"]!, 50, seconds);
    results.load = r;
    writeResults(results);
    log(`load: ${round(r.requestsPerSecond, 1)} req/s, ${r.errors} errors (non-2xx ${r.non2xx}, socket ${r.socketErrors}), p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms`);
  }
  if (servers["10x"]) {
    await stopServer(servers["10x"]);
    const a = await adminConnection();
    try {
      const n = await terminateBackends(a, DB_10X);
      if (n) log(`ended ${n} queries the stopped 10× server left running`);
    } finally {
      await a.end({ timeout: 2 });
    }
  }

  // 5. The daily notification scan at 10×, on a fresh copy (the scan writes notifications). The copy
  // needs the 10× database without connections: its server is stopped by now.
  if (runs(o, "notify")) {
    const a = await adminConnection();
    try {
      await terminateBackends(a, DB_10X);
      log(`notify: fresh copy ${DB_NOTIFY} of ${DB_10X} …`);
      const t0 = Date.now();
      await recreateDatabase(a, DB_NOTIFY, DB_10X);
      const copyMs = Date.now() - t0;
      log(`notify: the morning scan, twice (the first makes every notification, the second finds them made) …`);
      const r = await runNotifyScan(dbUrl(DB_NOTIFY), { AUTH_SECRET });
      results.notify = { ...r, database: DB_NOTIFY, copyMs };
      const res = (t: { result: unknown }) => JSON.stringify(t.result);
      log(`notify: first scan ${r.firstScan.ms} ms (${res(r.firstScan)}), repeat ${r.repeatScan.ms} ms (${res(r.repeatScan)}); limit ${NOTIFY_SCAN_LIMIT_MS} ms`);
      writeResults(results);
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).split("\n")[0].slice(0, 300);
      results.notify = { failed: message };
      results.notes.push(`Notification scan: failed (${message}).`);
      log(`notify: failed: ${message}`);
    } finally {
      await dropDatabase(a, DB_NOTIFY).catch(() => undefined);
      await a.end({ timeout: 2 });
    }
  } else results.notify = { skipped: "--only" };

  // 6. Import vs COPY, on the scratch copy of 1×.
  if (wantImport) {
    const port = await freePort(FIRST_PORT, taken);
    taken.add(port);
    log(`next start on :${port} → ${DB_IMPORT}`);
    const server = await startServer("import", dbUrl(DB_IMPORT), port);
    try {
      const cookie = await signIn(server.baseUrl, "hr@example.com");
      results.import = await runImportBenchmark({ url: dbUrl(DB_IMPORT), database: DB_IMPORT, baseUrl: server.baseUrl, cookie, rows: o.quick ? 10_000 : 100_000, log });
      writeResults(results);
      if (o.quick) results.notes.push("--quick: the import used 10,000 rows, not 100,000.");
    } finally {
      await stopServer(server);
    }
  } else results.import = { skipped: "--only" };

  // 7. Lighthouse on 1×.
  if (needLighthouse) {
    try {
      results.lighthouse = await runLighthouse(servers["1x"]!.baseUrl, cookies["1x"]!, LIGHTHOUSE_PAGES, log);
    } catch (err) {
      // The browser failed to start or to run: the figures measured so far are still written.
      const reason = (err instanceof Error ? err.message : String(err)).split("\n")[0].slice(0, 300);
      log(`lighthouse: failed: ${reason}`);
      results.lighthouse = LIGHTHOUSE_PAGES.map((path) => ({ path, available: false, preset: "desktop" as const, reason }));
    }
  } else results.lighthouse = { skipped: o.quick ? "--quick" : "--only" };
  if (!needLoad) results.load = { skipped: "--only" };

  await stopAll();
  results.durationSeconds = round((Date.now() - started) / 1000, 1);
  (results.machine as Record<string, unknown>).loadAverageAtEnd = os.loadavg().map((x) => round(x, 2));
  results.notes.push(
    `Indicative figures: the machine's ${os.cpus().length} cores were shared with other work during the run (load average at start ${(results.machine.loadAverageAtStart as number[]).join(", ")}).`,
  );
  const files = writeResults(results);
  console.log("\n" + markdown(results));
  log(`wrote ${path.relative(process.cwd(), files.json)} and ${path.relative(process.cwd(), files.md)} in ${Math.round(results.durationSeconds)} s`);
  return 0;
}

async function cleanup(): Promise<void> {
  await stopAll();
  try {
    const a = await adminConnection();
    try {
      for (const name of [DB_IMPORT, DB_NOTIFY]) if (await databaseExists(a, name)) await dropDatabase(a, name);
    } finally {
      await a.end({ timeout: 2 });
    }
  } catch {
    /* PostgreSQL gone: nothing to drop */
  }
}

let options: Options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (err) {
  console.error(`bench: ${(err as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    console.error(`\nbench: ${sig}, stopping the servers …`);
    cleanup().finally(() => process.exit(130));
  });
}
process.on("exit", killAllNow);

main(options)
  .catch((err) => {
    if (stopping) return 130; // interrupted: the servers went first, the failure that follows is no news
    console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  })
  .then(async (code) => {
    if (stopping) return; // the signal handler cleans up and exits
    await cleanup();
    process.exit(code);
  });

