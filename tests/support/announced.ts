import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";

/**
 * What tests/support/db-template.ts (the global setup) announces in the folder it provides: `ready`
 * (the migrated template) and `demo-<day>` (a copy with the demo data of that day seeded), each as the
 * JSON it wrote, or `<name>.failed` with why not. Waits until it is there (they are made while the
 * first files already run). For the integration files (tests/support/setup-integration.ts) and the
 * demo seed's own test (db/seed/demo.test.ts); docs/testing.md.
 */
export async function announced<T>(name: string, what: string): Promise<T> {
  const dir = inject("dbTemplateDir");
  for (;;) {
    if (existsSync(path.join(dir, name))) return JSON.parse(readFileSync(path.join(dir, name), "utf8")) as T;
    if (existsSync(path.join(dir, `${name}.failed`))) throw new Error(`${what} could not be made:\n${readFileSync(path.join(dir, `${name}.failed`), "utf8")}`);
    // db-template.ts announces the migrated template's own failure as `failed`: a wait for `ready` ends on it
    // with its reason (a DATABASE_URL naming no database, say), instead of waiting out the hook timeout.
    if (existsSync(path.join(dir, "failed"))) {
      const why = readFileSync(path.join(dir, "failed"), "utf8");
      throw new Error(name === "ready" ? `${what} could not be made:\n${why}` : `${what} could not be made: the migrated template failed:\n${why}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
