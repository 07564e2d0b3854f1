import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator } from "next-intl";
import { count, sql } from "drizzle-orm";
import postgres from "postgres";
import * as departmentsRoute from "@/app/api/v1/departments/route";
import * as departmentRoute from "@/app/api/v1/departments/[id]/route";
import * as retireRoute from "@/app/api/v1/departments/[id]/retire/route";
import * as restoreRoute from "@/app/api/v1/departments/[id]/restore/route";
import * as employeesRoute from "@/app/api/v1/employees/route";
import * as importRoute from "@/app/api/v1/employees/import/route";
import * as settingsRoute from "@/app/api/v1/settings/route";
import * as usersRoute from "@/app/api/v1/users/route";
import * as contractorImportRoute from "@/app/api/v1/contractors/import/route";
import { getDb, migrateRealPostgres, openDatabase, type Db } from "@/db";
import { grantRuntimeRole } from "@/db/roles";
import { recordAudit, verifyAuditChain } from "@/db/queries/audit";
import { auditLog, departments } from "@/db/schema";
import { GENESIS_HASH } from "@/lib/security/audit-chain";
import { MESSAGES } from "@/lib/i18n/messages";
import { AuditChainStatus } from "@/components/settings/audit-chain-status";
import { call, signInAs } from "../support/api";

// The settings page's line renders with the real messages in the language this test picks.
const i18n = vi.hoisted(() => ({ locale: "en" as "en" | "ja" }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace: string) => createTranslator({ locale: i18n.locale, messages: MESSAGES[i18n.locale], namespace: namespace as never }),
}));

