import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import { PROVISION_GROUNDS } from "./enums";
import { abroadBasis, abroadProblem, groundCitationArgs, jointUseNotice, periodEnd, recordRequired, retention, retentionState, type AbroadFacts, type RetentionFacts } from "./rules";

const rec = (over: Partial<RetentionFacts> = {}): RetentionFacts => ({
  ground: "consent",
  recordForm: "individual",
  recordedOn: "2026-04-15",
  providedFrom: "2026-04-10",
  providedTo: null,
  ...over,
});

describe("provision records: which need a record", () => {
  it("only a provision with consent; the exceptions and the non-third-party provisions are classified, not recorded", () => {
    expect(PROVISION_GROUNDS.filter(recordRequired)).toEqual(["consent"]);
    expect(retention(rec({ ground: "law" }))).toBeNull();
    expect(retention(rec({ ground: "outsourcing" }))).toBeNull();
  });
});

describe("a ground's citation on the record's page, in the screen's language", () => {
  const cite = (locale: "ja" | "en", ground: (typeof PROVISION_GROUNDS)[number]) =>
    createTranslator({ locale, messages: locale === "ja" ? ja : en, namespace: "provisions.detail" })("lawValue", groundCitationArgs(ground, locale));
  it("Japanese: the policy's item in kana and the law in 条・項・号, no English", () => {
    expect(cite("ja", "consent")).toBe("ポリシー第4項(1)(ア)／個人情報保護法第27条第1項");
    expect(cite("ja", "public_authority")).toBe("ポリシー第4項(1)(エ)／個人情報保護法第27条第1項第4号");
    expect(cite("ja", "outsourcing")).toBe("ポリシー第4項(2)／個人情報保護法第27条第5項第1号");
    for (const g of PROVISION_GROUNDS) expect(cite("ja", g)).not.toMatch(/[A-Za-z]/);
  });
  it("English: the policy's item as the grounds' labels letter it, (A)–(F), and the APPI article; no kana", () => {
    expect(cite("en", "consent")).toBe("Policy §4(1)(A) / APPI Art. 27(1)");
    expect(cite("en", "law")).toBe("Policy §4(1)(F) / APPI Art. 27(1)(i)");
    expect(cite("en", "joint_use")).toBe("Policy §4(3) / APPI Art. 27(5)(iii)");
    for (const g of PROVISION_GROUNDS) {
      expect(cite("en", g)).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      // The letter is the one the ground's own label carries: "(A) The person's consent".
      const letter = /\(([A-F])\)/.exec(en.provisions.grounds[g])?.[1];
      if (letter) expect(cite("en", g)).toContain(`(${letter}) / APPI`);
    }
  });
});

describe("retention (enforcement rules Art. 14)", () => {
  it("counts a period from its first day: one year from 10 April ends on 9 April", () => {
    expect(periodEnd("2025-04-10", 1)).toBe("2026-04-09");
    expect(periodEnd("2025-01-01", 3)).toBe("2027-12-31");
    expect(periodEnd("2024-02-29", 1)).toBe("2025-02-28");
    expect(periodEnd("2024-03-01", 1)).toBe("2025-02-28");
    expect(periodEnd("2023-03-01", 1)).toBe("2024-02-29");
  });
  it("contract with the person: 1 year after the last provision it covers", () => {
    expect(retention(rec({ recordForm: "contract_with_person", providedFrom: "2025-04-10", providedTo: "2026-03-31" }))).toEqual({ retainUntil: "2027-03-30", disposableFrom: "2027-03-31" });
  });
  it("bulk record of continuous provision: 3 years after the last provision", () => {
    expect(retention(rec({ recordForm: "bulk_continuous", providedFrom: "2025-04-01", providedTo: "2026-03-31" }))).toEqual({ retainUntil: "2029-03-30", disposableFrom: "2029-03-31" });
  });
  it("any other record: 3 years from the day it was made", () => {
    expect(retention(rec({ recordedOn: "2026-04-15" }))).toEqual({ retainUntil: "2029-04-14", disposableFrom: "2029-04-15" });
    expect(retention(rec({ recordedOn: "2028-02-29", providedFrom: "2028-02-28" }))).toEqual({ retainUntil: "2031-02-28", disposableFrom: "2031-03-01" });
  });
  it("states: retained through the last day, disposable from the next, disposed once recorded", () => {
    expect(retentionState("2029-04-15", null, "2029-04-14")).toBe("retained");
    expect(retentionState("2029-04-15", null, "2029-04-15")).toBe("disposable");
    expect(retentionState("2029-04-15", "2029-05-01", "2029-05-02")).toBe("disposed");
    expect(retentionState(null, null, "2029-05-02")).toBe("not_required");
  });
});

describe("recipients abroad (APPI Art. 28)", () => {
  const f = (over: Partial<AbroadFacts> = {}): AbroadFacts => ({
    ground: "consent",
    abroadCountry: "US",
    equivalentSystem: false,
    countrySystem: "連邦法なし、州法（CCPA等）",
    recipientMeasures: "契約で安全管理措置を義務付け",
    informedBeforeConsent: true,
    ...over,
  });
  it("marks the EEA and the UK as recognised, a recipient with an equivalent system as such, others as needing consent with information", () => {
    expect(abroadBasis("DE", false)).toBe("recognised_country");
    expect(abroadBasis("GB", false)).toBe("recognised_country");
    expect(abroadBasis("US", true)).toBe("equivalent_system");
    expect(abroadBasis("US", false)).toBe("consent_with_information");
    expect(abroadBasis(null, false)).toBeNull();
    expect(abroadBasis("JP", false)).toBeNull();
  });
  it("asks for the country's system, the recipient's measures and the information before consent", () => {
    expect(abroadProblem(f())).toBeNull();
    expect(abroadProblem(f({ countrySystem: null }))?.key).toBe("provisions.errors.countrySystemRequired");
    expect(abroadProblem(f({ recipientMeasures: null }))?.key).toBe("provisions.errors.measuresRequired");
    expect(abroadProblem(f({ informedBeforeConsent: false }))?.key).toBe("provisions.errors.informBeforeConsent");
    expect(abroadProblem(f({ abroadCountry: "FR", countrySystem: null, recipientMeasures: null, informedBeforeConsent: false }))).toBeNull();
    expect(abroadProblem(f({ equivalentSystem: true, recipientMeasures: null }))?.key).toBe("provisions.errors.measuresRequired");
  });
});

describe("joint use notice", () => {
  it("names the items, the partners, the purpose and the responsible party", () => {
    const text = jointUseNotice({ purpose: "P", partners: "A社", dataItems: "氏名", responsibleName: "RUFT株式会社", responsibleAddress: "東京都", responsibleRepresentative: "代表取締役 田中 誠" });
    expect(text).toContain("共同して利用される個人データの項目：氏名");
    expect(text).toContain("RUFT株式会社（住所：東京都、代表者：代表取締役 田中 誠）");
  });
});
