import { checkRow, type ImportIssue } from "@/lib/csv/import";
import type { CsvColumn, CsvRow } from "@/lib/csv/parse";
import { CONTRACTOR_STATUSES, type ContractorStatus } from "./rules";
import { createContractorSchema, type CreateContractorInput } from "./schema";

/**
 * CSV import of the contractor register, the pure part. The columns are the export's (Japanese or
 * English headers), so an exported register can be edited and imported back. Upsert: a row matches a
 * stored contractor by 法人番号, or by exact name when it has none. All-or-nothing: one bad line and
 * nothing is stored. Unlike the form, a contract start without a prior assessment is NOT refused on
 * import (an existing register is being brought in): such rows are flagged and shown.
 * Certifications, assessments and flags columns of the export are ignored on import.
 */

export const MAX_CONTRACTOR_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_CONTRACTOR_IMPORT_ROWS = 5_000;

export const CONTRACTOR_CSV_COLUMNS: CsvColumn[] = [
  { key: "name", headers: ["名称", "委託先名", "name"], required: true },
  { key: "corporateNumber", headers: ["法人番号", "corporate number", "corporate_number"] },
  { key: "status", headers: ["状態", "status"] },
  { key: "services", headers: ["委託業務", "services", "services outsourced"], required: true },
  { key: "dataCategories", headers: ["個人情報の項目", "personal data", "data_categories"] },
  { key: "dataVolume", headers: ["件数", "volume", "data_volume"] },
  { key: "contractStart", headers: ["契約開始日", "contract start", "contract_start"] },
  { key: "contractEnd", headers: ["契約終了日", "contract end", "contract_end"] },
  { key: "contactName", headers: ["担当者", "contact person", "contact_name"] },
  { key: "contactEmail", headers: ["メールアドレス", "email", "contact_email"] },
  { key: "contactPhone", headers: ["電話番号", "phone", "contact_phone"] },
  { key: "reassessmentMonths", headers: ["再評価の間隔（月）", "re-assessment interval (months)", "reassessment_months"] },
  { key: "note", headers: ["備考", "note"] },
];

const STATUS_WORDS: Record<string, ContractorStatus> = {
  候補: "candidate",
  承認: "approved",
  条件付き承認: "conditional",
  取引停止: "suspended",
  契約終了: "terminated",
  "conditionally approved": "conditional",
};

/** A status cell in Japanese, English label or code; empty → undefined (candidate for new rows, unchanged for known ones). */
export function parseStatus(v: string | undefined): ContractorStatus | null | undefined {
  if (v === undefined || v.trim() === "") return undefined;
  const s = v.normalize("NFKC").trim();
  const lower = s.toLowerCase();
  if ((CONTRACTOR_STATUSES as readonly string[]).includes(lower)) return lower as ContractorStatus;
  return STATUS_WORDS[s] ?? STATUS_WORDS[lower] ?? null;
}

export type ContractorImportRow = { line: number; input: CreateContractorInput; status: ContractorStatus | undefined };

const rowSchema = createContractorSchema;

/** Each row on its own, with the form's schema; names and numbers must be unique within the file. */
export function validateContractorRows(rows: CsvRow[]): { rows: ContractorImportRow[]; issues: ImportIssue[] } {
  const out: ContractorImportRow[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  for (const { line, values: v } of rows) {
    const before = issues.length;
    const raw = {
      name: v.name,
      corporateNumber: v.corporateNumber ?? null,
      services: v.services,
      dataCategories: v.dataCategories ?? "",
      dataVolume: v.dataVolume ?? null,
      contractStart: v.contractStart ?? null,
      contractEnd: v.contractEnd ?? null,
      contactName: v.contactName ?? null,
      contactEmail: v.contactEmail ?? null,
      contactPhone: v.contactPhone ?? null,
      reassessmentMonths: v.reassessmentMonths ?? null,
      note: v.note ?? null,
    };
    const r = checkRow(rowSchema, raw, line);
    if (!r.ok) issues.push(...r.issues);
    const status = parseStatus(v.status);
    if (status === null) issues.push({ line, column: "status", messageKey: "contractors.import.errors.status", values: { value: v.status ?? "" } });
    if (r.ok) {
      const key = r.data.corporateNumber ?? `name:${r.data.name}`;
      const first = seen.get(key);
      if (first !== undefined) issues.push({ line, column: r.data.corporateNumber ? "corporateNumber" : "name", messageKey: "contractors.import.errors.duplicateInFile", values: { line: first } });
      else seen.set(key, line);
    }
    if (issues.length === before && r.ok) out.push({ line, input: r.data, status: status ?? undefined });
  }
  return { rows: out, issues };
}

