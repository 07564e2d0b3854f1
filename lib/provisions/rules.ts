import { addDays, addMonths } from "@/lib/dates";
import type { AbroadBasis, ProvisionGround, RecordForm, RetentionState } from "./enums";

/**
 * Provision to third parties (docs/domain.md §7), in pure rules.
 *
 * GROUNDS: the policy's §4 (ア)–(カ) and (2)(3) against the APPI. A provision with the person's
 * consent must be recorded (Art. 29) — and the recipient must confirm where the data came from and
 * record it (Art. 30). Provisions under the statutory exceptions of Art. 27(1) need no record;
 * outsourcing, business succession and joint use are not provision to a third party at all
 * (Art. 27(5)). Such provisions are still logged, classified as needing no record.
 */
export const GROUNDS: Record<ProvisionGround, { policy: string; law: string; recordRequired: boolean; thirdParty: boolean }> = {
  consent: { policy: "4(1)(ア)", law: "Art. 27(1)", recordRequired: true, thirdParty: true },
  protect_rights: { policy: "4(1)(イ)", law: "Art. 27(1)(ii)", recordRequired: false, thirdParty: true },
  vital_interest: { policy: "4(1)(ウ)", law: "Art. 27(1)(ii)", recordRequired: false, thirdParty: true },
  public_authority: { policy: "4(1)(エ)", law: "Art. 27(1)(iv)", recordRequired: false, thirdParty: true },
  law: { policy: "4(1)(カ)", law: "Art. 27(1)(i)", recordRequired: false, thirdParty: true },
  succession: { policy: "4(1)(オ)", law: "Art. 27(5)(ii)", recordRequired: false, thirdParty: false },
  outsourcing: { policy: "4(2)", law: "Art. 27(5)(i)", recordRequired: false, thirdParty: false },
  joint_use: { policy: "4(3)", law: "Art. 27(5)(iii)", recordRequired: false, thirdParty: false },
};

/**
 * The arguments of the message that cites a ground (provisions.detail.lawValue): the policy's clause and
 * the APPI article, in the screen's language. The policy's items (ア)–(カ) are (A)–(F) in English, as the
 * grounds' own labels are; the law's numbered items (号, `(ii)`) are 第2号 in Japanese. A part a ground
 * has not (an item letter, an item number) is "none" for the message's select.
 */
export function groundCitationArgs(ground: ProvisionGround, locale: "ja" | "en"): Record<"section" | "item" | "letter" | "article" | "paragraph" | "number", string> {
  const g = GROUNDS[ground];
  const [, section, item, kana] = /^(\d+)\((\d+)\)(?:\((.)\))?$/.exec(g.policy)!;
  const [, article, paragraph, roman] = /^Art\. (\d+)\((\d+)\)(?:\(([ivx]+)\))?$/.exec(g.law)!;
  const letter = kana ? (locale === "ja" ? kana : "ABCDEF"[POLICY_ITEM_KANA.indexOf(kana)]) : "none";
  const number = roman ? (locale === "ja" ? String(ROMAN.indexOf(roman) + 1) : roman) : "none";
  return { section, item, letter, article, paragraph, number };
}
const POLICY_ITEM_KANA = "アイウエオカ";
const ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];

export function recordRequired(ground: ProvisionGround): boolean {
  return GROUNDS[ground].recordRequired;
}

/** Years a record is kept, by how it was made: 1 year for a contract with the person, else 3. */
export const RETENTION_YEARS: Record<RecordForm, number> = { contract_with_person: 1, bulk_continuous: 3, individual: 3 };

/**
 * The last day of a period of `years` years counted from `start` (the start day included, 起算して):
 * the day before the same date `years` later; where that date does not exist (29 February), the
 * month's last day (Civil Code Art. 143). 2025-04-10 + 1 year → 2026-04-09; 2024-02-29 + 1 → 2025-02-28.
 */
export function periodEnd(start: string, years: number): string {
  const same = addMonths(start, years * 12);
  // addMonths clamps a missing day to the month's end: then the period ends on that day itself.
  return same.slice(8) !== start.slice(8) ? same : addDays(same, -1);
}

