/** Command line of `npm run bench`. */

export const STEPS = ["seed", "latency", "load", "notify", "import", "lighthouse"] as const;
export type Step = (typeof STEPS)[number];

export type Options = {
  quick: boolean;
  skipSeed: boolean;
  reseed: boolean;
  build: boolean;
  only: Step[] | null;
  help: boolean;
};

export const USAGE = `Usage: npm run bench [-- options]

Benchmarks a production build on two local PostgreSQL databases (1× and 10× data) and writes
bench-results/results.json and bench-results/results.md.

  --quick        fewer requests, 5 s load, no Lighthouse (a smoke run)
  --skip-seed    use the bench databases as they are (no size check, no seeding)
  --reseed       drop and seed the bench databases again even if they look ready
  --build        run \`next build\` even if a build exists
  --only=a,b     run only these steps: ${STEPS.join(", ")} (seeding still happens unless --skip-seed)
  -h, --help     this text

Environment: BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432; the databases pms_bench_1x,
pms_bench_10x and the scratch copies pms_bench_notify and pms_bench_import are created under it), NEXT_DIST_DIR (build folder,
default .next), CHROME_PATH (default /usr/bin/chromium).`;

export function parseOptions(argv: readonly string[]): Options {
  const o: Options = { quick: false, skipSeed: false, reseed: false, build: false, only: null, help: false };
  for (const arg of argv) {
    if (arg === "--quick") o.quick = true;
    else if (arg === "--skip-seed") o.skipSeed = true;
    else if (arg === "--reseed") o.reseed = true;
    else if (arg === "--build") o.build = true;
    else if (arg === "-h" || arg === "--help") o.help = true;
    else if (arg.startsWith("--only=")) {
      const steps = arg.slice("--only=".length).split(",").map((s) => s.trim()).filter(Boolean);
      const bad = steps.filter((s) => !(STEPS as readonly string[]).includes(s));
      if (bad.length || steps.length === 0) throw new Error(`--only: unknown step ${bad.join(", ") || "(none)"}; steps are ${STEPS.join(", ")}`);
      o.only = steps as Step[];
    } else throw new Error(`unknown option ${arg}`);
  }
  if (o.skipSeed && o.reseed) throw new Error("--skip-seed and --reseed contradict each other");
  return o;
}

export function runs(o: Options, step: Step): boolean {
  return o.only === null || o.only.includes(step);
}
