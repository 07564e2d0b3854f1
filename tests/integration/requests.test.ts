import { beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as listRoute from "@/app/api/v1/requests/route";
import * as itemRoute from "@/app/api/v1/requests/[id]/route";
import * as identityRoute from "@/app/api/v1/requests/[id]/identity/route";
import * as feeRoute from "@/app/api/v1/requests/[id]/fee/route";
import * as answerRoute from "@/app/api/v1/requests/[id]/answer/route";
import * as withdrawRoute from "@/app/api/v1/requests/[id]/withdraw/route";
import * as disposeRoute from "@/app/api/v1/requests/[id]/dispose/route";
import * as retireRoute from "@/app/api/v1/requests/[id]/retire/route";
import * as settingsRoute from "@/app/api/v1/settings/requests/route";
import * as exportRoute from "@/app/api/v1/requests/export.csv/route";
import { getDb } from "@/db";
import { auditLog, disclosureRequests } from "@/db/schema";
import { addDays, addMonths, todayInTokyo } from "@/lib/dates";
import { fiscalYearOf } from "@/lib/fiscal-year";
import { REQUEST_KINDS, type RequestKind } from "@/lib/requests/enums";
import type { RequestDto } from "@/lib/requests/schema";
import { call, signInAs } from "../support/api";
import { fetchCsvExport } from "./csv-export";

const today = todayInTokyo();
const d = (n: number) => addDays(today, -n);

const intake = (over: Record<string, unknown> = {}) => ({
  kind: "disclosure",
  channel: "email",
  receivedOn: d(5),
  requesterName: "山本 花子",
  requesterContact: "hanako@example.jp",
  viaAgent: false,
  details: "私の利用者情報の開示を求めます。",
  disclosureMethod: "electronic",
  ...over,
});

async function create(over: Record<string, unknown> = {}): Promise<RequestDto> {
  const res = await call(listRoute, "POST", "/api/v1/requests", { json: intake(over) });
  expect(res.status, res.text).toBe(201);
  return res.body;
}
const put = (route: typeof identityRoute | typeof feeRoute, seg: string, r: { id: number; version: number }, json: Record<string, unknown>) =>
  call(route, "PUT", `/api/v1/requests/${r.id}/${seg}`, { params: { id: r.id }, json: { ...json, version: r.version } });
const post = (route: typeof answerRoute | typeof withdrawRoute | typeof disposeRoute | typeof retireRoute, seg: string, r: { id: number; version: number }, json: Record<string, unknown> = {}) =>
  call(route, "POST", `/api/v1/requests/${r.id}/${seg}`, { params: { id: r.id }, json: { ...json, version: r.version } });
const identity = (r: RequestDto, on = d(4)) => put(identityRoute, "identity", r, { identityCheckedOn: on, identityMethod: "id_document_copy", identityCheckedBy: "佐藤" });

beforeEach(async () => {
  await signInAs("privacy_manager");
});

describe("every kind from intake to answer", () => {
  for (const kind of REQUEST_KINDS) {
    it(`${kind}: logged, identity checked, fee where the law allows it, answered on time`, async () => {
      const r = await create({ kind, disclosureMethod: kind.includes("disclosure") ? "electronic" : null });
      expect(r).toMatchObject({ stage: "awaiting_identity", reference: `REQ-${fiscalYearOf(d(5), 4)}-${r.reference.slice(-3)}`, dueOn: addDays(d(5), 14), clockState: "pending" });
      const checked = await identity(r);
      expect(checked.status, checked.text).toBe(200);
      let current: RequestDto = checked.body;
      const feeKind = ["purpose_notice", "disclosure", "provision_record_disclosure"].includes(kind as RequestKind);
      expect(current.feeAllowed).toBe(feeKind);
      if (feeKind) {
        expect(current.stage).toBe("awaiting_fee");
        const fee = await put(feeRoute, "fee", current, { feeExclTax: 1000, feeRequestedOn: d(4), feePaidOn: d(2) });
        expect(fee.status, fee.text).toBe(200);
        expect(fee.body).toMatchObject({ feeExclTax: 1000, feeTax: 100, feeInclTax: 1100, feeTaxRatePercent: 10, pausedDays: 2, dueOn: addDays(d(5), 16) });
        current = fee.body;
      } else {
        const refused = await put(feeRoute, "fee", current, { feeExclTax: 1000, feeRequestedOn: d(4) });
        expect(refused.status).toBe(400);
        expect(refused.body.errors?.[0]?.field ?? refused.text).toContain("feeExclTax");
      }
      expect(current.stage).toBe("in_progress");
      const answered = await post(answerRoute, "answer", current, { decision: "comply", answeredOn: today, answerMethod: "electronic" });
      expect(answered.status, answered.text).toBe(200);
      expect(answered.body).toMatchObject({ stage: "answered", clockState: "answered_on_time", late: false, disposableFrom: addMonths(today, 36) });
    });
  }
});

describe("refusals", () => {
  it("refuses on each of the policy's grounds, with the reason recorded", async () => {
    for (const ground of ["harm_to_person_or_others", "business_hindrance", "breach_of_law"] as const) {
      const r = await create();
      const res = await post(answerRoute, "answer", r, { decision: "refuse", refusalGround: ground, decisionReason: "理由を記載", answeredOn: today });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ decision: "refuse", refusalGround: ground, decisionReason: "理由を記載" });
    }
    const waiting = await create();
    const asked = await put(identityRoute, "identity", waiting, { identityRequestedOn: d(4) });
    expect(asked.body).toMatchObject({ paused: true, clockState: "paused", pauses: [{ reason: "identity", from: d(4), to: null }] });
    const refused = await post(answerRoute, "answer", asked.body, { decision: "refuse", refusalGround: "identity_unconfirmed", decisionReason: "書類の提出なし", answeredOn: today });
    expect(refused.status, refused.text).toBe(200);
    expect(refused.body).toMatchObject({ pausedDays: 4, clockState: "answered_on_time" });
    const correction = await create({ kind: "correction", disclosureMethod: null });
    expect((await post(answerRoute, "answer", correction, { decision: "refuse", refusalGround: "no_grounds", decisionReason: "正確", answeredOn: today })).status).toBe(200);
  });

  it("refuses a refusal without ground or reason, and identity-unconfirmed once identity was confirmed", async () => {
    const r = await create();
    expect((await post(answerRoute, "answer", r, { decision: "refuse", decisionReason: "x", answeredOn: today })).status).toBe(400);
    expect((await post(answerRoute, "answer", r, { decision: "refuse", refusalGround: "breach_of_law", answeredOn: today })).status).toBe(400);
    const checked = (await identity(r)).body;
    const res = await post(answerRoute, "answer", checked, { decision: "refuse", refusalGround: "identity_unconfirmed", decisionReason: "x", answeredOn: today });
    expect(res.status).toBe(400);
  });
});

