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
 * they take on the 2-core machine (measured on 7 Dec 10:20 at a load rising from 2 to 9, halved for a
 * quiet run and corrected for the changes made after it: what counts is their order), and any other
 * file counts by its size. Add a file when it takes more than a few seconds.
 */
const KNOWN_SECONDS: Record<string, number> = {
  // The app's cost-10 dummy hash checked for unknown e-mails, and bursts over two instances.
  "tests/integration/sign-in-limits.test.ts": 6,
  "tests/integration/authorization-2.test.ts": 8,
  "tests/integration/bad-input-1.test.ts": 8,
  // The incident tallies after every kind of write (hundreds of incidents at once), and the workflow through the API.
  "tests/integration/dashboard-incidents.test.ts": 8,
  "tests/integration/training-current-status.test.ts": 7,
  "tests/integration/score-month-ends.test.ts": 7,
  // Every summary against its module's list, and LibreOffice converting the workbooks.
  "tests/integration/renewal-pack.test.ts": 6,
  "tests/integration/renewal-readiness-days.test.ts": 5,
  "tests/integration/renewal-readiness.test.ts": 5,
  "tests/integration/authorization-1.test.ts": 5,
  "tests/integration/training-status.test.ts": 5,
  "tests/integration/incidents.test.ts": 5,
  "tests/integration/incidents-list-sql.test.ts": 4,
  "tests/integration/bad-input-2.test.ts": 4,
  "tests/integration/dashboard-drilldowns.test.ts": 4,
  "tests/integration/second-factor.test.ts": 4,
  "tests/integration/register-import.test.ts": 3,
  "tests/integration/training-status-day-counts.test.ts": 3,
  "tests/integration/register-seed-large.test.ts": 3,
  "tests/integration/dashboard.test.ts": 3,
  "tests/integration/seed-large.test.ts": 3,
  "tests/integration/contractors-list-sql.test.ts": 3,
  "tests/integration/security-requests.test.ts": 3,
  "tests/integration/rate-limits.test.ts": 3,
  "tests/integration/sign-in.test.ts": 2,
  // pg-boss creates its schema and polls.
  "tests/integration/notification-jobs.test.ts": 2,
  "tests/integration/calendar-loaders.test.ts": 2,
  "tests/integration/requests.test.ts": 2,
  "tests/integration/register-risks.test.ts": 2,
  "tests/integration/training-sessions.test.ts": 2,
  "tests/integration/training-reminders.test.ts": 2,
  "tests/integration/imports.test.ts": 2,
  "tests/integration/training-records.test.ts": 2,
  "tests/integration/oidc.test.ts": 2,
  "tests/integration/training-import.test.ts": 2,
  "tests/integration/authorization-3.test.ts": 2,
  "tests/integration/evidence.test.ts": 2,
  "tests/integration/sessions.test.ts": 2,
  "tests/integration/notifications-mail.test.ts": 2,
  "tests/integration/audit-chain.test.ts": 2,
};

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
