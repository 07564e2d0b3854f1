import { beforeAll, describe, expect, it } from "vitest";
import { isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { disclosureRequests, settings, type DisclosureRequest, type NewDisclosureRequest } from "@/db/schema";
import { listRequests, listRequestsForExport, listOpenRequests } from "@/db/queries/requests";
import { getFiscalYearStartMonth } from "@/db/queries/settings";
import { addDays, addMonths, todayInTokyo } from "@/lib/dates";
import { fiscalYearOf, fiscalYearRange } from "@/lib/fiscal-year";
import { requestDisposableFrom } from "@/lib/requests/answer";
import { isOpen, requestClock, requestStage } from "@/lib/requests/clock";
import { FEE_KINDS } from "@/lib/requests/fee";
import { CLOCK_STATES, REQUEST_KINDS, REQUEST_STAGES, type RequestKind } from "@/lib/requests/enums";
import { DEFAULT_REQUEST_SETTINGS, exportRequestsQuery, listRequestsQuery, REQUEST_SORTS, type RequestSettings } from "@/lib/requests/schema";
import { seedDemoData } from "../support/demo-data";

/**
 * The requests list filters (stage, late, disposable), sorts (due date) and pages in SQL
 * (db/queries/requests.ts requestSql). Here the pure rules of lib/requests — requestStage, isOpen,
 * requestClock, requestDisposableFrom, applied to every live request as read from the table — are the
 * reference: for every value of every filter (and their combinations), every sort both ways and a page
 * of each, the SQL must select the same requests in the same order with the same total. The data has
 * requests in every stage and clock state, around every edge of the clock (due today, yesterday,
 * tomorrow, the last day of "due soon" and the day after; a pause ending today or running; pauses that
 * overlap, nest, touch or stand apart; a pause cut by the answer; an answer on the due day and the day
 * after; a fee pause that does not count — a kind without a fee, a waived fee) and of the retention
 * (disposable from yesterday, today, tomorrow; a month's end clamped), judged on several days and
 * with several settings (the rule has no holidays: calendar days only).
 */
const T = todayInTokyo();
const KINDS_WITH_FEE = FEE_KINDS as readonly RequestKind[];
const KINDS_WITHOUT_FEE = REQUEST_KINDS.filter((k) => !KINDS_WITH_FEE.includes(k));
const exportQuery = exportRequestsQuery;

/** mulberry32: the same data on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Dates = Partial<Pick<NewDisclosureRequest, "identityRequestedOn" | "identityCheckedOn" | "feeRequestedOn" | "feePaidOn" | "feeWaived" | "answeredOn" | "withdrawnOn" | "disposedOn">>;
let seq = 0;
function row(kind: RequestKind, receivedOn: string, d: Dates = {}): NewDisclosureRequest {
  seq++;
  // Upper and lower case, so that the reference sort must compare as JavaScript does (code units), not by a locale.
  const reference = `${seq % 3 === 0 ? "req" : "REQ"}-T-${String(seq).padStart(seq % 2 ? 4 : 3, "0")}`;
  return {
    reference,
    fiscalYear: 9000,
    seq,
    kind,
    channel: "email",
    receivedOn,
    requesterName: `試験 ${seq}`,
    details: "生成した請求",
    ...d,
    decision: d.answeredOn ? "comply" : null,
  };
}

/** Requests on the edges of the rule, relative to `T` (target 14 days, retention 36 months). */
function edgeRows(): NewDisclosureRequest[] {
  const rows: NewDisclosureRequest[] = [];
  const R = addDays(T, -30);
  for (const kind of ["disclosure", "correction"] as const) {
    // Open, no pause: days left 5 … -2 (due soon from 3, late from -1).
    for (let left = 5; left >= -2; left--) rows.push(row(kind, addDays(T, left - 14)));
    // A pause running (never late), since long ago or since today; one ended today, yesterday, tomorrow's due.
    rows.push(row(kind, addDays(T, -40), { identityRequestedOn: addDays(T, -30) }));
    rows.push(row(kind, addDays(T, -14), { identityRequestedOn: T }));
    rows.push(row(kind, addDays(T, -40), { identityRequestedOn: addDays(T, -20) })); // asked after the due day: paused, due before today, not late
    for (const ended of [T, addDays(T, -1), addDays(T, -2)]) rows.push(row(kind, R, { identityRequestedOn: addDays(R, 2), identityCheckedOn: ended }));
    // Answered on the due day, the day after, the day before; the answer cutting a running pause; a pause asked after the answer.
    for (const after of [13, 14, 15]) rows.push(row(kind, R, { identityCheckedOn: R, answeredOn: addDays(R, after) }));
    rows.push(row(kind, R, { identityRequestedOn: addDays(R, 2), answeredOn: addDays(R, 17) }));
    rows.push(row(kind, R, { identityRequestedOn: addDays(R, 2), answeredOn: addDays(R, 16) }));
    rows.push(row(kind, R, { identityRequestedOn: addDays(R, 10), identityCheckedOn: addDays(R, 12), answeredOn: addDays(R, 5) }));
    // Withdrawn after the due day, during a pause.
    rows.push(row(kind, R, { withdrawnOn: addDays(R, 25) }));
    rows.push(row(kind, R, { identityRequestedOn: addDays(R, 1), withdrawnOn: addDays(R, 3) }));
    // Checked before it was asked for (the pause cut to nothing).
    rows.push(row(kind, R, { identityRequestedOn: addDays(R, 6), identityCheckedOn: addDays(R, 4) }));
    // The two pauses overlapping, nested, touching, apart; the fee running, paid, waived. The fee
    // pause counts for a kind with a fee only.
    for (const [from, to] of [[5, 12], [3, 5], [8, 10], [9, 11], [1, 20], [2, 8]]) {
      const identity = { identityRequestedOn: addDays(R, 2), identityCheckedOn: addDays(R, 8) };
      rows.push(row(kind, R, { ...identity, feeRequestedOn: addDays(R, from), feePaidOn: addDays(R, to) }));
      rows.push(row(kind, R, { ...identity, feeRequestedOn: addDays(R, from) }));
      rows.push(row(kind, R, { ...identity, feeRequestedOn: addDays(R, from), feePaidOn: addDays(R, to), answeredOn: addDays(R, 26) }));
      rows.push(row(kind, R, { ...identity, feeWaived: true, feeRequestedOn: addDays(R, from) }));
    }
    rows.push(row(kind, R, { identityCheckedOn: R, feeWaived: true }));
    rows.push(row(kind, R, { identityCheckedOn: R, feePaidOn: addDays(R, 3) }));
    // Closed so that the retention ends yesterday, today, tomorrow; one of them disposed of.
    const X = addMonths(T, -36);
    for (const shift of [-1, 0, 1]) {
      const closed = addDays(X, shift);
      rows.push(row(kind, addDays(closed, -20), { identityCheckedOn: addDays(closed, -20), answeredOn: closed }));
      rows.push(row(kind, addDays(closed, -20), { withdrawnOn: closed }));
    }
    rows.push(row(kind, addDays(X, -20), { identityCheckedOn: addDays(X, -20), answeredOn: addDays(X, -1), disposedOn: T }));
    // A month's end clamped by a retention of a month (the second settings): closed on 29, 30, 31 January and 31 March.
    const y = Number(T.slice(0, 4)) - 1;
    for (const closed of [`${y}-01-29`, `${y}-01-30`, `${y}-01-31`, `${y}-03-31`]) rows.push(row(kind, addDays(closed, -10), { withdrawnOn: closed }));
  }
  return rows;
}

/** Requests of every kind, dates drawn around the edges: receipt within 45 days (or about three years ago), pauses and answers after it. */
function randomRows(n: number): NewDisclosureRequest[] {
  const rand = random(20261207);
  const int = (a: number, b: number) => a + Math.floor(rand() * (b - a + 1));
  const pick = <X>(xs: readonly X[]): X => xs[Math.floor(rand() * xs.length)];
  const cap = (d: string) => (d > T ? T : d);
  const rows: NewDisclosureRequest[] = [];
  for (let i = 0; i < n; i++) {
    const longAgo = rand() < 0.15;
    const received = longAgo ? addDays(addMonths(T, -36), -int(5, 60)) : addDays(T, -int(0, 45));
    const d: Dates = {};
    const idMode = pick(["none", "asked", "asked_checked", "checked", "checked_first"] as const);
    if (idMode === "asked" || idMode === "asked_checked") d.identityRequestedOn = cap(addDays(received, int(0, 8)));
    if (idMode === "asked_checked") d.identityCheckedOn = cap(addDays(d.identityRequestedOn!, int(0, 10)));
    if (idMode === "checked") d.identityCheckedOn = cap(addDays(received, int(0, 5)));
    if (idMode === "checked_first") [d.identityCheckedOn, d.identityRequestedOn] = [cap(addDays(received, int(0, 2))), cap(addDays(received, int(3, 8)))];
    const feeMode = pick(["none", "asked", "paid", "waived", "waived_asked", "paid_only"] as const);
    if (feeMode === "asked" || feeMode === "paid" || feeMode === "waived_asked") d.feeRequestedOn = cap(addDays(received, int(0, 12)));
    if (feeMode === "paid") d.feePaidOn = cap(addDays(d.feeRequestedOn!, int(0, 10)));
    if (feeMode === "paid_only") d.feePaidOn = cap(addDays(received, int(0, 10)));
    if (feeMode === "waived" || feeMode === "waived_asked") d.feeWaived = true;
    const close = pick(["open", "open", "answered", "withdrawn"] as const);
    const closedOn = longAgo ? addDays(addMonths(T, -36), int(-3, 3)) : cap(addDays(received, int(0, 40)));
    if (close === "answered") d.answeredOn = closedOn < received ? received : closedOn;
    if (close === "withdrawn") d.withdrawnOn = closedOn < received ? received : closedOn;
    if (close !== "open" && rand() < 0.15) d.disposedOn = T;
    rows.push(row(pick(REQUEST_KINDS), received, d));
  }
  return rows;
}

async function saveSettings(s: RequestSettings) {
  const db = await getDb();
  await db.insert(settings).values({ key: "requests", value: s, version: 1 }).onConflictDoUpdate({ target: settings.key, set: { value: s } });
}

/** Every live request judged by the rules, as the reference. */
async function judged(s: RequestSettings, today: string) {
  const db = await getDb();
  const rows = await db.select().from(disclosureRequests).where(isNull(disclosureRequests.retiredAt));
  return rows.map((r: DisclosureRequest) => {
    const clock = requestClock(r, s.targetDays, today);
    const disposableFrom = r.disposedOn ? null : requestDisposableFrom(r, s.retentionMonths);
    return { r, stage: requestStage(r), open: isOpen(r), clock, disposable: disposableFrom !== null && today >= disposableFrom };
  });
}
type Judged = Awaited<ReturnType<typeof judged>>[number];

type Query = { q?: string; kind?: string; stage?: string; late?: string; disposable?: string; fy?: string; sort?: string; dir?: string };

/** The old in-memory list: the rule's filters and sort over every request. */
function expected(all: Judged[], q: Query, fyStart: number): number[] {
  let xs = all;
  if (q.q) {
    const needle = q.q.toLowerCase();
    xs = xs.filter((j) => [j.r.reference, j.r.requesterName, j.r.details].some((t) => t?.toLowerCase().includes(needle)));
  }
  if (q.kind) xs = xs.filter((j) => j.r.kind === q.kind);
  if (q.fy) {
    const { start, end } = fiscalYearRange(Number(q.fy), fyStart);
    xs = xs.filter((j) => j.r.receivedOn >= start && j.r.receivedOn <= end);
  }
  if (q.stage === "open") xs = xs.filter((j) => j.open);
  else if (q.stage) xs = xs.filter((j) => j.stage === q.stage);
  if (q.late) xs = xs.filter((j) => j.clock.late === (q.late === "true"));
  if (q.disposable) xs = xs.filter((j) => j.disposable === (q.disposable === "true"));
  const dir = (q.dir ?? "desc") === "asc" ? 1 : -1;
  const key = (j: Judged) => (q.sort === "dueOn" ? j.clock.dueOn : q.sort === "reference" ? j.r.reference : j.r.receivedOn);
  return [...xs].sort((a, b) => dir * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.r.id - b.r.id)).map((j) => j.r.id);
}

