import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every visible string comes from messages/ja.json and messages/en.json: the two files must have the
 * same keys (deep), no empty strings, and the same ICU placeholders ({name}) in both languages.
 */

type Messages = { [key: string]: string | Messages };

function load(locale: string): Messages {
  return JSON.parse(readFileSync(path.join(__dirname, `${locale}.json`), "utf8")) as Messages;
}

/** Dotted path → string value, for every leaf. Non-string leaves are reported as problems. */
function flatten(obj: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (obj && typeof obj === "object" && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, obj);
  }
  return out;
}

/**
 * The argument names an ICU message uses: `{name}`, `{count, plural, …}`, `{d, date}`; the nested
 * text of plural/select branches is searched too, but branch keywords (one, other, =0) are not names.
 */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const scan = (s: string) => {
    let i = 0;
    while (i < s.length) {
      const ch = s[i];
      if (ch === "'" && s[i + 1] === "'") {
        i += 2;
        continue;
      }
      if (ch === "'" && (s[i + 1] === "{" || s[i + 1] === "}")) {
        // Quoted literal text: skip to the closing quote.
        const end = s.indexOf("'", i + 1);
        i = end === -1 ? s.length : end + 1;
        continue;
      }
      if (ch === "{") {
        const end = matching(s, i);
        const inner = s.slice(i + 1, end);
        const comma = inner.indexOf(",");
        const name = (comma === -1 ? inner : inner.slice(0, comma)).trim();
        if (name) names.add(name);
        if (comma !== -1) {
          // Branches of plural/select: `other {…}` — scan their bodies.
          const rest = inner.slice(comma + 1);
          let j = 0;
          while (j < rest.length) {
            if (rest[j] === "{") {
              const e = matching(rest, j);
              scan(rest.slice(j + 1, e));
              j = e + 1;
            } else j++;
          }
        }
        i = end + 1;
        continue;
      }
      i++;
    }
  };
  scan(message);
  return [...names].sort();
}

function matching(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === "{") depth++;
    else if (s[i] === "}" && --depth === 0) return i;
  }
  return s.length;
}

/** Every problem between two message trees, as readable lines (empty when they agree). */
function compareMessages(ja: unknown, en: unknown): string[] {
  const a = flatten(ja);
  const b = flatten(en);
  const problems: string[] = [];
  for (const key of a.keys()) if (!b.has(key)) problems.push(`missing in en.json: ${key}`);
  for (const key of b.keys()) if (!a.has(key)) problems.push(`missing in ja.json: ${key}`);
  for (const [name, map] of [
    ["ja.json", a],
    ["en.json", b],
  ] as const) {
    for (const [key, value] of map) {
      if (typeof value !== "string") problems.push(`${name}: ${key} is not a string`);
      else if (value.trim() === "") problems.push(`${name}: ${key} is empty`);
    }
  }
  for (const [key, va] of a) {
    const vb = b.get(key);
    if (typeof va !== "string" || typeof vb !== "string") continue;
    const pa = placeholders(va).join(", ");
    const pb = placeholders(vb).join(", ");
    if (pa !== pb) problems.push(`placeholders differ at ${key}: ja {${pa}} vs en {${pb}}`);
  }
  return problems;
}

