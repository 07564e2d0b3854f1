import { eq, inArray, sql } from "drizzle-orm";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import type { PgTable, SelectedFieldsFlat } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db";
import {
  auditLog,
  courses,
  departments,
  employees,
  settings,
  trainingRecords,
  users,
  type EmploymentType,
  type Role,
  type TrainingMethod,
} from "@/db/schema";
import { seedIncidents } from "./incidents";
import { hashPassword } from "@/lib/auth/password";
import { seedRegulations } from "./regulations";
import { seedCorrespondence } from "./correspondence";
import { seedContractors } from "./contractors";
import { seedAudits } from "./audits";
import { seedRequests } from "./requests";
import { seedEvidence } from "./evidence";
import { seedTrainingSessions } from "./training-sessions";
import { seedRegister } from "./register";
import { FAMILY_NAMES, GIVEN_FEMALE, GIVEN_MALE } from "./names";
import { mulberry32 } from "./random";

/**
 * Demo data for RUFT Inc.: four sign-in accounts, eight departments, ~120 employees, five courses
 * and 18 months of training records, laid out relative to `today` so the dashboard always shows a
 * realistic mix (mostly compliant, some due soon, some overdue). Deterministic for a given `today`.
 *
 * Idempotent: the settings key `demo_seeded` is claimed first, inside the same transaction, so a
 * second run (or a concurrent one) adds nothing. Training records are only written for employees
 * this run created, so demo records never attach to people already in the database.
 */

export const DEMO_PASSWORD = "demo-password";
export const DEMO_ORGANIZATION = { name: "RUFT株式会社", representative: "代表取締役 田中 誠" };
const DEMO_MARKER = "demo_seeded";
const SEED = 15001;
const CHUNK = 1000;

export type SeedResult = { created: boolean; counts: Record<string, number> };

