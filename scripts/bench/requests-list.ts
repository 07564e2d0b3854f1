/**
 * Times listRequests (db/queries/requests.ts) called directly, as the route handler calls it, on the
 * database of DATABASE_URL (read-only): p50/p95 over N calls per query, after a warm-up.
 *   DATABASE_URL=postgres://…/pms_bench_10x npx tsx scripts/bench/requests-list.ts [calls=200]
 * REQUESTS_MODULES=@/db/queries/requests,@/db/queries/requests-before times several copies of the
 * module (a before/after comparison), their calls interleaved so that the machine's load falls on both.
 */
import "./server-only"; // first: before anything imports db/queries

type List = typeof import("@/db/queries/requests").listRequests;

async function main() {
  const calls = Number(process.argv[2] ?? 200);
  const names = (process.env.REQUESTS_MODULES ?? "@/db/queries/requests").split(",");
  const fns: List[] = [];
  for (const name of names) fns.push(((await import(name)) as { listRequests: List }).listRequests);
  const { listRequestsQuery } = await import("@/lib/requests/schema");
  const { closeDb } = await import("@/db");
  const queries = ["page=1", "page=5", "stage=open&sort=dueOn&dir=asc", "late=true", "disposable=true", "stage=answered&late=false&page=3", "q=REQ-2025"];
  for (const qs of queries) {
    const q = listRequestsQuery.parse(Object.fromEntries(new URLSearchParams(qs)));
    for (const fn of fns) for (let i = 0; i < 20; i++) await fn(q);
    const times = fns.map(() => [] as number[]);
    const totals = fns.map(() => 0);
    for (let i = 0; i < calls; i++) {
      for (const [k, fn] of fns.entries()) {
        const t = performance.now();
        totals[k] = (await fn(q)).total;
        times[k].push(performance.now() - t);
      }
    }
    for (const [k, ts] of times.entries()) {
      ts.sort((a, b) => a - b);
      const p = (x: number) => ts[Math.min(ts.length - 1, Math.floor(x * ts.length))].toFixed(2);
      console.log(`${qs.padEnd(34)} ${names[k].replace("@/db/queries/", "").padEnd(16)} total ${String(totals[k]).padStart(5)}  p50 ${p(0.5).padStart(6)} ms  p95 ${p(0.95).padStart(6)} ms`);
    }
  }
  await closeDb();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