describe("order and conflicts", () => {
  it("discloses nothing before identity and fee (409), answers once, refuses a stale version", async () => {
    const r = await create();
    const early = await post(answerRoute, "answer", r, { decision: "comply", answeredOn: today });
    expect(early.status).toBe(409);
    const checked = (await identity(r)).body;
    expect((await post(answerRoute, "answer", checked, { decision: "comply", answeredOn: today })).status).toBe(409);
    const waived = (await put(feeRoute, "fee", checked, { feeWaived: true })).body;
    const stale = await post(answerRoute, "answer", checked, { decision: "comply", answeredOn: today });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(waived.version);
    const ok = await post(answerRoute, "answer", waived, { decision: "comply", answeredOn: today });
    expect(ok.status, ok.text).toBe(200);
    const again = await post(answerRoute, "answer", ok.body, { decision: "comply", answeredOn: today });
    expect(again.status).toBe(409);
    expect((await post(withdrawRoute, "withdraw", ok.body, { withdrawnOn: today })).status).toBe(409);
  });

  it("asks for an estimate before more than the policy's fee; the tax rate stays as first asked", async () => {
    const r = (await identity(await create({ kind: "purpose_notice" }))).body;
    expect((await put(feeRoute, "fee", r, { feeExclTax: 3000, feeRequestedOn: d(3) })).status).toBe(400);
    const estimated = await put(feeRoute, "fee", r, { feeExclTax: 3000, feeEstimatedOn: d(4), feeRequestedOn: d(3) });
    expect(estimated.status, estimated.text).toBe(200);
    expect(estimated.body).toMatchObject({ feeTax: 300, feeInclTax: 3300, stage: "awaiting_fee", paused: true });
    const s = await call(settingsRoute, "GET", "/api/v1/settings/requests");
    const changed = await call(settingsRoute, "PUT", "/api/v1/settings/requests", { json: { ...s.body, taxRatePercent: 8 } });
    expect(changed.status, changed.text).toBe(200);
    const paid = await put(feeRoute, "fee", estimated.body, { feeExclTax: 3000, feeEstimatedOn: d(4), feeRequestedOn: d(3), feePaidOn: d(1) });
    expect(paid.body).toMatchObject({ feeTaxRatePercent: 10, feeTax: 300, pausedDays: 2 });
    await call(settingsRoute, "PUT", "/api/v1/settings/requests", { json: { ...changed.body, taxRatePercent: 10 } });
  });

  it("refuses dates outside receipt..today and an agent without a name", async () => {
    expect((await call(listRoute, "POST", "/api/v1/requests", { json: intake({ receivedOn: addDays(today, 1) }) })).status).toBe(400);
    expect((await call(listRoute, "POST", "/api/v1/requests", { json: intake({ viaAgent: true }) })).status).toBe(400);
    const r = await create();
    expect((await identity(r, d(6))).status).toBe(400);
  });
});

