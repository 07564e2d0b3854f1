import { beforeEach, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/v1/provision-records/route";
import * as itemRoute from "@/app/api/v1/provision-records/[id]/route";
import * as disposeRoute from "@/app/api/v1/provision-records/[id]/dispose/route";
import * as retireRoute from "@/app/api/v1/provision-records/[id]/retire/route";
import * as restoreRoute from "@/app/api/v1/provision-records/[id]/restore/route";
import * as jointRoute from "@/app/api/v1/joint-uses/route";
import * as jointItemRoute from "@/app/api/v1/joint-uses/[id]/route";
import * as jointRetireRoute from "@/app/api/v1/joint-uses/[id]/retire/route";
import * as jointRestoreRoute from "@/app/api/v1/joint-uses/[id]/restore/route";
import { auditLog } from "@/db/schema";
import { and, eq } from "drizzle-orm";
import * as exportRoute from "@/app/api/v1/provision-records/export.csv/route";
import { getDb } from "@/db";
import { addDays, todayInTokyo } from "@/lib/dates";
import { RETENTION_STATES } from "@/lib/provisions/enums";
import { retentionState } from "@/lib/provisions/rules";
import type { JointUseDto, ProvisionDto } from "@/lib/provisions/schema";
import { call, signInAs } from "../support/api";
import { fetchCsvExport } from "./csv-export";
import { seedDemoData } from "../support/demo-data";

const today = todayInTokyo();
const d = (n: number) => addDays(today, -n);

const record = (over: Record<string, unknown> = {}) => ({
  direction: "provided",
  ground: "consent",
  consentMethod: "申込書の同意欄",
  counterpartyName: "株式会社テスト提携",
  counterpartyAddress: "東京都千代田区1-1",
  counterpartyRepresentative: "代表取締役 試験 太郎",
  persons: "セミナー参加者 10名",
  dataItems: "氏名、メールアドレス",
  providedFrom: d(10),
  recordedOn: d(10),
  ...over,
});

async function create(over: Record<string, unknown> = {}): Promise<ProvisionDto> {
  const res = await call(listRoute, "POST", "/api/v1/provision-records", { json: record(over) });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

let seeded = false;
beforeEach(async () => {
  if (!seeded) {
    await seedDemoData(today);
    seeded = true;
  }
  await signInAs("privacy_manager");
});

describe("retention of provision records", () => {
  it("an individual record is kept 3 years from the day recorded; a contract record 1 year and a bulk record 3 years from the last provision", async () => {
    expect(await create({ recordedOn: "2026-04-15", providedFrom: "2026-04-10" })).toMatchObject({ recordRequired: true, retainUntil: "2029-04-14", disposableFrom: "2029-04-15" });
    const contract = await create({ recordForm: "contract_with_person", providedFrom: "2025-04-10", providedTo: "2025-10-31", recordedOn: "2025-04-10" });
    expect(contract).toMatchObject({ retainUntil: "2026-10-30", disposableFrom: "2026-10-31" });
    const bulk = await create({ recordForm: "bulk_continuous", providedFrom: "2024-02-29", providedTo: null, recordedOn: "2024-02-29" });
    expect(bulk).toMatchObject({ retainUntil: "2027-02-28", disposableFrom: "2027-03-01" });
  });

  it("classifies the statutory exceptions and the non-third-party provisions as needing no record", async () => {
    const law = await create({ ground: "law", consentMethod: null, counterpartyName: "渋谷税務署" });
    expect(law).toMatchObject({ recordRequired: false, retainUntil: null, retentionState: "not_required", groundLaw: "Art. 27(1)(i)", thirdParty: true });
    const outsourcing = await create({ ground: "outsourcing", consentMethod: null });
    expect(outsourcing).toMatchObject({ recordRequired: false, thirdParty: false });
  });

  it("disposes only after the retention, recording when, by whom and how; a second disposal is a 409", async () => {
    const fresh = await create();
    const early = await call(disposeRoute, "POST", `/api/v1/provision-records/${fresh.id}/dispose`, { params: { id: fresh.id }, json: { version: fresh.version } });
    expect(early.status).toBe(409);
    const old = await create({ providedFrom: d(1200), recordedOn: d(1200) });
    expect(old.retentionState).toBe("disposable");
    const res = await call(disposeRoute, "POST", `/api/v1/provision-records/${old.id}/dispose`, { params: { id: old.id }, json: { version: old.version, disposalNote: "削除" } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ retentionState: "disposed", disposedOn: today, disposalNote: "削除" });
    expect(res.body.disposedByName).toBeTruthy();
    const again = await call(disposeRoute, "POST", `/api/v1/provision-records/${old.id}/dispose`, { params: { id: old.id }, json: { version: res.body.version } });
    expect(again.status).toBe(409);
    const edit = await call(itemRoute, "PATCH", `/api/v1/provision-records/${old.id}`, { params: { id: old.id }, json: { ...record(), version: res.body.version } });
    expect(edit.status).toBe(409);
  });

  it("the list's retention filter (SQL) agrees with the rule for every record", async () => {
    const all = (await call(listRoute, "GET", "/api/v1/provision-records?pageSize=200")).body.items as ProvisionDto[];
    for (const state of RETENTION_STATES) {
      const res = await call(listRoute, "GET", `/api/v1/provision-records?retention=${state}&pageSize=200`);
      const expected = all.filter((p) => retentionState(p.disposableFrom, p.disposedOn, today) === state).map((p) => p.id).sort();
      expect(res.body.items.map((p: ProvisionDto) => p.id).sort(), state).toEqual(expected);
      expect(res.body.total).toBe(expected.length);
    }
  });
});

describe("recipients abroad and receipts", () => {
  it("marks the EEA and the UK as recognised, asks for the information otherwise", async () => {
    expect(await create({ abroadCountry: "fr" })).toMatchObject({ abroadCountry: "FR", abroadBasis: "recognised_country" });
    const missing = await call(listRoute, "POST", "/api/v1/provision-records", { json: record({ abroadCountry: "US" }) });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain("countrySystem");
    const notInformed = await call(listRoute, "POST", "/api/v1/provision-records", { json: record({ abroadCountry: "US", countrySystem: "州法", recipientMeasures: "契約" }) });
    expect(notInformed.status).toBe(400);
    expect(await create({ abroadCountry: "US", countrySystem: "州法", recipientMeasures: "契約", informedBeforeConsent: true })).toMatchObject({ abroadBasis: "consent_with_information" });
    expect(await create({ abroadCountry: "SG", equivalentSystem: true, recipientMeasures: "APEC CBPR認証" })).toMatchObject({ abroadBasis: "equivalent_system" });
    expect((await call(listRoute, "POST", "/api/v1/provision-records", { json: record({ abroadCountry: "USA" }) })).status).toBe(400);
  });

  it("a receipt with consent records how the provider obtained the data", async () => {
    expect((await call(listRoute, "POST", "/api/v1/provision-records", { json: record({ direction: "received" }) })).status).toBe(400);
    expect(await create({ direction: "received", sourceHowObtained: "提供元が登録時に同意を取得" })).toMatchObject({ direction: "received", recordRequired: true });
  });

  it("refuses a period ending before it starts and dates in the future", async () => {
    expect((await call(listRoute, "POST", "/api/v1/provision-records", { json: record({ providedTo: d(20) }) })).status).toBe(400);
    expect((await call(listRoute, "POST", "/api/v1/provision-records", { json: record({ providedFrom: addDays(today, 1), recordedOn: addDays(today, 1) }) })).status).toBe(400);
  });
});

describe("correcting, withdrawing and restoring a record", () => {
  it("a correction recomputes the retention; a stale version is a 409", async () => {
    const p = await create();
    const res = await call(itemRoute, "PATCH", `/api/v1/provision-records/${p.id}`, { params: { id: p.id }, json: { ...record({ recordForm: "bulk_continuous", providedFrom: d(400), providedTo: d(20), recordedOn: d(400) }), version: p.version } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ version: p.version + 1, recordForm: "bulk_continuous", providedTo: d(20) });
    expect(res.body.disposableFrom).not.toBe(p.disposableFrom);
    const stale = await call(itemRoute, "PATCH", `/api/v1/provision-records/${p.id}`, { params: { id: p.id }, json: { ...record(), version: p.version } });
    expect(stale.status).toBe(409);
  });

  it("a withdrawn record leaves the list, stays readable, cannot be corrected, and comes back on restore; both are audited", async () => {
    const p = await create({ counterpartyName: "株式会社取下げテスト" });
    const retired = await call(retireRoute, "POST", `/api/v1/provision-records/${p.id}/retire`, { params: { id: p.id }, json: { version: p.version } });
    expect(retired.status, retired.text).toBe(200);
    expect(retired.body.retiredAt).toBeTruthy();
    const live = await call(listRoute, "GET", "/api/v1/provision-records?q=取下げテスト");
    expect(live.body.total).toBe(0);
    const withdrawn = await call(listRoute, "GET", "/api/v1/provision-records?q=取下げテスト&status=retired");
    expect(withdrawn.body.items.map((x: ProvisionDto) => x.id)).toEqual([p.id]);
    expect((await call(itemRoute, "GET", `/api/v1/provision-records/${p.id}`, { params: { id: p.id } })).body.retiredAt).toBeTruthy();
    const edit = await call(itemRoute, "PATCH", `/api/v1/provision-records/${p.id}`, { params: { id: p.id }, json: { ...record(), version: retired.body.version } });
    expect(edit.status).toBe(404);
    expect((await call(retireRoute, "POST", `/api/v1/provision-records/${p.id}/retire`, { params: { id: p.id }, json: { version: retired.body.version } })).status).toBe(409);
    const restored = await call(restoreRoute, "POST", `/api/v1/provision-records/${p.id}/restore`, { params: { id: p.id }, json: { version: retired.body.version } });
    expect(restored.status, restored.text).toBe(200);
    expect(restored.body).toMatchObject({ retiredAt: null, version: p.version + 2 });
    expect((await call(restoreRoute, "POST", `/api/v1/provision-records/${p.id}/restore`, { params: { id: p.id }, json: { version: restored.body.version } })).status).toBe(409);
    const db = await getDb();
    const actions = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entity, "provision_record"), eq(auditLog.entityId, String(p.id))));
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["create", "retire", "restore"]));
  });

  it("the executive may not withdraw or restore", async () => {
    await signInAs("executive");
    expect((await call(retireRoute, "POST", "/api/v1/provision-records/1/retire", { params: { id: 1 }, json: { version: 1 } })).status).toBe(403);
    expect((await call(restoreRoute, "POST", "/api/v1/provision-records/10/restore", { params: { id: 10 }, json: { version: 1 } })).status).toBe(403);
  });
});