export type RetentionFacts = {
  ground: ProvisionGround;
  recordForm: RecordForm;
  /** The day the record was made. */
  recordedOn: string;
  /** The first (or only) day of provision. */
  providedFrom: string;
  /** The last day of provision the record covers (null: a single day, providedFrom). */
  providedTo: string | null;
};

/**
 * How long the record is kept (enforcement rules Art. 14, and Art. 18 for a recipient's record): a
 * record made through a contract for goods or services to the person — 1 year from the last
 * provision it covers; a record made in bulk for continuous or repeated provision — 3 years from the
 * last provision; any other — 3 years from the day it was made. Null when no record is required.
 */
export function retention(f: RetentionFacts): { retainUntil: string; disposableFrom: string } | null {
  if (!recordRequired(f.ground)) return null;
  const last = f.providedTo ?? f.providedFrom;
  const start = f.recordForm === "individual" ? f.recordedOn : last;
  const retainUntil = periodEnd(start, RETENTION_YEARS[f.recordForm]);
  return { retainUntil, disposableFrom: addDays(retainUntil, 1) };
}

export function retentionState(disposableFrom: string | null, disposedOn: string | null, today: string): RetentionState {
  if (disposedOn) return "disposed";
  if (!disposableFrom) return "not_required";
  return today >= disposableFrom ? "disposable" : "retained";
}

/**
 * Countries the PPC recognises as having a system equivalent to Japan's (enforcement rules Art. 15,
 * PPC notice No. 1 of 2019): the EEA members and the United Kingdom, as ISO 3166-1 alpha-2 codes.
 */
export const RECOGNISED_COUNTRIES: readonly string[] = [
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
  "IS", "LI", "NO", "GB",
];

/**
 * What a recipient abroad rests on (APPI Art. 28): a recognised country needs nothing more; a
 * recipient with a system meeting the PPC's standard (基準適合体制: contract clauses, binding corporate
 * rules, APEC CBPR) needs the measures recorded; otherwise the person's consent is needed, given after
 * being told the country, its system for protecting personal information and the recipient's measures.
 */
export function abroadBasis(country: string | null, equivalentSystem: boolean): AbroadBasis | null {
  if (!country || country === "JP") return null;
  if (RECOGNISED_COUNTRIES.includes(country)) return "recognised_country";
  return equivalentSystem ? "equivalent_system" : "consent_with_information";
}

export type AbroadFacts = {
  ground: ProvisionGround;
  abroadCountry: string | null;
  equivalentSystem: boolean;
  countrySystem: string | null;
  recipientMeasures: string | null;
  informedBeforeConsent: boolean;
};

/** What is missing for a recipient abroad (field and message key), or null. */
export function abroadProblem(f: AbroadFacts): { field: string; key: string } | null {
  const basis = abroadBasis(f.abroadCountry, f.equivalentSystem);
  if (!basis || basis === "recognised_country") return null;
  if (basis === "equivalent_system") return f.recipientMeasures ? null : { field: "recipientMeasures", key: "provisions.errors.measuresRequired" };
  if (f.ground !== "consent") return null;
  if (!f.countrySystem) return { field: "countrySystem", key: "provisions.errors.countrySystemRequired" };
  if (!f.recipientMeasures) return { field: "recipientMeasures", key: "provisions.errors.measuresRequired" };
  if (!f.informedBeforeConsent) return { field: "informedBeforeConsent", key: "provisions.errors.informBeforeConsent" };
  return null;
}

export type JointUse = {
  purpose: string;
  partners: string;
  dataItems: string;
  responsibleName: string;
  responsibleAddress: string;
  responsibleRepresentative: string;
};

/** The notice of a joint use for the company's website (APPI Art. 27(5)(iii)), in Japanese as it is published. */
export function jointUseNotice(j: JointUse): string {
  return [
    "【個人データの共同利用について】",
    "当社は、以下のとおり個人データを共同して利用します。",
    `1. 共同して利用される個人データの項目：${j.dataItems}`,
    `2. 共同して利用する者の範囲：${j.partners}`,
    `3. 利用する者の利用目的：${j.purpose}`,
    `4. 当該個人データの管理について責任を有する者：${j.responsibleName}（住所：${j.responsibleAddress}、代表者：${j.responsibleRepresentative}）`,
  ].join("\n");
}
