/**
 * The dashboard's incident cards against the number of open unreported incidents (issue 12, point 10):
 * adds N open incidents with no report made (references BENCH-…; the previous run's are removed
 * first), then times getIncidentCards and getDashboardSummary in this process and EXPLAIN ANALYZEs
 * the statements one getIncidentCards call sends. On a database seeded with
 *   DATABASE_URL=… npm run db:seed -- --scale large --factor 0.1
 * run, for 5 and for 5,000 extra incidents:
 *   DATABASE_URL=… npx tsx scripts/bench/incident-cards.ts --extra 5000
 * (server-only.ts lets it import db/queries, which `import "server-only"`).
 * --extra 0 removes the added incidents; --score N also times the compliance score N times. Only for a
 * benchmark database: it writes to `incidents`.
 */
import "./server-only"; // first: before anything imports db/queries
import { capture, type Statement } from "./capture"; // before anything loads postgres.js
import { addOpenIncidents, countOpenUnreported } from "./open-incidents";
import { connect } from "./pg";
import { nowMs, round, summarize } from "./stats";

type Args = { extra: number; n: number; warm: number; score: number };

function parseArgs(argv: string[]): Args {
  const args: Args = { extra: 5, n: 300, warm: 30, score: 0 };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, "") as keyof Args;
    const v = Number(argv[++i]);
    if (!(key in args) || !Number.isInteger(v) || v < 0) throw new Error(`usage: --extra N --n N --warm N --score N (got ${argv[i - 1]} ${argv[i]})`);
    args[key] = v;
  }
  return args;
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; "Actual Total Time"?: number; "Actual Rows"?: number; "Actual Loops"?: number; Plans?: PlanNode[] };

function planLines(node: PlanNode, depth = 0, lines: string[] = []): string[] {
  if (lines.length < 14) {
    const rel = node["Relation Name"] ? ` on ${node["Relation Name"]}` : "";
    const idx = node["Index Name"] ? ` using ${node["Index Name"]}` : "";
    lines.push(`    ${"  ".repeat(depth)}${node["Node Type"]}${rel}${idx} (${round(node["Actual Total Time"] ?? 0, 3)} ms, ${node["Actual Rows"]} rows × ${node["Actual Loops"] ?? 1})`);
    for (const child of node.Plans ?? []) planLines(child, depth + 1, lines);
  }
  return lines;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required");
  const admin = connect(url);
  try {
    await addOpenIncidents(admin, args.extra);
    const unreported = await countOpenUnreported(admin);
    console.log(`extra open unreported incidents: ${args.extra}; open incidents with no P-mark preliminary report: ${unreported}`);

    const { getIncidentCards, getDashboardSummary, getComplianceScoreTrend } = await import("@/db/queries/dashboard");
    const time = async (fn: () => Promise<unknown>, n: number, warm = args.warm) => {
      for (let i = 0; i < warm; i++) await fn();
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = nowMs();
        await fn();
        samples.push(nowMs() - t0);
      }
      return summarize(samples);
    };
    const cards = await time(() => getIncidentCards(), args.n);
    const summary = await time(() => getDashboardSummary(), Math.max(1, Math.round(args.n / 5)));
    console.log(`getIncidentCards    n=${cards.n} p50 ${cards.p50} ms  p95 ${cards.p95} ms  mean ${cards.mean} ms`);
    console.log(`getDashboardSummary n=${summary.n} p50 ${summary.p50} ms  p95 ${summary.p95} ms  mean ${summary.mean} ms`);
    if (args.score) {
      // The score panel's request (the incident indicator is one of six parts; training dominates it).
      const score = await time(() => getComplianceScoreTrend(), args.score, 2);
      console.log(`getComplianceScoreTrend n=${score.n} p50 ${score.p50} ms  p95 ${score.p95} ms  mean ${score.mean} ms`);
    }
    const result = await getIncidentCards();
    console.log(`figures: open ${result.open}, late ${result.lateReports}, due soon ${result.dueSoonReports}, reportable this FY ${result.reportableThisFy}, next ${result.nextDeadline?.reference} ${result.nextDeadline?.key} ${result.nextDeadline?.dueOn}`);

    capture.statements = [];
    capture.on = true;
    await getIncidentCards();
    capture.on = false;
    const statements: Statement[] = capture.statements.filter((s) => !/^\s*(begin|commit|rollback|savepoint|release)\b/i.test(s.query));
    let planning = 0;
    let execution = 0;
    let rowsOut = 0;
    const lines: string[] = [];
    for (const st of statements) {
      const [row] = await admin.unsafe(`explain (analyze, buffers, format json) ${st.query}`, st.params as never[]);
      const plan = (row["QUERY PLAN"] as { "Planning Time": number; "Execution Time": number; Plan: PlanNode }[])[0];
      planning += plan["Planning Time"];
      execution += plan["Execution Time"];
      rowsOut += plan.Plan["Actual Rows"] ?? 0;
      lines.push(`  ${round(plan["Execution Time"], 3)} ms, ${plan.Plan["Actual Rows"]} rows out: ${st.query.replace(/\s+/g, " ").slice(0, 140)}`, ...planLines(plan.Plan));
    }
    console.log(`EXPLAIN ANALYZE: ${statements.length} statements, planning ${round(planning, 3)} ms, execution ${round(execution, 3)} ms, ${rowsOut} rows to the client`);
    console.log(lines.join("\n"));
  } finally {
    await admin.end({ timeout: 2 });
    const { closeDb } = await import("@/db");
    await closeDb();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
