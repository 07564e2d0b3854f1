import { checkRow, type ImportIssue } from "@/lib/csv/import";
import type { CsvColumn, CsvRow } from "@/lib/csv/parse";
import { MESSAGES } from "@/lib/i18n/messages";
import { ACQUISITION_METHODS, DATA_FORMS, PROVISION_KINDS, REGISTER_KINDS } from "./enums";
import { createItemSchema, type CreateItemInput } from "./schema";

/**
 * Import of an existing register 個人情報管理台帳 (Excel or CSV), the pure part (docs/domain.md §6).
 * The columns are the export's register sheet, with Japanese or English headers, so an exported
 * register can be edited and brought back. Enumerations are read from the code, the Japanese or the
 * English label; lists are split at 、 , ; or new lines. Purposes (by number or text), contractors (by
 * name) and the department (by name or code) are resolved against the database afterwards
 * (db/queries/imports/register.ts). Rows match stored items by the item code; all-or-nothing.
 */

export const MAX_REGISTER_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_REGISTER_IMPORT_ROWS = 5_000;

/** Column keys in the order of the export's register sheet (the export writes the same headers). */
export const REGISTER_COLUMN_KEYS = [
  "code",
  "name",
  "kind",
  "dataSubjects",
  "dataItems",
  "personCount",
  "form",
  "acquisitionMethod",
  "noticeOrConsent",
  "purposeIds",
  "ownerDepartmentId",
  "storagePlace",
  "storageMethod",
  "accessScope",
  "usePeriod",
  "retentionPeriod",
  "disposalMethod",
  "contractorIds",
  "provision",
  "provisionBasis",
  "abroadCountries",
  "lastReviewedOn",
  "reviewIntervalMonths",
  "note",
] as const;
export type RegisterColumnKey = (typeof REGISTER_COLUMN_KEYS)[number];

const REQUIRED = new Set<RegisterColumnKey>(["code", "name", "acquisitionMethod"]);

/** Header of a column in a language: the form's field label (messages register.fields.*). */
export function registerHeader(locale: keyof typeof MESSAGES, key: RegisterColumnKey): string {
  return MESSAGES[locale].register.fields[key];
}

export const REGISTER_CSV_COLUMNS: CsvColumn[] = REGISTER_COLUMN_KEYS.map((key) => ({
  key,
  headers: [registerHeader("ja", key), registerHeader("en", key), key],
  ...(REQUIRED.has(key) ? { required: true } : {}),
}));

const normal = (s: string) => s.normalize("NFKC").trim().toLowerCase();

type EnumSpec = { values: readonly string[]; labels: "kind" | "form" | "acquisition" | "provision" };
const ENUMS: Partial<Record<RegisterColumnKey, EnumSpec>> = {
  kind: { values: REGISTER_KINDS, labels: "kind" },
  form: { values: DATA_FORMS, labels: "form" },
  acquisitionMethod: { values: ACQUISITION_METHODS, labels: "acquisition" },
  provision: { values: PROVISION_KINDS, labels: "provision" },
};

/** An enumeration cell: its code, or its label in Japanese or English; empty → undefined (the default); unknown → null. */
export function parseEnumCell(key: RegisterColumnKey, cell: string | undefined): string | null | undefined {
  const spec = ENUMS[key];
  if (!spec) throw new Error(`${key} is not an enumeration column`);
  if (cell === undefined || cell.trim() === "") return undefined;
  const v = normal(cell);
  for (const code of spec.values) {
    const ja = (MESSAGES.ja.register[spec.labels] as Record<string, string>)[code];
    const en = (MESSAGES.en.register[spec.labels] as Record<string, string>)[code];
    if (v === code || v === normal(ja) || v === normal(en)) return code;
  }
  return null;
}

/** The labels a cell may use, for the line error (in the reader's language, filled in when translated). */
function allowedLabels(key: RegisterColumnKey): string {
  const spec = ENUMS[key]!;
  return spec.values.map((c) => (MESSAGES.ja.register[spec.labels] as Record<string, string>)[c]).join("・");
}

/** A list cell split at 、 , ; and new lines, trimmed, empty parts dropped. */
export function splitList(cell: string | undefined): string[] {
  if (!cell) return [];
  return [...new Set(cell.split(/[,、，;；\n]/).map((s) => s.trim()).filter((s) => s !== ""))];
}

/** The names a row refers to, as written: resolved against the database afterwards. */
export type RegisterRowRefs = {
  line: number;
  /** The purposes cell as written (resolved with resolvePurposes). */
  purposesCell: string;
  contractorRefs: string[];
  departmentRef: string | null;
};

