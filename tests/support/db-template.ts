import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { templateDatabaseUrl, withDatabase } from "./db-names";

declare module "vitest" {
  export interface ProvidedContext {
    /** The folder where the run's migrated database is announced (`ready`, or `failed`); see below. */
    dbTemplateDir: string;
  }
}

/** What a test file copies its database from. */
export type DbTemplate = { pglite: string } | { postgres: string };
/** The migrated template, and the days for which a copy with the demo data seeded will follow (`demo-<day>`). */
export type ReadyTemplates = DbTemplate & { demoDays: string[] };

type Entry = { users: number; dir: string; done: Promise<(() => Promise<void>) | undefined> };
/** Both integration projects (vitest.config.ts) run this in the one main process: they share one template. */
const shared = globalThis as unknown as { __pmsTestTemplate?: Entry };

/**
 * Runs before the integration files: migrates one database, which every file then copies instead of
 * creating and migrating its own (docs/testing.md).
 * - PGlite (the default): an in-memory database, migrated and dumped to a file; each file loads the
 *   dump (about 0.3 s, tests/support/pglite.ts) instead of migrating (about 5 s).
 * - Postgres (DATABASE_URL): a database `<name>_template` beside the one named in DATABASE_URL; each
 *   file gets `CREATE DATABASE … TEMPLATE` of it (tests/support/setup-integration.ts), so files can run
 *   side by side without sharing a database. The role needs the right to create databases.
 *
 * The template is made while the first files (the unit tests) already run: this returns at once, and
 * writes `ready` (or `failed`) into the folder it provides when the template is there; an integration
 * file waits for that before it starts.
 */
export default function setup(project: TestProject) {
  if (!shared.__pmsTestTemplate) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pms-test-template-"));
    const done = makeTemplate(dir).then(
      async ({ template, dispose, withDemo }) => {
        const { demoTemplateDays } = await import("./demo-data");
        const days = demoTemplateDays();
        announce(dir, "ready", JSON.stringify({ ...template, demoDays: days }));
        // Then the demo data, seeded once per day instead of by every file that asks for it.
        for (const day of days) {
          await withDemo(day).then(
            (demo) => announce(dir, `demo-${day}`, JSON.stringify(demo)),
            (err: unknown) => announce(dir, `demo-${day}.failed`, err instanceof Error ? (err.stack ?? err.message) : String(err)),
          );
        }
        return dispose;
      },
      (err: unknown) => {
        announce(dir, "failed", err instanceof Error ? (err.stack ?? err.message) : String(err));
        return undefined;
      },
    );
    shared.__pmsTestTemplate = { users: 0, dir, done };
  }
  const entry = shared.__pmsTestTemplate;
  entry.users += 1;
  project.provide("dbTemplateDir", entry.dir);
  return async () => {
    entry.users -= 1;
    if (entry.users > 0) return;
    shared.__pmsTestTemplate = undefined;
    const dispose = await entry.done;
    await dispose?.();
    rmSync(entry.dir, { recursive: true, force: true });
  };
}

/** Written whole under another name, then renamed: a reader never sees half of it. */
function announce(dir: string, name: string, text: string) {
  writeFileSync(path.join(dir, `${name}.tmp`), text);
  renameSync(path.join(dir, `${name}.tmp`), path.join(dir, name));
}

type Made = { template: DbTemplate; dispose: () => Promise<void>; withDemo: (day: string) => Promise<DbTemplate> };

async function makeTemplate(dir: string): Promise<Made> {
  const { seedDemo } = await import("@/db/seed/demo");
  const url = process.env.DATABASE_URL;
  if (url) {
    const postgres = (await import("postgres")).default;
    const { migrateRealPostgres } = await import("@/db");
    const tpl = templateDatabaseUrl(url);
    const onServer = async (fn: (admin: ReturnType<typeof postgres>) => Promise<void>) => {
      const admin = postgres(process.env.DATABASE_MIGRATION_URL ?? url, { max: 1, onnotice: () => {} });
      try {
        await fn(admin);
      } finally {
        await admin.end();
      }
    };
    await onServer(async (admin) => {
      await admin.unsafe(`drop database if exists "${tpl.name}" with (force)`);
      await admin.unsafe(`create database "${tpl.name}"`);
    });
    const migration = process.env.DATABASE_MIGRATION_URL;
    await migrateRealPostgres(migration ? withDatabase(migration, tpl.name) : tpl.url, tpl.url);
    return {
      template: { postgres: tpl.name },
      // The template, the demo templates, and any copy a crashed worker left behind.
      dispose: () =>
        onServer(async (admin) => {
          const names = await admin<{ name: string }[]>`
            select datname as name from pg_database
            where datname = ${tpl.name} or datname like ${`${tpl.copyPrefix}%`} or datname like ${`${tpl.demoPrefix}%`}`;
          for (const { name } of names) await admin.unsafe(`drop database if exists "${name}" with (force)`);
        }),
      // A copy of the template, seeded by the runtime role as a test file would.
      withDemo: async (day) => {
        const name = `${tpl.demoPrefix}${day.replaceAll("-", "")}`;
        await onServer(async (admin) => {
          await admin.unsafe(`drop database if exists "${name}" with (force)`);
          await admin.unsafe(`create database "${name}" template "${tpl.name}"`);
        });
        const { openDatabase } = await import("@/db");
        const handle = await openDatabase({ migrate: false, url: withDatabase(url, name) });
        try {
          await seedDemo(handle.db, { today: day });
        } finally {
          await handle.close();
        }
        return { postgres: name };
      },
    };
  }
  const { migratedTemplatePglite, dumpPglite, pgliteFromDump } = await import("./pglite");
  const handle = await migratedTemplatePglite();
  const dump = await dumpPglite(handle);
  await handle.close();
  const file = path.join(dir, "pglite.tar");
  writeFileSync(file, dump);
  return {
    template: { pglite: file },
    dispose: async () => {},
    withDemo: async (day) => {
      const demo = await pgliteFromDump(file);
      try {
        await seedDemo(demo.db, { today: day });
        const demoFile = path.join(dir, `pglite-demo-${day}.tar`);
        writeFileSync(demoFile, await dumpPglite(demo));
        return { pglite: demoFile };
      } finally {
        await demo.close();
      }
    },
  };
}