describe("joint uses", () => {
  const joint = (over: Record<string, unknown> = {}) => ({
    title: "提携先との共同利用（テスト）",
    purpose: "共催イベントの運営のため",
    partners: "株式会社テスト提携",
    dataItems: "氏名、メールアドレス",
    responsibleName: "RUFT株式会社",
    responsibleAddress: "東京都渋谷区神南1-2-3",
    responsibleRepresentative: "代表取締役 田中 誠",
    publishedOn: d(5),
    ...over,
  });

  it("is added, corrected (409 on a stale version), ended and resumed; the records made under it are counted", async () => {
    const created = await call(jointRoute, "POST", "/api/v1/joint-uses", { json: joint() });
    expect(created.status, created.text).toBe(201);
    const j = created.body as JointUseDto;
    expect(j).toMatchObject({ provisionCount: 0, retiredAt: null });
    expect(j.notice).toContain("共催イベントの運営のため");
    await create({ ground: "joint_use", consentMethod: null, jointUseId: j.id });
    const under = await call(listRoute, "GET", `/api/v1/provision-records?jointUse=${j.id}`);
    expect(under.body.items.map((p: ProvisionDto) => p.jointUseId)).toEqual([j.id]);
    const edited = await call(jointItemRoute, "PATCH", `/api/v1/joint-uses/${j.id}`, { params: { id: j.id }, json: { ...joint({ partners: "株式会社テスト提携及びその子会社" }), version: j.version } });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ partners: "株式会社テスト提携及びその子会社", provisionCount: 1, version: j.version + 1 });
    expect((await call(jointItemRoute, "PATCH", `/api/v1/joint-uses/${j.id}`, { params: { id: j.id }, json: { ...joint(), version: j.version } })).status).toBe(409);
    const ended = await call(jointRetireRoute, "POST", `/api/v1/joint-uses/${j.id}/retire`, { params: { id: j.id }, json: { version: edited.body.version } });
    expect(ended.status, ended.text).toBe(200);
    const inForce = (await call(jointRoute, "GET", "/api/v1/joint-uses")).body as JointUseDto[];
    expect(inForce.map((x) => x.id)).not.toContain(j.id);
    const all = (await call(jointRoute, "GET", "/api/v1/joint-uses?includeRetired=true")).body as JointUseDto[];
    expect(all.find((x) => x.id === j.id)?.retiredAt).toBeTruthy();
    // A new record cannot name an ended joint use.
    expect((await call(listRoute, "POST", "/api/v1/provision-records", { json: record({ ground: "joint_use", consentMethod: null, jointUseId: j.id }) })).status).toBe(400);
    const resumed = await call(jointRestoreRoute, "POST", `/api/v1/joint-uses/${j.id}/restore`, { params: { id: j.id }, json: { version: ended.body.version } });
    expect(resumed.status, resumed.text).toBe(200);
    expect(resumed.body).toMatchObject({ retiredAt: null, provisionCount: 1 });
  });

  it("refuses a joint use without its responsible party, and bad flags", async () => {
    expect((await call(jointRoute, "POST", "/api/v1/joint-uses", { json: joint({ responsibleAddress: "" }) })).status).toBe(400);
    expect((await call(jointRoute, "GET", "/api/v1/joint-uses?includeRetired=maybe")).status).toBe(400);
  });

  it("generates the notice for the website from the record", async () => {
    const res = await call(jointRoute, "GET", "/api/v1/joint-uses");
    expect(res.status).toBe(200);
    const j = (res.body as JointUseDto[])[0];
    expect(j.notice).toContain(j.responsibleName);
    expect(j.notice).toContain(j.dataItems);
  });
});

describe("who may see", () => {
  it("HR sees no provision record; the executive reads and exports but does not write", async () => {
    await signInAs("hr");
    expect((await call(listRoute, "GET", "/api/v1/provision-records")).status).toBe(403);
    await signInAs("executive");
    expect((await call(listRoute, "POST", "/api/v1/provision-records", { json: record() })).status).toBe(403);
    const csv = await fetchCsvExport(exportRoute as never, "/api/v1/provision-records/export.csv", "en");
    expect(csv.split("\n")[0]).toContain("Recipient or provider");
  });
});
