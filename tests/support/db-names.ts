import { threadId } from "node:worker_threads";

/**
 * Names of the Postgres databases of an integration run on DATABASE_URL (docs/testing.md): the one
 * in the URL is only connected to for CREATE/DROP DATABASE; the run migrates `<name>_template` once,
 * copies it to `<name>_demo_<day>` with the demo data seeded, and each test file works in its own copy
 * `<name>_copy_<process>_<thread>` of one of them.
 */
export function databaseName(url: string): string {
  const u = new URL(url);
  return decodeURIComponent(u.pathname.slice(1)) || decodeURIComponent(u.username) || "postgres";
}

/** The same server, role and options, another database. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

export function templateDatabaseUrl(url: string) {
  const base = databaseName(url);
  const name = `${base}_template`;
  return { name, url: withDatabase(url, name), copyPrefix: `${base}_copy_`, demoPrefix: `${base}_demo_` };
}

/** This worker's copy: one at a time per worker thread, so files side by side never share one. */
export function copyDatabaseName(url: string): string {
  return `${templateDatabaseUrl(url).copyPrefix}${process.pid}_${threadId}`;
}
