import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { translateKey } from "@/lib/i18n/messages";

/**
 * A count of people or records is written with the language's thousands separators: "約 85,000 人",
 * "about 85,000 persons", "全 12,345 件". A plain ICU argument `{count}` prints the number as it is
 * ("約 85000 人"); `{count, number}` and the `#` of a plural format it for the locale. Every count-like
 * argument in both message files must therefore be one of those — and the callers pass the number, not
 * a string formatted beforehand (that would print "NaN").
 */

type Messages = { [key: string]: string | Messages };

function leaves(obj: Messages, prefix = ""): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}

const load = (locale: string) => JSON.parse(readFileSync(path.join(__dirname, `${locale}.json`), "utf8")) as Messages;

/** Arguments that hold a count of people, records or occurrences wherever they appear. */
const COUNT_ARGUMENTS = new Set([
  "count", "total", "inserted", "updated", "unchanged", "created", "shown",
  "required", "compliant", "dueSoon", "overdue", "exempt",
  "planned", "done", "open", "passing", "failing", "unverified", "late", "reportedToBody",
  "departments", "departmentsCovered", "expired", "soon", "held", "scheduled",
  "registerReviews", "itemsInUse", "itemsReviewed", "riskReviews", "riskChanges",
]);

/** A plain `{name}` of a count argument (not `{name, number}`, not `{name, plural, …}`), unless it is a percentage ("{total}%"). */
function plainCounts(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}(?!%)/g)].map((m) => m[1]).filter((name) => COUNT_ARGUMENTS.has(name) || /^workers_/.test(name));
}

describe("counts are formatted for the locale", () => {
  for (const locale of ["ja", "en"] as const) {
    it(`no ${locale} message prints a count argument unformatted`, () => {
      const found = leaves(load(locale)).flatMap(([key, message]) => plainCounts(message).map((name) => `${key}: {${name}}`));
      expect(found).toEqual([]);
    });
  }

  it("a register item's persons, in Japanese and in English", () => {
    expect(translateKey("ja", "registerRisks.links.personCount", { count: 85000 })).toBe("約 85,000 人");
    expect(translateKey("ja", "registerRisks.links.suggestedPersons", { count: 1234567 })).toBe("選んだ項目の本人は約 1,234,567 人です。");
    expect(translateKey("en", "registerRisks.links.personCount", { count: 85000 })).toBe("about 85,000 persons");
  });

  it("an incident's persons affected and a list's total", () => {
    expect(translateKey("ja", "incidents.detail.personsCount", { count: 12000 })).toBe("12,000人");
    expect(translateKey("en", "incidents.detail.personsCount", { count: 12000 })).toBe("12,000");
    expect(translateKey("ja", "common.pageOf", { page: 1, pages: 618, total: 12345 })).toBe("1 / 618 ページ（全 12,345 件）");
    expect(translateKey("en", "common.pageOf", { page: 1, pages: 618, total: 12345 })).toBe("Page 1 of 618 (12,345 in all)");
  });

  it("counts inside a select branch and several in one message", () => {
    expect(translateKey("ja", "evidence.child.toggle", { state: "ready", count: 1500 })).toBe("証跡ファイル（1,500件）");
    expect(translateKey("ja", "employees.import.done", { inserted: 1200, updated: 3400, unchanged: 56789 })).toBe(
      "取り込みが完了しました。新規登録 1,200件、更新 3,400件、変更なし 56,789件。",
    );
  });
});
