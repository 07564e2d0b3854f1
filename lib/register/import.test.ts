import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv/parse";
import { REGISTER_CSV_COLUMNS, parseEnumCell, resolvePurposes, splitList, validateRegisterRows } from "./import";

const HEADER_JA = "管理番号,個人情報の名称,種類,本人の区分,項目,件数（概数）,取得方法,利用目的,委託先,第三者提供・共同利用,提供・共同利用の根拠,最終見直し日";
const rows = (text: string) => parseCsv(text, { columns: REGISTER_CSV_COLUMNS }).rows;

describe("register import rows", () => {
  it("reads Japanese headers, labels and lists", () => {
    const r = validateRegisterRows(
      rows(`${HEADER_JA}\npi-001,RUFT利用者登録情報,個人情報,利用者、契約者,"氏名、メールアドレス",\"12,000\",本人から書面で直接,"P1\nP3",株式会社スカイホスティング,なし,,2026/04/01\n`),
    );
    expect(r.issues).toEqual([]);
    expect(r.rows[0]).toMatchObject({
      line: 2,
      input: { code: "PI-001", kind: "personal", dataSubjects: ["利用者", "契約者"], dataItems: ["氏名", "メールアドレス"], personCount: 12000, acquisitionMethod: "direct_written", provision: "none", lastReviewedOn: "2026-04-01", reviewIntervalMonths: 12 },
      purposesCell: "P1\nP3",
      contractorRefs: ["株式会社スカイホスティング"],
      departmentRef: null,
    });
  });

  it("reads English headers and labels, and codes", () => {
    const r = validateRegisterRows(rows(`Item code,Personal information,Kind,How acquired,Form\nA-1,Applicants,Includes special care-required information,from a third party,paper\n`));
    // Sensitive information without the consent recorded is refused, by column.
    expect(r.issues).toEqual([expect.objectContaining({ line: 2, column: "noticeOrConsent", messageKey: "register.errors.sensitiveConsent" })]);
    const ok = validateRegisterRows(rows(`Item code,Personal information,Kind,How acquired,Form\nA-1,Cookies,person_related,third_party,electronic\n`));
    expect(ok.rows[0].input).toMatchObject({ kind: "person_related", acquisitionMethod: "third_party", form: "electronic" });
  });

  it("names every bad cell of a line, once, and duplicate codes", () => {
    const r = validateRegisterRows(rows(`${HEADER_JA}\n,名称,秘密,,,-5,郵送,,,第三者提供,,2026-02-30\nX-1,a,,,,,本人から（書面以外）,,,,,\nx-1,b,,,,,第三者から,,,,,\nX-2,c,,,,,第三者から,,,第三者提供,,\n`));
    const byColumn = r.issues.filter((i) => i.line === 2).map((i) => `${i.column}:${i.messageKey}`);
    expect(byColumn).toEqual(
      expect.arrayContaining([
        "code:validation.required",
        "kind:register.import.errors.enum",
        "acquisitionMethod:register.import.errors.enum",
        "personCount:validation.tooSmall",
        "lastReviewedOn:validation.date",
      ]),
    );
    expect(byColumn.filter((c) => c.startsWith("acquisitionMethod:"))).toHaveLength(1);
    expect(r.issues.find((i) => i.line === 4)).toMatchObject({ column: "code", messageKey: "register.import.errors.duplicateInFile", values: { line: 3 } });
    // Rules across fields once the cells themselves are right.
    expect(r.issues.filter((i) => i.line === 5).map((i) => `${i.column}:${i.messageKey}`)).toEqual(["provisionBasis:register.errors.provisionBasisRequired"]);
    expect(r.rows.map((x) => x.line)).toEqual([3]);
  });
});

describe("cells", () => {
  it("enumerations by code, Japanese or English label (width and case folded)", () => {
    expect(parseEnumCell("kind", "要配慮個人情報を含む")).toBe("sensitive");
    expect(parseEnumCell("kind", "ANONYMIZED")).toBe("anonymized");
    expect(parseEnumCell("form", "電子・紙")).toBe("both");
    expect(parseEnumCell("provision", "共同利用")).toBe("joint_use");
    expect(parseEnumCell("kind", "")).toBeUndefined();
    expect(parseEnumCell("kind", "個人")).toBeNull();
  });
  it("lists split at 、 , ; and new lines", () => {
    expect(splitList("氏名、住所,電話番号;メール\n氏名")).toEqual(["氏名", "住所", "電話番号", "メール"]);
    expect(splitList(undefined)).toEqual([]);
  });
  it("purposes by number, (n), text, or 'P1 text' per line, whose text may hold 、", () => {
    const ps = [
      { id: 10, code: "P1", text: "利用者の契約者登録、利用者登録、本人確認のため" },
      { id: 11, code: "P2", text: "利用代金決済のため" },
    ];
    expect(resolvePurposes("P1 利用者の契約者登録、利用者登録、本人確認のため\nP2 利用代金決済のため", ps)).toEqual({ ids: [10, 11], unknown: [] });
    expect(resolvePurposes("(1)、2", ps)).toEqual({ ids: [10, 11], unknown: [] });
    expect(resolvePurposes("利用代金決済のため、P9", ps)).toEqual({ ids: [11], unknown: ["P9"] });
  });
});