async function settingsLine(locale: "en" | "ja") {
  i18n.locale = locale;
  return renderToStaticMarkup(await AuditChainStatus()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

/**
 * The audit trail's hash chain and the two database roles (docs/security.md). On the embedded
 * database (one role) the role tests are skipped; on Postgres (DATABASE_URL, as its owner) they run.
 */
const PG_URL = process.env.DATABASE_URL;
const onPostgres = PG_URL ? it : it.skip;

function rowsOf<T>(res: unknown): T[] {
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

async function exec(q: string) {
  const db = await getDb();
  return rowsOf<Record<string, unknown>>(await db.execute(sql.raw(q)));
}

async function chainRows() {
  const db = await getDb();
  return db.select({ id: auditLog.id, seq: auditLog.seq, prevHash: auditLog.prevHash, hash: auditLog.hash }).from(auditLog).orderBy(auditLog.seq);
}

/** Every row in place: seq 1..n, each prev_hash the hash before it. */
async function expectLinked() {
  const rows = await chainRows();
  rows.forEach((r, i) => {
    expect(r.seq).toBe(i + 1);
    expect(r.prevHash).toBe(i === 0 ? GENESIS_HASH : rows[i - 1].hash);
    expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
  });
  const report = await verifyAuditChain();
  expect(report).toMatchObject({ ok: true, rows: rows.length });
  expect(report.firstBroken).toBeUndefined();
  if (rows.length) expect(report.head).toEqual({ seq: rows.length, hash: rows[rows.length - 1].hash });
  return rows.length;
}

const csv = (lines: string[]) => {
  const form = new FormData();
  form.set("file", new File([new TextEncoder().encode(["社員番号,氏名,部署コード,雇用形態,入社日", ...lines].join("\n") + "\n")], "e.csv", { type: "text/csv" }));
  form.set("mode", "commit");
  return form;
};

describe("audit trail hash chain", () => {
  it("chains the audit rows of every kind of write made through the API", async () => {
    await signInAs("privacy_manager");
    const d = await call(departmentsRoute, "POST", "/api/v1/departments", { json: { code: "AC1", name: "監査部" } });
    expect(d.status).toBe(201);
    const id = d.body.id;
    expect((await call(departmentRoute, "PATCH", "/x", { params: { id }, json: { code: "AC1", name: "監査室", version: 1 } })).status).toBe(200);
    expect((await call(retireRoute, "POST", "/x", { params: { id }, json: { version: 2 } })).status).toBe(200);
    expect((await call(restoreRoute, "POST", "/x", { params: { id }, json: { version: 3 } })).status).toBe(200);
    const emp = { name: "監査 太郎", nameKana: "カンサ タロウ", email: "taro@example.jp", employmentType: "regular", hireDate: "2024-04-01", departmentId: id };
    expect((await call(employeesRoute, "POST", "/api/v1/employees", { json: { ...emp, employeeNumber: "A001" } })).status).toBe(201);
    const imp = await call(importRoute, "POST", "/api/v1/employees/import", { body: csv(["A002,監査 二郎,AC1,正社員,2025-04-01", "A003,監査 三郎,AC1,正社員,2025-04-01"]) });
    expect(imp.body).toMatchObject({ committed: true });
    const settings = await call(settingsRoute, "GET", "/api/v1/settings");
    expect((await call(settingsRoute, "PUT", "/api/v1/settings", { json: { fiscalYearStartMonth: 4, version: settings.body.version } })).status).toBe(200);
    expect((await call(usersRoute, "POST", "/api/v1/users", { json: { email: "chain@example.com", name: "鎖 確認", role: "auditor" } })).status).toBe(201);

    const n = await expectLinked();
    expect(n).toBeGreaterThanOrEqual(8);
    const head = (await verifyAuditChain()).head!;
    expect(await settingsLine("en")).toContain(`Tamper check Intact ${n} entries checked`);
    expect(await settingsLine("en")).toContain(`Last entry No. ${head.seq} ${head.hash}`);
    expect(await settingsLine("ja")).toContain(`改ざんチェック 異常なし ${n} 件を確認しました。`);
  });

  it("chains a multi-row INSERT and COPY-like bulk inserts, and ignores seq/hash a client sends", async () => {
    await exec(`insert into audit_log (action, entity, entity_id) values ('create', 'bulk', '1'), ('create', 'bulk', '2'), ('create', 'bulk', '3')`);
    await exec(`insert into audit_log (action, entity, entity_id, after) select 'import', 'bulk', g::text, jsonb_build_object('n', g, 'name', '名前' || g) from generate_series(1, 50) g`);
    await exec(`insert into audit_log (action, entity, seq, prev_hash, hash) values ('create', 'forged', 999999, 'forged', 'forged')`);
    const [forged] = await exec(`select seq, prev_hash, hash from audit_log where entity = 'forged'`);
    expect(Number(forged.seq)).not.toBe(999999);
    expect(forged.hash).not.toBe("forged");
    await expectLinked();
  });

  it("does not depend on the session's time zone or date style", async () => {
    const db = await getDb();
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local timezone = 'America/New_York'`);
      await tx.execute(sql`set local datestyle = 'SQL, DMY'`);
      await recordAudit(tx, null, { action: "create", entity: "tz", after: { at: new Date("2026-01-02T03:04:05.678Z") } });
      expect((await verifyAuditChain(tx)).ok).toBe(true);
    });
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("names the row changed behind the app's back (as the owner, append-only trigger off) as the first broken link", async () => {
    const [target] = await exec(`select id, seq, after::text as after from audit_log where entity = 'bulk' order by seq limit 1 offset 10`);
    const seq = Number(target.seq);
    await exec(`alter table audit_log disable trigger audit_log_no_update`);
    await exec(`update audit_log set after = '{"n": 9999}'::jsonb where seq = ${seq}`);
    await exec(`alter table audit_log enable trigger audit_log_no_update`);
    const report = await verifyAuditChain();
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toEqual({ seq, id: Number(target.id), reason: "content" });

    // The privacy manager's settings page names the same link.
    expect(await settingsLine("en")).toContain(`Broken First broken link: entry No. ${seq} (ID ${target.id}). Its content was changed after it was recorded.`);
    expect(await settingsLine("ja")).toContain(`改ざんの可能性 最初に途切れている箇所：記録 No.${seq}（ID ${target.id}）。記録後に内容が変更されています。`);

    // Re-hashing the changed row to hide it only moves the break to the next row's link.
    await exec(`alter table audit_log disable trigger audit_log_no_update`);
    await exec(`update audit_log a set hash = audit_log_row_hash(a) where seq = ${seq}`);
    await exec(`alter table audit_log enable trigger audit_log_no_update`);
    expect((await verifyAuditChain()).firstBroken).toMatchObject({ seq: seq + 1, reason: "link" });

    // Put it back as it was: intact again.
    await exec(`alter table audit_log disable trigger audit_log_no_update`);
    await exec(`update audit_log set after = '${String(target.after).replace(/'/g, "''")}'::jsonb where seq = ${seq}`);
    await exec(`update audit_log a set hash = audit_log_row_hash(a) where seq = ${seq}`);
    await exec(`alter table audit_log enable trigger audit_log_no_update`);
    await expectLinked();
  });

  it("names the row after a deleted one as the first broken link, and the second row when the first is gone", async () => {
    for (const offset of [20, 0]) {
      const [victim] = await exec(`select id, seq from audit_log order by seq limit 1 offset ${offset}`);
      const [next] = await exec(`select id, seq from audit_log where seq > ${victim.seq} order by seq limit 1`);
      await exec(`create temporary table saved_audit as select * from audit_log where id = ${victim.id}`);
      await exec(`alter table audit_log disable trigger audit_log_no_update`);
      await exec(`delete from audit_log where id = ${victim.id}`);
      await exec(`alter table audit_log enable trigger audit_log_no_update`);
      const report = await verifyAuditChain();
      expect(report.ok).toBe(false);
      expect(report.firstBroken).toEqual({ seq: Number(next.seq), id: Number(next.id), reason: "gap" });

      // Restore the row exactly (chain trigger off, so its stored seq and hashes stay).
      await exec(`alter table audit_log disable trigger audit_log_chain`);
      await exec(`insert into audit_log overriding system value select * from saved_audit`);
      await exec(`alter table audit_log enable trigger audit_log_chain`);
      await exec(`drop table saved_audit`);
      await expectLinked();
    }
  });

  onPostgres("keeps one chain when two connection pools write at once", async () => {
    const pools = await Promise.all([openDatabase({ migrate: false, url: PG_URL }), openDatabase({ migrate: false, url: PG_URL })]);
    try {
      const before = await expectLinked();
      const write = (db: Db, i: number) =>
        db.transaction(async (tx) => {
          const [d] = await tx.insert(departments).values({ code: `P${i}`, name: `並行 ${i}` }).returning();
          await recordAudit(tx, null, { action: "create", entity: "department", entityId: d.id, after: d });
          if (i % 5 === 0) await recordAudit(tx, null, { action: "update", entity: "department", entityId: d.id, after: { ...d, name: "二度目" } });
        });
      await Promise.all(Array.from({ length: 60 }, (_, i) => write(pools[i % 2].db, i)));
      expect(await expectLinked()).toBe(before + 60 + 12);
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
  });
});

describe("audit chain lock and row locks (Postgres)", () => {
  const contractorCsv = (lines: string[]) => {
    const form = new FormData();
    const header = "名称,法人番号,状態,委託業務,個人情報の項目,件数,契約開始日,契約終了日,担当者,メールアドレス,電話番号,再評価の間隔（月）,備考";
    form.set("file", new File([[header, ...lines].join("\r\n")], "contractors.csv", { type: "text/csv" }));
    form.set("mode", "commit");
    return form;
  };

  onPostgres("an import that reaches a contractor someone is editing waits for them instead of deadlocking on the chain", async () => {
    await signInAs("privacy_manager");
    const first = await call(contractorImportRoute, "POST", "/x", { body: contractorCsv(["鎖テスト既存,,候補,データ入力,氏名,10,,,,,,,"]) });
    expect(first.body).toMatchObject({ committed: true, inserted: 1 });
    // Someone edits the contractor: its row is locked, and their audit row comes last.
    const editor = postgres(PG_URL!, { max: 1, onnotice: () => {} });
    try {
      const conn = await editor.reserve();
      await conn`begin`;
      await conn`select id from contractors where name = '鎖テスト既存' for update`;
      // The import writes a new contractor first, then waits for the locked one.
      const importing = call(contractorImportRoute, "POST", "/x", {
        body: contractorCsv(["鎖テスト新規,,候補,発送代行,氏名、住所,20,,,,,,,", "鎖テスト既存,,候補,データ入力・保管,氏名,10,,,,,,,"]),
      });
      await new Promise((r) => setTimeout(r, 500));
      await conn`insert into audit_log (action, entity) values ('update', 'contractor')`;
      await conn`commit`;
      conn.release();
      const res = await importing;
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ committed: true, inserted: 1, updated: 1 });
    } finally {
      await editor.end({ timeout: 5 });
    }
    await expectLinked();
  });
});