/** The SQL list, whole (the export) and one page of seven (the list), against the rule. */
async function expectSame(all: Judged[], q: Query, today: string, fyStart: number) {
  const what = `${JSON.stringify(q)} on ${today}`;
  const ids = expected(all, q, fyStart);
  const whole = await listRequestsForExport(exportQuery.parse(q), today);
  expect(whole.map((r) => r.id), `${what}: the requests, in order`).toEqual(ids);
  const page = ids.length > 7 ? 2 : 1;
  const listed = await listRequests(listRequestsQuery.parse({ ...q, page: String(page), pageSize: "7" }), today);
  expect(listed.total, `${what}: total`).toBe(ids.length);
  expect(listed.items.map((r) => r.id), `${what}: page ${page}`).toEqual(ids.slice((page - 1) * 7, page * 7));
  // The page's rows are the rule's own judgement.
  const byId = new Map(all.map((j) => [j.r.id, j]));
  for (const item of listed.items) {
    const j = byId.get(item.id)!;
    expect({ stage: item.stage, dueOn: item.dueOn, state: item.clockState, late: item.late, disposable: item.disposable }, `${what}: row ${item.id}`).toEqual({
      stage: j.stage,
      dueOn: j.clock.dueOn,
      state: j.clock.state,
      late: j.clock.late,
      disposable: j.disposable,
    });
  }
  return ids.length;
}

