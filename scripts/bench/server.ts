/**
 * Step 2: the production build and `next start` servers. Every server is started in its own
 * process group (`npx next start` would leave Next running when killed) and registered, so
 * stopAll() ends them on success, failure or Ctrl-C.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const NEXT_BIN = path.join(process.cwd(), "node_modules", ".bin", "next");

export function distDir(): string {
  return process.env.NEXT_DIST_DIR || ".next";
}

export function buildExists(): boolean {
  return existsSync(path.join(process.cwd(), distDir(), "BUILD_ID"));
}

export async function build(log: (s: string) => void): Promise<number> {
  log(`next build (into ${distDir()}) …`);
  const t0 = Date.now();
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(NEXT_BIN, ["build"], { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
    child.on("error", reject);
    child.on("exit", (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  return Math.round((Date.now() - t0) / 1000);
}

export type Server = { name: string; port: number; baseUrl: string; logFile: string; child: ChildProcess };

const running = new Set<Server>();

/** A port nobody listens on, from `from` upwards. */
export async function freePort(from: number, taken: Set<number> = new Set()): Promise<number> {
  for (let p = from; p < from + 200; p++) {
    if (taken.has(p)) continue;
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once("error", () => resolve(false));
      s.listen(p, "127.0.0.1", () => s.close(() => resolve(true)));
    });
    if (ok) return p;
  }
  throw new Error(`no free port from ${from}`);
}

/** One secret per bench run: sessions need not survive it. */
export const AUTH_SECRET = randomBytes(32).toString("base64url");

export async function startServer(name: string, databaseUrl: string, port: number): Promise<Server> {
  const logFile = path.join(os.tmpdir(), `pms-bench-${name}-${port}.log`);
  const out = createWriteStream(logFile);
  const baseUrl = `http://localhost:${port}`;
  const child = spawn(NEXT_BIN, ["start", "-p", String(port)], {
    detached: true, // own process group: killed as a whole
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET,
      AUTH_URL: baseUrl,
      AUTH_TRUST_HOST: "true",
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      // The job queue's deadline scan (db/jobs.ts) is seconds of database work at 10×: it would run
      // in the middle of the measurements. The bench measures requests; `npm run bench:notify` the scan.
      PMS_JOBS: "off",
    },
  });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const server: Server = { name, port, baseUrl, logFile, child };
  running.add(server);
  child.on("exit", () => running.delete(server));
  await waitHealthy(server);
  return server;
}

async function waitHealthy(server: Server, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`next start (${server.name}) exited with ${server.child.exitCode}:\n${tail(server.logFile)}`);
    try {
      const res = await fetch(`${server.baseUrl}/api/v1/health`);
      const body = await res.text();
      if (res.ok) return;
      last = `${res.status} ${body}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${server.name}: /api/v1/health not ok after ${timeoutMs / 1000} s (${last}):\n${tail(server.logFile)}`);
}

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

function killGroup(server: Server, signal: NodeJS.Signals) {
  try {
    process.kill(-server.child.pid!, signal);
  } catch {
    /* already gone */
  }
}

export async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) {
    running.delete(server);
    return;
  }
  const exited = new Promise<void>((resolve) => server.child.once("exit", () => resolve()));
  killGroup(server, "SIGTERM");
  const timer = setTimeout(() => killGroup(server, "SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
  running.delete(server);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map(stopServer));
}

/** Synchronous last resort (process 'exit'): SIGKILL every group still running. */
export function killAllNow(): void {
  for (const s of running) killGroup(s, "SIGKILL");
}