describe("the clock, late requests and the list", () => {
  it("a request past its target is late and listed with late=true; the list filters by stage", async () => {
    const late = await create({ receivedOn: d(20) });
    expect(late).toMatchObject({ clockState: "late", late: true, daysLeft: -6 });
    const lateList = await call(listRoute, "GET", "/api/v1/requests?late=true&pageSize=200");
    expect(lateList.body.items.map((i: RequestDto) => i.id)).toContain(late.id);
    expect(lateList.body.items.every((i: RequestDto) => i.late)).toBe(true);
    const open = await call(listRoute, "GET", "/api/v1/requests?stage=open&sort=dueOn&dir=asc&pageSize=200");
    expect(open.body.total).toBe(open.body.items.length);
    const dues = open.body.items.map((i: RequestDto) => i.dueOn);
    expect(dues).toEqual([...dues].sort());
  });

  it("the stage and late filters keep exactly the requests the rule judges so, on the edges of the clock", async () => {
    // The list states these filters in SQL (db/queries/requests.ts requestSql): it must keep exactly the
    // requests the rule judges so (every edge: tests/integration/requests-list-sql.test.ts).
    const answerOn = async (receivedOn: string, answeredOn: string) => {
      const r = await create({ receivedOn, kind: "correction", disclosureMethod: null });
      const checked = await identity(r, receivedOn);
      const res = await post(answerRoute, "answer", checked.body, { decision: "comply", answeredOn, answerMethod: "electronic" });
      expect(res.status, res.text).toBe(200);
      return res.body as RequestDto;
    };
    const answeredLate = await answerOn(d(20), d(1));
    const answeredOnDue = await answerOn(d(20), d(6));
    const dueToday = await create({ receivedOn: d(14) });
    const dueYesterday = await create({ receivedOn: d(15) });
    const pausedForFee = await create({ receivedOn: d(30) });
    const asked = await put(feeRoute, "fee", (await identity(pausedForFee, d(30))).body, { feeExclTax: 1000, feeRequestedOn: d(29) });
    expect(asked.status, asked.text).toBe(200);
    const withdrawnAfterDue = await post(withdrawRoute, "withdraw", await create({ receivedOn: d(20) }), { withdrawnOn: d(2) });
    expect(withdrawnAfterDue.status, withdrawnAfterDue.text).toBe(200);
    expect([answeredLate.late, answeredOnDue.late, dueToday.late, dueYesterday.late, asked.body.late, withdrawnAfterDue.body.late]).toEqual([true, false, false, true, false, false]);

    const all: RequestDto[] = (await call(listRoute, "GET", "/api/v1/requests?pageSize=200")).body.items;
    expect(all.length).toBeLessThan(200);
    const cases: [string, (r: RequestDto) => boolean][] = [
      ["late=true", (r) => r.late],
      ["late=false", (r) => !r.late],
      ["stage=open", (r) => r.stage !== "answered" && r.stage !== "withdrawn"],
      ...(["answered", "withdrawn", "in_progress", "awaiting_fee", "awaiting_identity"] as const).map((st): [string, (r: RequestDto) => boolean] => [`stage=${st}`, (r) => r.stage === st]),
      ["stage=open&late=true", (r) => r.late && r.stage !== "answered" && r.stage !== "withdrawn"],
      ["stage=answered&late=true", (r) => r.late && r.stage === "answered"],
    ];
    for (const [filter, rule] of cases) {
      const listed = await call(listRoute, "GET", `/api/v1/requests?${filter}&pageSize=200`);
      expect(listed.body.items.map((r: RequestDto) => r.id), filter).toEqual(all.filter(rule).map((r) => r.id));
      expect(listed.body.total, filter).toBe(all.filter(rule).length);
    }
  });

  it("withdrawing stops the clock", async () => {
    const r = await create();
    const res = await post(withdrawRoute, "withdraw", r, { withdrawnOn: today });
    expect(res.body).toMatchObject({ stage: "withdrawn", clockState: "withdrawn" });
  });
});