const STAGE_VALUES = [undefined, "open", ...REQUEST_STAGES];
const FLAG_VALUES = [undefined, "true", "false"];

/** Every combination of the derived filters, and every sort both ways with some of them. */
async function everyFilter(s: RequestSettings, today: string) {
  await saveSettings(s);
  const all = await judged(s, today);
  const fyStart = await getFiscalYearStartMonth();
  for (const stage of STAGE_VALUES)
    for (const late of FLAG_VALUES)
      for (const disposable of FLAG_VALUES) {
        const q: Query = { ...(stage ? { stage } : {}), ...(late ? { late } : {}), ...(disposable ? { disposable } : {}) };
        await expectSame(all, { ...q, sort: "dueOn", dir: "asc" }, today, fyStart);
      }
  for (const sort of REQUEST_SORTS)
    for (const dir of ["asc", "desc"])
      for (const q of [{}, { stage: "open" }, { late: "true" }, { disposable: "false", stage: "answered" }]) await expectSame(all, { ...q, sort, dir }, today, fyStart);
  return all;
}

beforeAll(async () => {
  await seedDemoData(T);
  const db = await getDb();
  const rows = [...edgeRows(), ...randomRows(900)];
  for (let i = 0; i < rows.length; i += 250) await db.insert(disclosureRequests).values(rows.slice(i, i + 250));
});

