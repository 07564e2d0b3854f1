import { CsvError } from "./parse";

/**
 * Uploaded CSV bytes → text. Japanese Excel saves "CSV (comma delimited)" as Shift_JIS (really
 * Windows-31J / CP932) and "CSV UTF-8" as UTF-8 with a BOM; other tools write UTF-8 without one.
 *
 * Meant for the server (the import route), but it only uses the WHATWG TextDecoder, so it runs in a
 * browser too. TextDecoder's "shift_jis" is the WHATWG Shift_JIS decoder, which is CP932: NEC special
 * characters (①, №, ㈱), NEC-selected and IBM extensions (髙, 﨑), ～ as U+FF5E, and the user-defined
 * area F040–F9FC as private-use characters. Node needs full ICU for it (the official builds have it);
 * decode.test.ts checks the whole CP932 table against iconv-lite.
 */

export type DetectedEncoding = "utf-8" | "utf-8-bom" | "shift_jis";

let utf8: TextDecoder | undefined;
let sjis: TextDecoder | undefined;

function tryDecode(decoder: TextDecoder, bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null; // fatal: the bytes are not valid in this encoding
  }
}

/**
 * Detection: a UTF-8 BOM decides; otherwise bytes that are valid UTF-8 are UTF-8 (pure ASCII
 * included; Shift_JIS text with any kanji or kana is practically never valid UTF-8); otherwise they
 * must be valid Shift_JIS. Throws CsvError("encoding") when neither fits, and for bytes with NUL in
 * them (UTF-16 "Unicode text", an .xlsx or another binary file), which both decoders would accept.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: DetectedEncoding } {
  // ignoreBOM: keep a U+FEFF in the text, so the BOM is stripped here, exactly once.
  utf8 ??= new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode(utf8, bytes.subarray(3));
    if (text === null || text.includes("\0")) throw new CsvError("encoding");
    return { text, encoding: "utf-8-bom" };
  }

  if (bytes.includes(0)) throw new CsvError("encoding");

  const text = tryDecode(utf8, bytes);
  if (text !== null) return { text, encoding: "utf-8" };

  sjis ??= new TextDecoder("shift_jis", { fatal: true });
  const sjisText = tryDecode(sjis, bytes);
  if (sjisText !== null) return { text: sjisText, encoding: "shift_jis" };

  throw new CsvError("encoding");
}