describe("retention of the requests themselves", () => {
  it("disposes of the requester's details only after the retention, keeping a minimal log; the audit trail never held them", async () => {
    const r = await create({ receivedOn: d(1200) });
    const answered = (await post(answerRoute, "answer", r, { decision: "no_data", decisionReason: "該当なし", answeredOn: d(1190) })).body;
    expect(answered.disposable).toBe(true);
    const fresh = await create();
    const done = (await post(answerRoute, "answer", fresh, { decision: "no_data", decisionReason: "該当なし", answeredOn: today })).body;
    const early = await post(disposeRoute, "dispose", done);
    expect(early.status).toBe(409);
    const res = await post(disposeRoute, "dispose", answered);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ requesterName: null, requesterContact: null, details: null, decisionReason: null, decision: "no_data", disposedOn: today, kind: "disclosure" });
    expect((await call(itemRoute, "PATCH", `/api/v1/requests/${r.id}`, { params: { id: r.id }, json: { ...intake(), version: res.body.version } })).status).toBe(409);
    const db = await getDb();
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entity, "disclosure_request"), eq(auditLog.entityId, String(r.id))));
    expect(audits.length).toBe(3);
    expect(JSON.stringify(audits)).not.toContain("山本");
    expect(JSON.stringify(audits)).not.toContain("hanako@example.jp");
  });

  it("retires a request logged by mistake; it leaves the list", async () => {
    const r = await create({ requesterName: "重複 登録" });
    const res = await post(retireRoute, "retire", r);
    expect(res.status, res.text).toBe(200);
    expect((await call(itemRoute, "GET", `/api/v1/requests/${r.id}`, { params: { id: r.id } })).status).toBe(404);
    const db = await getDb();
    expect((await db.select().from(disclosureRequests).where(eq(disclosureRequests.id, r.id))).length).toBe(1);
  });
});

describe("who may see and write", () => {
  it("HR reads no request; the auditor and the executive read but do not write", async () => {
    await signInAs("hr");
    expect((await call(listRoute, "GET", "/api/v1/requests")).status).toBe(403);
    await signInAs("auditor");
    expect((await call(listRoute, "GET", "/api/v1/requests")).status).toBe(200);
    expect((await call(listRoute, "POST", "/api/v1/requests", { json: intake() })).status).toBe(403);
    await signInAs("executive");
    const csv = await fetchCsvExport(exportRoute as never, "/api/v1/requests/export.csv", "en");
    expect(csv.split("\n")[0]).toContain("Reference");
  });
});