describe("two database roles (Postgres)", () => {
  const suffix = randomBytes(4).toString("hex");
  const runtime = `pms_audit_rt_${suffix}`;
  const password = randomBytes(18).toString("base64url");
  const created: string[] = [];
  let runtimeUrl = "";
  let owner: postgres.Sql | null = null;

  beforeAll(async () => {
    if (!PG_URL) return;
    owner = postgres(PG_URL, { max: 1, onnotice: () => {} });
    // A login role with a password: on a stock Debian Postgres only `postgres` is trusted on
    // 127.0.0.1, every other role signs in with scram-sha-256.
    await owner.unsafe(`create role "${runtime}" login password '${password}'`);
    created.push(runtime);
    const u = new URL(PG_URL);
    u.username = runtime;
    u.password = password;
    runtimeUrl = u.toString();
  });

  afterAll(async () => {
    if (!owner) return;
    for (const role of created.reverse()) {
      await owner.unsafe(`drop owned by "${role}"`).catch(() => {});
      await owner.unsafe(`drop role if exists "${role}"`);
    }
    await owner.end({ timeout: 5 });
  });

  onPostgres("the runtime role reads and appends the audit trail but cannot change, delete, truncate or unhook it", async () => {
    // The grant step, as the app's migration does it (nothing is pending: the setup migrated).
    await migrateRealPostgres(PG_URL!, runtimeUrl);
    const rt = postgres(runtimeUrl, { max: 1, onnotice: () => {} });
    try {
      const [{ who }] = await rt`select current_user as who`;
      expect(who).toBe(runtime);
      const denied = { code: "42501" };
      await expect(rt.unsafe(`update audit_log set action = 'x'`)).rejects.toMatchObject(denied);
      await expect(rt.unsafe(`delete from audit_log`)).rejects.toMatchObject(denied);
      await expect(rt.unsafe(`truncate audit_log`)).rejects.toMatchObject(denied);
      await expect(rt.unsafe(`alter table audit_log disable trigger audit_log_no_update`)).rejects.toMatchObject(denied);
      await expect(rt.unsafe(`alter table audit_log disable trigger audit_log_chain`)).rejects.toMatchObject(denied);
      await expect(rt.unsafe(`drop trigger audit_log_no_update on audit_log`)).rejects.toMatchObject(denied);
      await expect(rt.unsafe(`drop trigger audit_log_chain on audit_log`)).rejects.toMatchObject(denied);
      await expect(rt.unsafe(`alter table audit_log drop column hash`)).rejects.toMatchObject(denied);
      await expect(rt.unsafe(`create or replace function audit_log_chain() returns trigger language plpgsql as 'begin return new; end'`)).rejects.toMatchObject(denied);
      await expect(rt.unsafe(`set session_replication_role = replica`)).rejects.toMatchObject(denied);
      // Other tables: data, not structure.
      await expect(rt.unsafe(`truncate departments`)).rejects.toMatchObject(denied);
      await expect(rt.unsafe(`alter table departments disable trigger all`)).rejects.toMatchObject(denied);

      const [{ n }] = await rt`select count(*)::int as n from audit_log`;
      await rt`insert into audit_log (action, entity) values ('create', 'runtime')`;
      const [{ m }] = await rt`select count(*)::int as m from audit_log`;
      expect(m).toBe(n + 1);
    } finally {
      await rt.end({ timeout: 5 });
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  onPostgres("the app writes through the API as the runtime role (identity columns, triggers), and starts as it once migrated", async () => {
    // What the app does at start as the runtime role alone: nothing pending, nothing to grant.
    const handle = await openDatabase({ migrate: true, url: runtimeUrl });
    const g = globalThis as unknown as { __pmsDb?: Promise<unknown> };
    const ownerHandle = g.__pmsDb;
    g.__pmsDb = Promise.resolve(handle);
    try {
      const db = await getDb();
      const [{ who }] = rowsOf<{ who: string }>(await db.execute(sql`select current_user as who`));
      expect(who).toBe(runtime);
      await signInAs("hr");
      const d = await call(departmentsRoute, "POST", "/api/v1/departments", { json: { code: "RT1", name: "実行ロール部" } });
      expect(d.status).toBe(201);
      expect((await call(departmentRoute, "PATCH", "/x", { params: { id: d.body.id }, json: { code: "RT1", name: "実行ロール室", version: 1 } })).status).toBe(200);
      const emp = { name: "実行 花子", nameKana: "ジッコウ ハナコ", email: "rt@example.jp", employmentType: "regular", hireDate: "2024-04-01", departmentId: d.body.id };
      expect((await call(employeesRoute, "POST", "/api/v1/employees", { json: { ...emp, employeeNumber: "RT01" } })).status).toBe(201);
      const imp = await call(importRoute, "POST", "/api/v1/employees/import", { body: csv(["RT02,実行 次郎,RT1,正社員,2025-04-01"]) });
      expect(imp.body).toMatchObject({ committed: true });
      const report = await verifyAuditChain();
      expect(report.ok).toBe(true);
      const [{ n }] = await db.select({ n: count() }).from(auditLog).where(sql`${auditLog.actorEmail} = 'test-hr@example.com'`);
      expect(Number(n)).toBeGreaterThanOrEqual(4);
    } finally {
      g.__pmsDb = ownerHandle;
      await handle.close();
    }
  });

  onPostgres("a pending migration cannot be applied by the runtime role: the error says how to apply it", async () => {
    const [last] = await owner!`select id, hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`;
    await owner!`delete from drizzle.__drizzle_migrations where id = ${last.id}`;
    try {
      await expect(migrateRealPostgres(runtimeUrl)).rejects.toThrow(/may not apply them.*DATABASE_MIGRATION_URL/s);
    } finally {
      await owner!`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${last.id}, ${last.hash}, ${last.created_at})`;
    }
  });

  onPostgres("refuses a runtime role that could act as the owner", async () => {
    const member = `pms_audit_member_${suffix}`;
    const holder = `pms_audit_owner_${suffix}`;
    await owner!.unsafe(`create role "${member}"`);
    created.push(member);
    await owner!.unsafe(`create role "${holder}"`);
    created.push(holder);
    await owner!.unsafe(`grant postgres to "${member}"`);
    await expect(grantRuntimeRole(owner!, member)).rejects.toThrow(/member of the owner role/);
    await owner!.unsafe(`create table pms_audit_owned (x int)`);
    await owner!.unsafe(`alter table pms_audit_owned owner to "${holder}"`);
    await expect(grantRuntimeRole(owner!, holder)).rejects.toThrow(/owns pms_audit_owned.*REASSIGN OWNED BY/s);
    await owner!.unsafe(`drop table pms_audit_owned`);
    await expect(grantRuntimeRole(owner!, "postgres")).rejects.toThrow(/superuser/);
    await expect(grantRuntimeRole(owner!, `pms_audit_nobody_${suffix}`)).rejects.toThrow(/does not exist/);
  });
});