export async function seedDemo(db: Db, opts: { today?: string } = {}): Promise<SeedResult> {
  const today = opts.today ?? tokyoToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || fromDay(toDay(today)) !== today) {
    throw new Error(`seedDemo: today must be a date 'YYYY-MM-DD', got '${today}'`);
  }
  if (await isSeeded(db)) return { created: false, counts: {} };

  // Hashed once (bcrypt is deliberately slow) and shared by the four demo accounts.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.transaction(async (tx) => {
    // Claiming the marker first makes a concurrent second run wait here, then add nothing.
    const claimed = await tx
      .insert(settings)
      .values({ key: DEMO_MARKER, value: true })
      .onConflictDoNothing()
      .returning({ key: settings.key });
    if (claimed.length === 0) return { created: false, counts: {} };
    // The organisation shown on the management-review report's cover and in Excel exports (Settings).
    const organization = await tx
      .insert(settings)
      .values({ key: "organization", value: DEMO_ORGANIZATION, version: 1 })
      .onConflictDoNothing()
      .returning({ key: settings.key });


    const plan = buildPlan(today);

    const insertedDepartments = await insertChunked(tx, departments, plan.departments, { id: departments.id });
    const deptRows = await tx
      .select({ id: departments.id, code: departments.code })
      .from(departments)
      .where(inArray(departments.code, plan.departments.map((d) => d.code)));
    const deptId = new Map(deptRows.map((d) => [d.code, d.id]));

    const insertedUsers = await insertChunked(
      tx,
      users,
      DEMO_USERS.map((u) => ({
        email: u.email,
        name: u.name,
        role: u.role,
        passwordHash,
        isDemo: true,
        departmentId: deptId.get(u.deptCode) ?? null,
      })),
      { id: users.id },
    );
    const [hr] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${HR_EMAIL}`)
      .limit(1);

    const insertedCourses = await insertChunked(
      tx,
      courses,
      COURSES.map((c) => ({
        code: c.code,
        title: c.title,
        description: c.description,
        audienceAll: c.audienceDeptCodes.length === 0 && c.audienceTypes.length === 0,
        audienceDepartmentIds: c.audienceDeptCodes.map((code) => mustGet(deptId, code)),
        audienceEmploymentTypes: [...c.audienceTypes],
        recurrenceMonths: c.recurrenceMonths,
        newHireDueDays: c.newHireDueDays,
        passMark: c.passMark,
        requiredFrom: fromDay(requiredFrom(today, c)),
      })),
      { id: courses.id },
    );
    const courseRows = await tx
      .select()
      .from(courses)
      .where(inArray(courses.code, COURSES.map((c) => c.code)));

    const insertedEmployees = await insertChunked(
      tx,
      employees,
      plan.employees.map((e) => ({
        employeeNumber: e.number,
        name: e.name,
        nameKana: e.kana,
        email: `${e.number.toLowerCase()}@ruft.example.co.jp`,
        departmentId: mustGet(deptId, e.deptCode),
        employmentType: e.type,
        hireDate: fromDay(e.hire),
        leaveDate: e.leave === null ? null : fromDay(e.leave),
        exemptionReason: e.exemption,
      })),
      { id: employees.id, employeeNumber: employees.employeeNumber },
    );
    const newEmployeeId = new Map(insertedEmployees.map((e) => [e.employeeNumber, e.id]));

    const records = buildRecords(today, plan, courseRows, deptId)
      .filter((r) => newEmployeeId.has(r.employeeNumber))
      .map(({ employeeNumber, courseCode, ...r }) => ({
        ...r,
        employeeId: mustGet(newEmployeeId, employeeNumber),
        courseId: courseRows.find((c) => c.code === courseCode)!.id,
        recordedBy: hr?.id ?? null,
        sessionId: null as number | null,
      }));
    // The bulk-entered records get their sessions (sets sessionId on them) before they are stored.
    const sessions = await seedTrainingSessions(tx, records, hr?.id ?? null);
    const insertedRecords = await insertChunked(tx, trainingRecords, records, { id: trainingRecords.id });

    // A little history, as a PMS that has run for years has: a newly set-up office with nobody in
    // it yet, a closed office, a superseded course, an employee entered twice by mistake and a
    // training record entered by mistake — retired, never deleted. The API reference's restore and
    // retire examples point at these rows.
    const retiredAt = new Date(`${fromDay(toDay(today) - 200)}T09:00:00+09:00`);
    const history = await tx
      .insert(departments)
      .values([
        { code: "D09", name: "新規事業準備室" },
        { code: "D90", name: "旧 品質保証室", retiredAt },
      ])
      .onConflictDoNothing()
      .returning({ id: departments.id });
    const oldCourse = await tx
      .insert(courses)
      .values({
        code: "PI-BASIC-2022",
        title: "個人情報保護基礎研修（2022年版）",
        description: "2024年度に「個人情報保護基礎研修」へ改訂。受講記録の参照用に残しています。",
        audienceAll: true,
        recurrenceMonths: 12,
        newHireDueDays: 30,
        passMark: 80,
        requiredFrom: fromDay(toDay(today) - 365 * 4),
        retiredAt,
      })
      .onConflictDoNothing()
      .returning({ id: courses.id });
    const duplicate = await tx
      .insert(employees)
      .values({
        employeeNumber: "E9001",
        name: "山田 太郎（重複登録）",
        departmentId: mustGet(deptId, "D02"),
        employmentType: "regular",
        hireDate: fromDay(toDay(today) - 400),
        retiredAt,
      })
      .onConflictDoNothing()
      .returning({ id: employees.id });
    const firstRecord = insertedRecords[0];
    if (firstRecord) await tx.update(trainingRecords).set({ retiredAt, note: "誤登録のため取消" }).where(eq(trainingRecords.id, firstRecord.id));

    const counts = {
      users: insertedUsers.length,
      departments: insertedDepartments.length + history.length,
      employees: insertedEmployees.length + duplicate.length,
      courses: insertedCourses.length + oldCourse.length,
      trainingRecords: insertedRecords.length,
      ...sessions,
      settings: claimed.length + organization.length,
      ...(await seedRegulations(tx, { today })),
      ...(await seedCorrespondence(tx)),
      ...(await seedIncidents(tx, { today })),
      ...(await seedContractors(tx, { today })),
      ...(await seedRegister(tx, { today })),
      ...(await seedAudits(tx, { today })),
      ...(await seedRequests(tx, { today })),
      ...(await seedEvidence(tx, { today })),
    };
    await tx.insert(auditLog).values({ action: "create", entity: "demo_seed", after: { ...counts, today } });
    return { created: true, counts };
  });
}

/** Today's date in Tokyo, 'YYYY-MM-DD'. */
export function tokyoToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(now);
}

async function isSeeded(db: Db): Promise<boolean> {
  const rows = await db.select({ key: settings.key }).from(settings).where(eq(settings.key, DEMO_MARKER)).limit(1);
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Fixed content

const HR_EMAIL = "hr@example.com";

/** The sign-in accounts the demo creates, all with DEMO_PASSWORD. */
export const DEMO_USERS: readonly { email: string; name: string; kana: string; role: Role; deptCode: string }[] = [
  { email: "manager@example.com", name: "佐藤 恵子", kana: "サトウ ケイコ", role: "privacy_manager", deptCode: "D02" },
  { email: HR_EMAIL, name: "鈴木 健一", kana: "スズキ ケンイチ", role: "hr", deptCode: "D03" },
  { email: "auditor@example.com", name: "高橋 直樹", kana: "タカハシ ナオキ", role: "auditor", deptCode: "D01" },
  { email: "executive@example.com", name: "田中 誠", kana: "タナカ マコト", role: "executive", deptCode: "D01" },
];

/** Code, name and head count (the four demo users and the executives included). */
const DEPARTMENTS: { code: string; name: string; size: number }[] = [
  { code: "D01", name: "経営企画部", size: 8 },
  { code: "D02", name: "総務部", size: 10 },
  { code: "D03", name: "人事部", size: 8 },
  { code: "D04", name: "営業部", size: 24 },
  { code: "D05", name: "システム開発部", size: 30 },
  { code: "D06", name: "カスタマーサポート部", size: 20 },
  { code: "D07", name: "マーケティング部", size: 12 },
  { code: "D08", name: "経理部", size: 8 },
];

type CourseSpec = {
  code: string;
  title: string;
  description: string;
  audienceDeptCodes: string[];
  audienceTypes: EmploymentType[];
  recurrenceMonths: number | null;
  newHireDueDays: number;
  passMark: number | null;
  /** requiredFrom: the start of the fiscal year this many years before the current one, plus months. */
  requiredFromFyBack: number;
  requiredFromMonths: number;
  /** How completions cluster: an e-learning campaign month, or classroom session days. */
  pattern: { kind: "campaign"; month: number } | { kind: "sessions"; sessions: { month: number; nth: number; weekday: number }[] } | { kind: "onboarding" };
};

const COURSES: CourseSpec[] = [
  {
    code: "PI-BASIC",
    title: "個人情報保護基礎研修",
    description:
      "個人情報保護方針、個人情報保護法および当社規程の基本を学ぶ全従業者向けの年次研修です。理解度確認テスト（80点以上で合格）を含みます。",
    audienceDeptCodes: [],
    audienceTypes: [],
    recurrenceMonths: 12,
    newHireDueDays: 30,
    passMark: 80,
    requiredFromFyBack: 2,
    requiredFromMonths: 0,
    pattern: { kind: "campaign", month: 6 },
  },
  {
    code: "SEC-AWARE",
    title: "情報セキュリティ意識向上研修",
    description:
      "標的型メール、パスワード管理、持ち出し端末の取扱いなど、日常業務での情報セキュリティ対策を確認します。サイバーセキュリティ月間（2月）に全社で実施します。",
    audienceDeptCodes: [],
    audienceTypes: [],
    recurrenceMonths: 12,
    newHireDueDays: 30,
    passMark: null,
    requiredFromFyBack: 2,
    requiredFromMonths: 3,
    pattern: { kind: "campaign", month: 2 },
  },
  {
    code: "PMS-INTRO",
    title: "新入社員向けPMS導入研修",
    description: "入社時に受講する個人情報保護マネジメントシステム（PMS）の導入研修です。体制、規程類、事故発生時の報告ルートを説明します。",
    audienceDeptCodes: [],
    audienceTypes: [],
    recurrenceMonths: null,
    newHireDueDays: 14,
    passMark: null,
    requiredFromFyBack: 5,
    requiredFromMonths: 0,
    pattern: { kind: "onboarding" },
  },
  {
    code: "CS-HANDLING",
    title: "顧客情報取扱い研修",
    description: "顧客の個人情報を直接取り扱う営業部・カスタマーサポート部向けの研修です。本人確認、電話・メール対応、誤送信防止を扱います（70点以上で合格）。",
    audienceDeptCodes: ["D04", "D06"],
    audienceTypes: [],
    recurrenceMonths: 12,
    newHireDueDays: 30,
    passMark: 70,
    requiredFromFyBack: 2,
    requiredFromMonths: 6,
    // Second Wednesday of October and November; the rest catch up by video.
    pattern: {
      kind: "sessions",
      sessions: [
        { month: 10, nth: 2, weekday: 3 },
        { month: 11, nth: 2, weekday: 3 },
      ],
    },
  },
  {
    code: "INCIDENT-DRILL",
    title: "事故対応訓練",
    description: "個人情報の漏えい等を想定した机上訓練です。発見から報告（速報・確報）、本人通知までの流れを部門横断で確認します。",
    audienceDeptCodes: [],
    audienceTypes: ["regular", "executive"],
    recurrenceMonths: 24,
    newHireDueDays: 90,
    passMark: null,
    requiredFromFyBack: 2,
    requiredFromMonths: 0,
    // The company-wide drill on the third Thursday of October, a second sitting in November.
    pattern: {
      kind: "sessions",
      sessions: [
        { month: 10, nth: 3, weekday: 4 },
        { month: 11, nth: 2, weekday: 4 },
      ],
    },
  },
];

/** The demo draws from the 60 most common family names. */
const FAMILY = FAMILY_NAMES.slice(0, 60);

// ---------------------------------------------------------------------------------------------
// The plan: who works here (pure, deterministic)

type EmployeeSpec = {
  number: string;
  name: string;
  kana: string;
  deptCode: string;
  type: EmploymentType;
  hire: number;
  leave: number | null;
  exemption: string | null;
  /** The day their leave of absence began: no training after it. */
  exemptSince: number | null;
};

type Plan = { departments: { code: string; name: string }[]; employees: EmployeeSpec[] };

function buildPlan(today: string): Plan {
  const rng = mulberry32(SEED);
  const t = toDay(today);
  const used = new Set<string>(DEMO_USERS.map((u) => u.name));
  type Draft = Omit<EmployeeSpec, "number"> & { order: number };
  const drafts: Draft[] = [];
  const draft = (d: Omit<Draft, "order" | "leave" | "exemption" | "exemptSince">) =>
    drafts.push({ ...d, leave: null, exemption: null, exemptSince: null, order: drafts.length });

  const yearsAgo = (years: number, plusDays = 0) => toDay(addMonths(today, -12 * years)) + plusDays;
  const user = (email: string) => DEMO_USERS.find((u) => u.email === email)!;

  // The executives and the demo users come first: the founder has the oldest hire date.
  const ceo = user("executive@example.com");
  draft({ name: ceo.name, kana: ceo.kana, deptCode: "D01", type: "executive", hire: yearsAgo(15, 3) });
  for (const years of [14, 11, 6]) {
    const [n, k] = randomName(rng, used);
    draft({ name: n, kana: k, deptCode: "D01", type: "executive", hire: aprilFirst(yearsAgo(years)) });
  }
  for (const [email, years] of [
    ["manager@example.com", 11],
    [HR_EMAIL, 8],
    ["auditor@example.com", 9],
  ] as const) {
    const u = user(email);
    draft({ name: u.name, kana: u.kana, deptCode: u.deptCode, type: "regular", hire: aprilFirst(yearsAgo(years)) });
  }
  const fixed = drafts.length;

  for (const dept of DEPARTMENTS) {
    const already = drafts.filter((d) => d.deptCode === dept.code).length;
    for (let i = already; i < dept.size; i++) {
      const [n, k] = randomName(rng, used);
      const type = employmentTypeFor(rng, dept.code);
      let hire: number;
      if (type === "regular" && rng() < 0.45) {
        // New graduates join on 1 April (新卒一括採用).
        hire = aprilFirst(t - randInt(rng, 70, 15 * 365 - 30));
      } else if (type === "regular") {
        hire = weekdayOnOrAfter(t - randInt(rng, 70, 15 * 365 - 30));
      } else {
        hire = weekdayOnOrAfter(t - randInt(rng, 70, 5 * 365));
      }
      draft({ name: n, kana: k, deptCode: dept.code, type, hire });
    }
  }

  const pool = shuffle(rng, drafts.slice(fixed).map((_, i) => i + fixed));
  // Eight joined in the last 60 days: some still inside their grace period, a few already late.
  for (const i of pool.splice(0, 8)) drafts[i].hire = weekdayOnOrBefore(t - randInt(rng, 3, 58));
  // Four have left the company (at a month end, within the last year).
  for (const i of pool.splice(0, 4)) {
    const leave = monthEnd(addMonths(today, -randInt(rng, 1, 11)));
    drafts[i].leave = Math.max(leave, drafts[i].hire + 200);
    if (drafts[i].leave! >= t) drafts[i].leave = t - 1;
    drafts[i].hire = Math.min(drafts[i].hire, drafts[i].leave! - 200);
  }
  // Two are on leave: their training is exempt meanwhile.
  for (const [j, reason] of ["育児休業", "休職"].entries()) {
    const i = pool[j];
    drafts[i].hire = Math.min(drafts[i].hire, t - 3 * 365);
    drafts[i].exemption = reason;
    drafts[i].exemptSince = t - randInt(rng, 45, 240);
  }

  // Employee numbers follow the order people joined.
  const ordered = [...drafts].sort((a, b) => a.hire - b.hire || a.order - b.order);
  return {
    departments: DEPARTMENTS.map(({ code, name }) => ({ code, name })),
    employees: ordered.map((d, i) => ({
      name: d.name,
      kana: d.kana,
      deptCode: d.deptCode,
      type: d.type,
      hire: d.hire,
      leave: d.leave,
      exemption: d.exemption,
      exemptSince: d.exemptSince,
      number: `E${String(i + 1).padStart(4, "0")}`,
    })),
  };
}

function randomName(rng: () => number, used: Set<string>): [string, string] {
  for (;;) {
    const [f, fk] = pick(rng, FAMILY);
    const [g, gk] = pick(rng, rng() < 0.5 ? GIVEN_MALE : GIVEN_FEMALE);
    const name = `${f} ${g}`;
    if (used.has(name)) continue;
    used.add(name);
    return [name, `${fk} ${gk}`];
  }
}

function employmentTypeFor(rng: () => number, deptCode: string): EmploymentType {
  const table: Record<string, [EmploymentType, number][]> = {
    D04: [["regular", 0.88], ["contract", 0.12]],
    D05: [["regular", 0.75], ["dispatched", 0.15], ["contract", 0.1]],
    D06: [["regular", 0.5], ["part_time", 0.25], ["contract", 0.15], ["dispatched", 0.1]],
  };
  const dist = table[deptCode] ?? [["regular", 0.85], ["contract", 0.07], ["part_time", 0.05], ["dispatched", 0.03]];
  let r = rng();
  for (const [type, p] of dist) {
    if ((r -= p) < 0) return type;
  }
  return "regular";
}

function requiredFrom(today: string, c: CourseSpec): number {
  const [y, m] = today.split("-").map(Number);
  const fyStartYear = m >= 4 ? y : y - 1;
  return toDay(addMonths(`${fyStartYear - c.requiredFromFyBack}-04-01`, c.requiredFromMonths));
}

// ---------------------------------------------------------------------------------------------
// Training records (pure, deterministic)

type RecordSpec = {
  employeeNumber: string;
  courseCode: string;
  completedOn: string;
  score: number | null;
  passed: boolean;
  method: TrainingMethod;
  source: "manual" | "bulk";
  evidence: string | null;
  note: string | null;
};

type CourseRow = { code: string; requiredFrom: string; audienceAll: boolean; audienceDepartmentIds: number[]; audienceEmploymentTypes: string[] };

function buildRecords(today: string, plan: Plan, courseRows: CourseRow[], deptId: Map<string, number>): RecordSpec[] {
  const rng = mulberry32(SEED + 1);
  const t = toDay(today);
  const windowStart = toDay(addMonths(today, -18));
  const out: RecordSpec[] = [];
  const seen = new Set<string>();

  for (const e of plan.employees) {
    const end = Math.min(t, e.leave ?? Infinity, e.exemptSince ?? Infinity);
    for (const spec of COURSES) {
      const row = courseRows.find((c) => c.code === spec.code);
      if (!row || !applies(row, mustGet(deptId, e.deptCode), e.type)) continue;
      const from = toDay(row.requiredFrom);
      if (from > end) continue;
      const isNewHire = e.hire > t - 60;
      // About half of the newest staff have not got round to it yet, and still have time.
      if (e.hire >= from && e.hire + spec.newHireDueDays >= t && rng() < 0.5) continue;
      const add = (day: number, r: Omit<RecordSpec, "employeeNumber" | "courseCode" | "completedOn">) => {
        if (day <= e.hire || day >= end) return false;
        const key = `${e.number}|${spec.code}|${day}`;
        if (seen.has(key)) return false;
        seen.add(key);
        out.push({ employeeNumber: e.number, courseCode: spec.code, completedOn: fromDay(day), ...r });
        return true;
      };

      if (spec.recurrenceMonths === null) {
        // Once: at joining (or, for staff already here, within two weeks of the course's start).
        const done = rng() < (isNewHire ? 0.7 : 0.96);
        if (!done) continue;
        const base = Math.max(e.hire, from);
        const isOrientation = e.hire >= from && isAprilFirst(e.hire);
        const day = weekdayOnOrAfter(base + randInt(rng, isOrientation ? 1 : 2, base === from && from > e.hire ? 13 : 10));
        if (day >= end) continue;
        const classroom = isOrientation || (base === from && from > e.hire);
        add(day, {
          ...passingScore(rng, spec),
          method: classroom ? "classroom" : "video",
          source: classroom ? "bulk" : "manual",
          evidence: classroom ? `出席簿 ${fromDay(day)}` : "研修動画 視聴記録",
          note: null,
        });
        continue;
      }

      const R = spec.recurrenceMonths;
      const start = Math.max(windowStart, e.hire + 1);
      const minusR = (day: number) => toDay(addMonths(fromDay(day), -R));
      const weight = dayWeight(spec, e.hire);
      const expiredBefore = minusR(end); // a pass on or before this day has expired by `end`
      const roll = rng();
      const target =
        R >= 24 ? (roll < 0.82 ? "compliant" : "overdue") : roll < 0.64 ? "compliant" : roll < 0.82 ? "due_soon" : "overdue";

      const pass = (day: number) => {
        const method = methodFor(rng, spec, day);
        // Now and then the comprehension check was failed first and retaken a few days later.
        if (spec.passMark !== null && rng() < 0.08) {
          const failedOn = day - randInt(rng, 3, 14);
          if (failedOn >= start) add(failedOn, failingRecord(rng, spec, method, failedOn));
        }
        add(day, { ...passingScore(rng, spec), ...provenance(rng, method, day), note: null });
      };

      let latest: number | null = null;
      if (target === "due_soon") {
        // Passed 11–12 months ago (for a yearly course): it expires within the next 30 days.
        latest = pickDay(rng, Math.max(start, expiredBefore + 2), expiredBefore + 28, weight);
      }
      if (target === "compliant" || (target === "due_soon" && latest === null)) {
        latest = pickDay(rng, Math.max(start, expiredBefore + 31), end - 1, weight);
      } else if (target === "overdue" && rng() < 0.65) {
        // Overdue: the last pass has expired and was not renewed…
        const lapsed = pickDay(rng, start, expiredBefore - 1, weight);
        if (lapsed !== null) {
          pass(lapsed);
          // …sometimes the retake was attempted and failed.
          if (spec.passMark !== null && rng() < 0.25) {
            const failedOn = pickDay(rng, Math.max(start, expiredBefore + 31), end - 1, weight);
            if (failedOn !== null) add(failedOn, failingRecord(rng, spec, methodFor(rng, spec, failedOn), failedOn));
          }
        }
      } // …or never done at all.

      if (latest === null) continue;
      // The previous cycle, when it falls inside the 18 months of history.
      const prevLo = Math.max(start, minusR(latest) - 45);
      const prevHi = Math.min(minusR(latest) + 10, latest - 60);
      if (rng() < 0.9) {
        const prev = pickDay(rng, prevLo, prevHi, weight);
        if (prev !== null) pass(prev);
      }
      pass(latest);
    }
  }
  return out;
}

function applies(c: CourseRow, departmentId: number, type: EmploymentType): boolean {
  if (c.audienceAll) return true;
  const deptOk = c.audienceDepartmentIds.length === 0 || c.audienceDepartmentIds.includes(departmentId);
  const typeOk = c.audienceEmploymentTypes.length === 0 || c.audienceEmploymentTypes.includes(type);
  return deptOk && typeOk;
}

/** How likely a completion falls on a given day: campaigns, session days, and new staff's first weeks. */
function dayWeight(spec: CourseSpec, hire: number): (day: number) => number {
  const onboardingUntil = hire + spec.newHireDueDays;
  return (day) => {
    const weekend = isWeekend(day);
    let w: number;
    const p = spec.pattern;
    if (p.kind === "campaign") {
      const m = monthOf(day);
      w = m === p.month ? 10 : m === (p.month % 12) + 1 ? 3 : 0.5;
      if (weekend) w *= 0.25;
    } else if (p.kind === "sessions") {
      w = isSessionDay(p.sessions, day) ? 250 : weekend ? 0.1 : 1;
    } else {
      w = 1;
    }
    if (day <= onboardingUntil) w += weekend ? 5 : 30;
    return w;
  };
}

function isSessionDay(sessions: { month: number; nth: number; weekday: number }[], day: number): boolean {
  const dow = weekdayOf(day);
  const m = monthOf(day);
  const dom = Number(fromDay(day).slice(8));
  return sessions.some((s) => s.month === m && s.weekday === dow && Math.ceil(dom / 7) === s.nth);
}

function methodFor(rng: () => number, spec: CourseSpec, day: number): TrainingMethod {
  if (spec.pattern.kind === "sessions") return isSessionDay(spec.pattern.sessions, day) ? "classroom" : "video";
  return rng() < 0.88 ? "e_learning" : "video";
}

function provenance(rng: () => number, method: TrainingMethod, day: number): Pick<RecordSpec, "method" | "source" | "evidence"> {
  const iso = fromDay(day);
  if (method === "classroom") return { method, source: "bulk", evidence: `出席簿 ${iso}` };
  if (method === "e_learning") {
    const [y, m] = iso.split("-").map(Number);
    return { method, source: rng() < 0.75 ? "bulk" : "manual", evidence: `LMS受講履歴 ${y}年${m}月分` };
  }
  return { method, source: "manual", evidence: rng() < 0.7 ? "研修動画 視聴記録" : null };
}

function passingScore(rng: () => number, spec: CourseSpec): { score: number | null; passed: true } {
  if (spec.passMark === null) return { score: null, passed: true };
  // Most pass comfortably: the better of two draws.
  const s = Math.max(randInt(rng, spec.passMark, 100), randInt(rng, spec.passMark, 100));
  return { score: s, passed: true };
}

function failingRecord(rng: () => number, spec: CourseSpec, method: TrainingMethod, day: number) {
  return {
    score: randInt(rng, 60, spec.passMark! - 1),
    passed: false,
    ...provenance(rng, method, day),
    note: "理解度確認テスト不合格のため再受講",
  } as const;
}

// ---------------------------------------------------------------------------------------------
// Small helpers: batched inserts, a seeded PRNG, and calendar days as integers (days since 1970-01-01)

async function insertChunked<TTable extends PgTable, TSel extends SelectedFieldsFlat>(
  tx: Tx,
  table: TTable,
  rows: TTable["$inferInsert"][],
  returning: TSel,
): Promise<SelectResultFields<TSel>[]> {
  const out: SelectResultFields<TSel>[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const inserted = await tx
      .insert(table)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoNothing()
      .returning(returning);
    out.push(...(inserted as SelectResultFields<TSel>[]));
  }
  return out;
}

function mustGet<K, V>(map: Map<K, V>, key: K): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`seedDemo: missing ${String(key)}`);
  return v;
}

function randInt(rng: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

function pick<T>(rng: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)];
}

function shuffle<T>(rng: () => number, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

function pickDay(rng: () => number, lo: number, hi: number, weight: (day: number) => number): number | null {
  if (lo > hi) return null;
  const ws: number[] = [];
  let total = 0;
  for (let d = lo; d <= hi; d++) {
    const w = weight(d);
    ws.push(w);
    total += w;
  }
  if (total <= 0) return null;
  let r = rng() * total;
  for (let i = 0; i < ws.length; i++) {
    if ((r -= ws[i]) < 0) return lo + i;
  }
  return hi;
}

const MS_PER_DAY = 86_400_000;

function toDay(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

function fromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Calendar months, clamped to the month's end (31 March − 1 month = 28/29 February). */
function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

function monthEnd(iso: string): number {
  const [y, m] = iso.split("-").map(Number);
  return Math.round(Date.UTC(y, m, 0) / MS_PER_DAY);
}

function monthOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCMonth() + 1;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

function weekdayOnOrAfter(day: number): number {
  while (isWeekend(day)) day++;
  return day;
}

function weekdayOnOrBefore(day: number): number {
  while (isWeekend(day)) day--;
  return day;
}

function isAprilFirst(day: number): boolean {
  return fromDay(day).slice(5) === "04-01";
}

/** 1 April of the year of `day`, or of the year before when that would be later than `day`. */
function aprilFirst(day: number): number {
  const y = Number(fromDay(day).slice(0, 4));
  const sameYear = toDay(`${y}-04-01`);
  return sameYear <= day ? sameYear : toDay(`${y - 1}-04-01`);
}
