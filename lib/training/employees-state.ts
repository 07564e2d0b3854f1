import { EMPLOYMENT_TYPES, type EmployeeState, type EmploymentType } from "./employees-schema";

/** Where an employee stands on `today` (see EMPLOYEE_STATES). Dates are "YYYY-MM-DD" strings. */
export function employeeState(e: { retiredAt: Date | string | null; hireDate: string; leaveDate: string | null }, today: string): EmployeeState {
  if (e.retiredAt) return "retired";
  if (e.leaveDate && e.leaveDate < today) return "left"; // the leave date (退職日) is still a working day
  if (e.hireDate > today) return "upcoming";
  return "active";
}

/** Hiragana → katakana (ぁ..ゖ → ァ..ヶ), so a search for "やまだ" finds "ヤマダ". Other characters stay. */
export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096\u309d\u309e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** A LIKE pattern that matches `s` anywhere, with % _ and \ taken literally (backslash is Postgres's default escape). */
export function containsPattern(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Employment type as HR writes it in a spreadsheet → the code. Accepts the codes, the Japanese
 * labels and their common short forms, and the English labels; width, case and spaces do not matter.
 */
const EMPLOYMENT_TYPE_ALIASES: Record<EmploymentType, string[]> = {
  regular: ["regular", "正社員", "正規社員", "regular employee"],
  contract: ["contract", "契約社員", "契約", "contract employee"],
  dispatched: ["dispatched", "派遣", "派遣社員", "dispatched worker", "dispatched staff"],
  part_time: ["part_time", "part-time", "part time", "パート", "アルバイト", "パート・アルバイト", "パートアルバイト", "パート/アルバイト", "part-timer"],
  executive: ["executive", "役員"],
};

function normalizeLabel(s: string): string {
  return s.normalize("NFKC").trim().toLowerCase().replace(/[\s\u3000]+/g, " ");
}

const BY_LABEL = new Map<string, EmploymentType>();
for (const type of EMPLOYMENT_TYPES) for (const alias of EMPLOYMENT_TYPE_ALIASES[type]) BY_LABEL.set(normalizeLabel(alias), type);

export function parseEmploymentType(label: string): EmploymentType | null {
  const n = normalizeLabel(label);
  return BY_LABEL.get(n) ?? BY_LABEL.get(n.replace(/ /g, "")) ?? null;
}

/** Fields of an employee record as they appear in its audit trail, in display order. */
export const AUDITED_EMPLOYEE_FIELDS = [
  "employeeNumber",
  "name",
  "nameKana",
  "email",
  "departmentId",
  "employmentType",
  "hireDate",
  "leaveDate",
  "exemptionReason",
  "retiredAt",
] as const;
export type AuditedEmployeeField = (typeof AUDITED_EMPLOYEE_FIELDS)[number];