describe("messages", () => {
  const ja = load("ja");
  const en = load("en");

  it("ja.json and en.json have the same keys, no empty strings and the same placeholders", () => {
    expect(compareMessages(ja, en)).toEqual([]);
  });

  it("no key contains a dot (next-intl reads a dot as nesting and refuses the whole file at run time)", () => {
    const dotted = (m: unknown, path: string[] = []): string[] =>
      m && typeof m === "object" ? Object.entries(m).flatMap(([k, v]) => [...(k.includes(".") ? [[...path, k].join(" › ")] : []), ...dotted(v, [...path, k])]) : [];
    expect([...dotted(ja), ...dotted(en)]).toEqual([]);
  });

  it("has messages at all", () => {
    expect(flatten(ja).size).toBeGreaterThan(10);
  });

  describe("the check can fail", () => {
    const clone = () => JSON.parse(JSON.stringify(en)) as Messages;

    it("on a key missing from one language", () => {
      const broken = clone();
      delete (broken.auth as Messages).title;
      expect(compareMessages(ja, broken)).toContain("missing in en.json: auth.title");
      expect(compareMessages(broken, ja)).toContain("missing in ja.json: auth.title");
    });

    it("on a nested key added to one side only", () => {
      const broken = clone();
      (broken.auth as Messages).extra = { deep: "x" };
      expect(compareMessages(ja, broken)).toContain("missing in ja.json: auth.extra.deep");
    });

    it("on an empty string", () => {
      const broken = clone();
      (broken.auth as Messages).title = " ";
      expect(compareMessages(ja, broken)).toContain("en.json: auth.title is empty");
    });

    it("on a placeholder that differs", () => {
      const broken = clone();
      (broken.auth as Messages).demoHelp = "Every password is {pass}.";
      expect(compareMessages(ja, broken).some((p) => p.startsWith("placeholders differ at auth.demoHelp"))).toBe(true);
    });
  });

  it("no incident status reads as a report to the regulator made (issue 14): a just-logged incident owes its reports", () => {
    // The words of the reports an incident owes: "report" in English, 報告 in Japanese.
    const reportWord = { ja: /報告/, en: /report/i } as const;
    for (const [locale, tree] of [["ja", ja], ["en", en]] as const) {
      const incidents = tree.incidents as Messages;
      const statuses = Object.entries(incidents.statuses as Messages).filter(([k]) => k !== "open");
      expect(statuses.filter(([, v]) => reportWord[locale].test(String(v))), `${locale}: incidents.statuses`).toEqual([]);
      // The timeline's first entry and the workflow error name the same first step.
      expect(String((incidents.workflow as Messages).created), `${locale}: incidents.workflow.created`).not.toMatch(reportWord[locale]);
      expect(String((incidents.errors as Messages).notNextStep)).toContain(locale === "en" ? String((incidents.statuses as Messages).reported).toLowerCase() : String((incidents.statuses as Messages).reported));
    }
  });

  describe("English reads as English (issue 14)", () => {
    /** Japanese punctuation: full-width brackets and quotes, the middle dot, the comma and full stop, the full-width colon. */
    const JA_PUNCTUATION = /[（）「」『』・、。：]/;
    /** A count printed beside an English noun without a plural form ("1 days"): use {n, plural, one {# day} other {# days}}. */
    const BARE_COUNT = /\{(?!fy\})\w+\}\s+(days|months|years|weeks|hours|minutes|persons|people|incidents|items|records|findings|employees|courses|times)\b/;

    it("no Japanese punctuation in en.json", () => {
      expect([...flatten(en)].filter(([, v]) => JA_PUNCTUATION.test(String(v))).map(([k, v]) => `${k}: ${String(v)}`)).toEqual([]);
    });

    it("every count shown beside an English noun has its plural forms", () => {
      expect([...flatten(en)].filter(([, v]) => BARE_COUNT.test(String(v))).map(([k, v]) => `${k}: ${String(v)}`)).toEqual([]);
    });

    it("no component glues Japanese punctuation around translated text (use common.inParens / common.dot)", () => {
      const root = path.join(__dirname, "..");
      const files = ["components", "app"].flatMap((dir) => readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".tsx")).map((f) => path.join(dir, f)));
      expect(files.length).toBeGreaterThan(20);
      const glued: string[] = [];
      for (const file of files)
        readFileSync(path.join(root, file), "utf8")
          .split("\n")
          .forEach((line, i) => {
            const code = line.trim();
            if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*") || code.startsWith("{/*")) return;
            if (/[（）「」・]/.test(code)) glued.push(`${file}:${i + 1}: ${code}`);
          });
      expect(glued).toEqual([]);
    });

    it("the checks can fail", () => {
      expect(JA_PUNCTUATION.test("Findings（2）")).toBe(true);
      expect(BARE_COUNT.test("Average {days} days")).toBe(true);
      expect(BARE_COUNT.test("{days, plural, one {# day} other {# days}}")).toBe(false);
    });
  });

  it("reads ICU placeholders, including plural branches", () => {
    expect(placeholders("{count, plural, one {# item in {place}} other {# items}} by {name}")).toEqual(["count", "name", "place"]);
    expect(placeholders("no args, '{quoted}' text")).toEqual([]);
    expect(placeholders("{d, date, short}")).toEqual(["d"]);
  });
});