/** A row checked on its own; the names it refers to are resolved against the database later. */
export type RegisterImportRow = RegisterRowRefs & {
  /** The item as it will be stored, without the references (purposeIds, contractorIds, ownerDepartmentId are empty here). */
  input: CreateItemInput;
};

/**
 * Each row on its own, with the form's schema; item codes must be unique within the file. `refs` holds
 * every row's references, bad rows included, so that an unknown name is reported with the row's other
 * faults in one preview.
 */
export function validateRegisterRows(rows: CsvRow[]): { rows: RegisterImportRow[]; issues: ImportIssue[]; refs: RegisterRowRefs[] } {
  const out: RegisterImportRow[] = [];
  const issues: ImportIssue[] = [];
  const refs: RegisterRowRefs[] = [];
  const seen = new Map<string, number>();
  for (const { line, values: v } of rows) {
    const before = issues.length;
    const enums: Record<string, string | undefined> = {};
    for (const key of Object.keys(ENUMS) as RegisterColumnKey[]) {
      const parsed = parseEnumCell(key, v[key]);
      if (parsed === null) issues.push({ line, column: key, code: "invalid_option", messageKey: "register.import.errors.enum", values: { value: v[key] ?? "", allowed: allowedLabels(key) } });
      else enums[key] = parsed;
    }
    const raw = {
      code: v.code,
      name: v.name,
      kind: enums.kind,
      dataSubjects: v.dataSubjects ?? "",
      dataItems: v.dataItems ?? "",
      personCount: v.personCount ?? null,
      form: enums.form,
      acquisitionMethod: enums.acquisitionMethod,
      noticeOrConsent: v.noticeOrConsent ?? null,
      purposeIds: [],
      ownerDepartmentId: null,
      storagePlace: v.storagePlace ?? null,
      storageMethod: v.storageMethod ?? null,
      accessScope: v.accessScope ?? null,
      usePeriod: v.usePeriod ?? null,
      retentionPeriod: v.retentionPeriod ?? null,
      disposalMethod: v.disposalMethod ?? null,
      contractorIds: [],
      provision: enums.provision,
      provisionBasis: v.provisionBasis ?? null,
      abroadCountries: v.abroadCountries ?? "",
      lastReviewedOn: v.lastReviewedOn ?? null,
      reviewIntervalMonths: v.reviewIntervalMonths ?? null,
      note: v.note ?? null,
    };
    const r = checkRow(createItemSchema, raw, line);
    // An enumeration already reported stays reported once (the schema would repeat it for the required one).
    if (!r.ok) issues.push(...r.issues.filter((i) => !(i.column && ENUMS[i.column as RegisterColumnKey] && issues.slice(before).some((b) => b.column === i.column))));
    if (r.ok) {
      const first = seen.get(r.data.code);
      if (first !== undefined) issues.push({ line, column: "code", code: "duplicate", messageKey: "register.import.errors.duplicateInFile", values: { line: first } });
      else seen.set(r.data.code, line);
    }
    const department = v.ownerDepartmentId?.trim();
    const rowRefs = { line, purposesCell: v.purposeIds ?? "", contractorRefs: splitList(v.contractorIds), departmentRef: department ? department : null };
    refs.push(rowRefs);
    if (issues.length === before && r.ok) out.push({ ...rowRefs, input: r.data });
  }
  return { rows: out, issues, refs };
}

type PurposeRef = { id: number; code: string; text: string };

/** One reference to a purpose: its number ("P1", "1", "(1)"), its text, or "P1 text" as the export writes it. */
export function matchPurpose(ref: string, purposes: readonly PurposeRef[]): number | null {
  const n = ref.normalize("NFKC").trim();
  const first = n.split(/\s+/)[0].replace(/^\((\d+)\)$/, "$1").toUpperCase();
  const byCode = purposes.find((p) => p.code.toUpperCase() === first || p.code.toUpperCase() === `P${first}`);
  if (byCode) return byCode.id;
  const byText = purposes.find((p) => normal(p.text) === normal(n));
  return byText ? byText.id : null;
}

/**
 * The purposes cell → purpose ids and the references not found. One purpose per line (the export
 * writes "P1 text" per line; a purpose's text may itself contain 、); a line that is no purpose as a
 * whole is split at 、 , ; ("P1、P3").
 */
export function resolvePurposes(cell: string, purposes: readonly PurposeRef[]): { ids: number[]; unknown: string[] } {
  const ids: number[] = [];
  const unknown: string[] = [];
  for (const line of cell.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const whole = matchPurpose(line, purposes);
    if (whole !== null) {
      ids.push(whole);
      continue;
    }
    for (const part of splitList(line)) {
      const id = matchPurpose(part, purposes);
      if (id === null) unknown.push(part);
      else ids.push(id);
    }
  }
  return { ids: [...new Set(ids)], unknown };
}
