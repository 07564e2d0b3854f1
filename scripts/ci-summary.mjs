#!/usr/bin/env node
// One line for the CI reader, who does not understand vitest's or Playwright's closing lines:
//   total: N passed, M failed
// counted from the JSON reports of vitest (--vitest FILE) and Playwright (--playwright FILE), plus one
// check per CI step that has no report of its own (--step "name=ok|failed": typecheck, lint, build…).
// A report that is missing or unreadable counts as one failure. Exits 1 when anything failed.
import { existsSync, readFileSync } from "node:fs";

const args = process.argv.slice(2);
let passed = 0;
let failed = 0;
const failures = [];
const lines = [];

function readJson(file) {
  if (!existsSync(file)) throw new Error(`no report at ${file}`);
  return JSON.parse(readFileSync(file, "utf8"));
}

function vitest(file) {
  let r;
  try {
    r = readJson(file);
  } catch (err) {
    failed += 1;
    failures.push(`${file}: ${err.message}`);
    lines.push(`${file}: unreadable (counted as 1 failure)`);
    return;
  }
  let p = 0;
  let f = 0;
  for (const suite of r.testResults ?? []) {
    const tests = suite.assertionResults ?? [];
    for (const t of tests) {
      if (t.status === "passed") p += 1;
      else if (t.status === "failed") {
        f += 1;
        failures.push(`${rel(suite.name)} › ${t.fullName ?? t.title}`);
      }
    }
    // A file that failed without a failing test (an import error, a hook that threw) is one failure.
    if (suite.status === "failed" && !tests.some((t) => t.status === "failed")) {
      f += 1;
      failures.push(`${rel(suite.name)}: ${String(suite.message ?? "failed to run").split("\n")[0]}`);
    }
  }
  if (r.success === false && f === 0) {
    f += 1;
    failures.push(`${file}: vitest reported failure`);
  }
  passed += p;
  failed += f;
  lines.push(`${file}: ${p} passed, ${f} failed`);
}

function playwright(file) {
  let r;
  try {
    r = readJson(file);
  } catch (err) {
    failed += 1;
    failures.push(`${file}: ${err.message}`);
    lines.push(`${file}: unreadable (counted as 1 failure)`);
    return;
  }
  const s = r.stats ?? {};
  // expected = passed, flaky = passed on a retry, unexpected = failed; skipped are neither.
  const p = (s.expected ?? 0) + (s.flaky ?? 0);
  let f = s.unexpected ?? 0;
  const walk = (suite, trail) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === "unexpected") failures.push(`${[...trail, spec.title].filter(Boolean).join(" › ")} [${t.projectName}]`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...trail, child.title]);
  };
  for (const suite of r.suites ?? []) walk(suite, [suite.title]);
  // Errors outside tests (the web server did not start, a config error) fail the run too.
  for (const e of r.errors ?? []) {
    f += 1;
    failures.push(`playwright: ${String(e.message ?? e).split("\n")[0]}`);
  }
  passed += p;
  failed += f;
  lines.push(`${file}: ${p} passed, ${f} failed${s.flaky ? ` (${s.flaky} flaky)` : ""}${s.skipped ? `, ${s.skipped} skipped` : ""}`);
}

function step(spec) {
  const i = spec.lastIndexOf("=");
  const name = spec.slice(0, i);
  const result = spec.slice(i + 1);
  if (result === "ok") passed += 1;
  else {
    failed += 1;
    failures.push(`step: ${name}`);
  }
}

function rel(p) {
  return String(p ?? "").replace(process.cwd() + "/", "");
}

for (let i = 0; i < args.length; i += 2) {
  const [flag, value] = [args[i], args[i + 1]];
  if (value === undefined) throw new Error(`missing value after ${flag}`);
  if (flag === "--vitest") vitest(value);
  else if (flag === "--playwright") playwright(value);
  else if (flag === "--step") step(value);
  else throw new Error(`unknown argument ${flag}`);
}

for (const l of lines) console.log(l);
if (failures.length) {
  console.log(`failed (${failures.length}):`);
  for (const f of failures.slice(0, 50)) console.log(`  - ${f}`);
  if (failures.length > 50) console.log(`  … and ${failures.length - 50} more`);
}
console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
