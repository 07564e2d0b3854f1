import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The order in which the two workers take the test files (docs/testing.md). The run ends when the
 * last file does, so within a project the longest files go first and the short ones fill the end.
 * A worker keeps its loaded modules only while the next file is of the same project (vitest.config.ts),
 * so each project's files stay together: first the unit files (they need no database, and run while
 * tests/support/db-template.ts migrates the one the integration files copy), then the integration
 * files that need fresh modules (the slowest file is one of them), then the other integration files.
 *
 * How long a file takes comes from the previous run (vitest keeps it in node_modules/.vite); on a
 * fresh clone there is none, so the files known to be slow here are named below with about the seconds
 * they take on the 2-core machine (measured on 7 Dec 07:44 at a load of 3–6, after the seeded demo
 * template, halved for a quiet run: what counts is their order), and any other file counts by its size. Add a file when it takes more than a few seconds.
 */
const KNOWN_SECONDS: Record<string, number> = {
  // Every summary against its module's list, and LibreOffice converting the workbook twice.
  "tests/integration/renewal-pack.test.ts": 16,
  "tests/integration/bad-input-1.test.ts": 11,
  // The app's cost-10 dummy hash checked dozens of times on purpose.
  "tests/integration/sign-in-limits.test.ts": 11,
  // Migrates its own database (the unit project has no template) and seeds twice.
  "db/seed/demo.test.ts": 10,
  "tests/integration/register-import.test.ts": 9,
  // The incident tallies after every kind of write (hundreds of incidents at once), and the workflow through the API.
  "tests/integration/dashboard-incidents.test.ts": 6,
  // pg-boss creates its schema and polls.
  "tests/integration/notification-jobs.test.ts": 6,
  "tests/integration/authorization-3.test.ts": 5,
  "tests/integration/evidence.test.ts": 5,
  "tests/integration/incidents-list-sql.test.ts": 4,
  "tests/integration/training-reminders.test.ts": 4,
  "tests/integration/security-requests.test.ts": 4,
  "tests/integration/authorization-1.test.ts": 4,
  "tests/integration/sessions.test.ts": 4,
  "tests/integration/second-factor.test.ts": 3,
  "tests/integration/oidc.test.ts": 3,
  "tests/integration/notifications-mail.test.ts": 3,
  "tests/integration/audit-chain.test.ts": 3,
  "tests/integration/training-record-tally.test.ts": 2,
  "tests/integration/training-sessions.test.ts": 2,
  "tests/integration/audits.test.ts": 2,
  "tests/integration/training-current-status.test.ts": 2,
  "tests/integration/score-month-ends.test.ts": 2,
  "tests/integration/requests.test.ts": 2,
  "tests/integration/employees.test.ts": 2,
  "tests/integration/authorization-2.test.ts": 2,
  "tests/integration/provisions.test.ts": 2,
};

// unit-db after the other unit files: by then the template it loads is made (vitest.config.ts).
const PROJECT_ORDER = ["unit-isolated", "unit", "unit-db", "integration-isolated", "integration"];

export default class LongestFirstSequencer extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const cache = this.ctx.cache;
    const estimate = (spec: TestSpecification): number => {
      const file = path.relative(root, spec.moduleId).split(path.sep).join("/");
      const key = `${spec.project.name}:${file}`;
      const previous = cache.getFileTestResults(key)?.duration;
      if (previous !== undefined) return previous;
      if (KNOWN_SECONDS[file] !== undefined) return KNOWN_SECONDS[file] * 1000;
      // Unknown: about a millisecond per 100 bytes of test, so larger files go first.
      return (cache.getFileStats(key)?.size ?? 0) / 100;
    };
    const rank = (spec: TestSpecification) => {
      const i = PROJECT_ORDER.indexOf(spec.project.name);
      return i === -1 ? PROJECT_ORDER.length : i;
    };
    const ms = new Map(files.map((f) => [f, estimate(f)]));
    return [...files].sort((a, b) => rank(a) - rank(b) || ms.get(b)! - ms.get(a)!);
  }
}
