import { beforeEach, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/v1/provision-records/route";
import * as itemRoute from "@/app/api/v1/provision-records/[id]/route";
import * as disposeRoute from "@/app/api/v1/provision-records/[id]/dispose/route";
import * as jointRoute from "@/app/api/v1/joint-uses/route";
import * as exportRoute from "@/app/api/v1/provision-records/export.csv/route";
import { seedDemo } from "@/db/seed/demo";
import { getDb } from "@/db";
import { addDays, todayInTokyo } from "@/lib/dates";
import { RETENTION_STATES } from "@/lib/provisions/enums";
import { retentionState } from "@/lib/provisions/rules";
import type { JointUseDto, ProvisionDto } from "@/lib/provisions/schema";
import { call, signInAs } from "../support/api";
import { fetchCsvExport } from "./csv-export";

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
    await seedDemo(await getDb(), { today });
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

describe("joint uses", () => {
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
