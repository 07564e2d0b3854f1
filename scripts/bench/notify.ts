/**
 * Step "notify" of `npm run bench`: the daily deadline scan at 10×, on a fresh copy of the 10× database
 * (pms_bench_notify, dropped afterwards: the scan writes notifications and the outbox). The scan runs in
 * a child process (notify-scan.ts, which can import db/queries) against the copy and answers one JSON
 * line.
 */
import { spawn } from "node:child_process";
import path from "node:path";

export type ScanTiming = { ms: number; result: unknown };
type Counts = { users: number; employees: number; records: number; notifications: number };
export type NotifyScanResult = { data: Counts; firstScan: ScanTiming; repeatScan: ScanTiming; after: Counts };
export type NotifyResult = NotifyScanResult & { database: string; copyMs: number };

/** The scan must stay well under a minute (README, "Notifications"). */
export const NOTIFY_SCAN_LIMIT_MS = 60_000;
export const NOTIFY_MARKER = "__BENCH_NOTIFY__";

/** Runs notify-scan.ts against `databaseUrl` (a copy: it is written to) and returns what it measured. */
export function runNotifyScan(databaseUrl: string, env: Record<string, string>): Promise<NotifyScanResult> {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [path.join(__dirname, "notify-scan.ts")], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env, DATABASE_URL: databaseUrl, SMTP_URL: "" },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith(NOTIFY_MARKER));
      // Exit 3: measured, but over the limit — the figures still go into the results.
      if ((code !== 0 && code !== 3) || !line) reject(new Error(`notify-scan.ts failed (exit ${code}):\n${err.slice(-2000)}`));
      else resolve(JSON.parse(line.slice(NOTIFY_MARKER.length)) as NotifyScanResult);
    });
  });
}
