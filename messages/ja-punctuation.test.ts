import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Japanese text takes the full-width colon "：" after a word, with no space after it ("理由：{reason}",
 * "例：D01"); an ASCII colon stays only where it is part of something written in ASCII — a header
 * ("Content-Type: application/json"), a time format ("HH:mm"), a URL ("https://"), a command
 * ("npm run audit:verify"). The ja messages had both, ": " and "：", one screen to the next.
 */

type Messages = { [key: string]: string | Messages };

function leaves(obj: Messages, prefix = ""): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}

const ja = JSON.parse(readFileSync(path.join(__dirname, "ja.json"), "utf8")) as Messages;

/** Kana, kanji and full-width forms (full-width brackets and punctuation included: "（予定）: …"). */
const JAPANESE = "\\u3000-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff00-\\uffef";

/** Where a message puts an ASCII colon in Japanese text, with the text around it; none when it follows the rule. */
function asciiColonProblems(message: string): string[] {
  const problems: string[] = [];
  const hasJapanese = new RegExp(`[${JAPANESE}]`).test(message);
  // After a Japanese character: "理由: {reason}", "インプット:".
  for (const m of message.matchAll(new RegExp(`[${JAPANESE}]:`, "g"))) problems.push(message.slice(Math.max(0, m.index - 8), m.index + 8));
  // After a placeholder, as a label's colon, in Japanese text: "{type}: 何日前", "{count}: {names}".
  if (hasJapanese) for (const m of message.matchAll(/\}: /g)) problems.push(message.slice(Math.max(0, m.index - 8), m.index + 8));
  return problems;
}

describe("Japanese messages use the full-width colon", () => {
  it("finds the mistakes it is meant to find, and leaves ASCII alone", () => {
    expect(asciiColonProblems("理由: {reason}")).toHaveLength(1);
    expect(asciiColonProblems("記録されたインプット:")).toHaveLength(1);
    expect(asciiColonProblems("監査（予定）: {title}")).toHaveLength(1);
    expect(asciiColonProblems("{type}: 何日前")).toHaveLength(1);
    expect(asciiColonProblems("部門 {count}: {names}")).toHaveLength(1);
    expect(asciiColonProblems("理由：{reason}")).toEqual([]);
    expect(asciiColonProblems("JSON 形式（Content-Type: application/json）で送信")).toEqual([]);
    expect(asciiColonProblems("YYYY-MM-DD HH:mm の形式")).toEqual([]);
    expect(asciiColonProblems("確認できます：npm run audit:verify")).toEqual([]);
    expect(asciiColonProblems("http:// または https:// のアドレス")).toEqual([]);
    // English is not judged: "{status}: {title}" is English punctuation.
    expect(asciiColonProblems("{status}: {title}")).toEqual([]);
  });

  it("no ja message has an ASCII colon after Japanese text", () => {
    const found = leaves(ja).flatMap(([key, message]) => asciiColonProblems(message).map((at) => `${key}: …${at}…`));
    expect(found).toEqual([]);
  });

  it("no ja message puts a space after the full-width colon", () => {
    const found = leaves(ja)
      .filter(([, message]) => /： /.test(message))
      .map(([key, message]) => `${key}: ${message}`);
    expect(found).toEqual([]);
  });
});