describe("the requests list in SQL equals the rules of lib/requests", () => {
  it("with the default settings today: every filter, sort and page; every stage and clock state present", async () => {
    const all = await everyFilter(DEFAULT_REQUEST_SETTINGS, T);
    // The data covers what the rule tells apart.
    for (const stage of REQUEST_STAGES) expect(all.some((j) => j.stage === stage), stage).toBe(true);
    for (const state of CLOCK_STATES) expect(all.some((j) => j.clock.state === state), state).toBe(true);
    for (const left of [-2, -1, 0, 1, 3, 4]) expect(all.some((j) => j.clock.daysLeft === left && !j.clock.paused), `days left ${left}`).toBe(true);
    expect(all.some((j) => j.r.answeredOn === j.clock.dueOn)).toBe(true);
    expect(all.some((j) => j.r.answeredOn === addDays(j.clock.dueOn, 1))).toBe(true);
    expect(all.some((j) => j.clock.paused && j.clock.dueOn < T)).toBe(true);
    expect(all.some((j) => j.clock.pauses.length === 2 && !j.clock.paused)).toBe(true);
    expect(all.some((j) => KINDS_WITHOUT_FEE.includes(j.r.kind) && j.r.feeRequestedOn)).toBe(true);
    const from = (j: Judged) => requestDisposableFrom(j.r, DEFAULT_REQUEST_SETTINGS.retentionMonths);
    for (const shift of [-1, 0, 1]) expect(all.some((j) => !j.r.disposedOn && from(j) === addDays(T, shift)), `disposable from ${shift}`).toBe(true);
    expect(all.some((j) => j.r.disposedOn)).toBe(true);
  });

  it("with the default settings tomorrow and in three weeks (due dates and running pauses move with the day)", async () => {
    for (const day of [addDays(T, 1), addDays(T, 21)]) await everyFilter(DEFAULT_REQUEST_SETTINGS, day);
  });

  it("with a target of one day and a retention of one month, on a month's end clamped and the days around it", async () => {
    const s = { ...DEFAULT_REQUEST_SETTINGS, targetDays: 1, retentionMonths: 1 };
    const y = Number(T.slice(0, 4)) - 1;
    const feb = `${y}-02-${y % 4 === 0 ? "29" : "28"}`;
    for (const day of [T, addDays(feb, -1), feb, addDays(feb, 1), `${y}-04-30`]) {
      const all = await everyFilter(s, day);
      if (day === feb) expect(all.filter((j) => j.disposable && j.r.withdrawnOn?.startsWith(`${y}-01-`)).length).toBeGreaterThanOrEqual(2);
    }
  });

  it("the text, kind and fiscal-year filters with the derived ones; a page past the end; the open requests", async () => {
    await saveSettings(DEFAULT_REQUEST_SETTINGS);
    const all = await judged(DEFAULT_REQUEST_SETTINGS, T);
    const fyStart = await getFiscalYearStartMonth();
    const fy = fiscalYearOf(T, fyStart);
    for (const kind of REQUEST_KINDS) await expectSame(all, { kind, stage: "open", sort: "dueOn", dir: "desc" }, T, fyStart);
    for (const f of [fy, fy - 1, fy - 3]) expect(await expectSame(all, { fy: String(f), late: "true", sort: "reference", dir: "asc" }, T, fyStart)).toBeGreaterThanOrEqual(0);
    expect(await expectSame(all, { q: "req-t-1", sort: "receivedOn", dir: "asc" }, T, fyStart)).toBeGreaterThan(0);
    expect(await expectSame(all, { q: "試験 1", late: "false" }, T, fyStart)).toBeGreaterThan(0);

    const total = expected(all, { late: "true" }, fyStart).length;
    const past = await listRequests(listRequestsQuery.parse({ late: "true", page: "999", pageSize: "10" }), T);
    expect(past).toMatchObject({ items: [], total, page: 999 });

    const open = await listOpenRequests(T);
    expect(open.map((r) => r.id)).toEqual(expected(all, { stage: "open", sort: "dueOn", dir: "asc" }, fyStart));
  });
});
