import { decodeCsvBytes, type DetectedEncoding } from "@/lib/csv/decode";

/**
 * Text Postgres cannot store (docs/security.md, "Invalid text"): `text` and `jsonb` refuse U+0000
 * (the query fails, which used to surface as a 500), and a lone UTF-16 surrogate — which JSON can
 * carry as a "\ud800" escape — is silently turned into U+FFFD on the way in. Both are refused at the
 * door with a per-field message instead. Pure: used by the route helper (JSON bodies, query and path
 * parameters, multipart fields) and by the CSV imports (cells).
 */

/** NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, "g");

export function isStorableText(s: string): boolean {
  return !UNSTORABLE.test(s);
}

/** A name as it can be shown in an error: the unstorable characters written as \uXXXX. */
export function printable(s: string): string {
  return s.replace(UNSTORABLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Field paths are written as zod's are (lib/validation/issues.ts): segments joined by dots, "_" for the whole body. */
function joinPath(path: readonly (string | number)[]): string {
  return path.map((p) => printable(String(p))).join(".") || "_";
}

/**
 * The paths of every string (and every object key) in a parsed JSON value that cannot be stored;
 * a bad key is reported at its own path. Iterative, so a deeply nested body cannot overflow the
 * stack; stops after `limit` findings.
 */
export function unstorableTextPaths(value: unknown, limit = 50): string[] {
  // Each entry links to its parent, so a path is only built for a finding (copying it at every
  // level would be quadratic in the depth).
  type Step = { key: string | number; parent: Step | null };
  const pathOf = (step: Step | null): string => {
    const segments: (string | number)[] = [];
    for (let s = step; s; s = s.parent) segments.push(s.key);
    return joinPath(segments.reverse());
  };
  const found: string[] = [];
  const stack: { v: unknown; at: Step | null }[] = [{ v: value, at: null }];
  while (stack.length && found.length < limit) {
    const { v, at } = stack.pop()!;
    if (typeof v === "string") {
      if (!isStorableText(v)) found.push(pathOf(at));
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], at: { key: i, parent: at } });
    } else if (v !== null && typeof v === "object") {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i];
        if (!isStorableText(k)) found.push(pathOf({ key: k, parent: at }));
        else stack.push({ v: child, at: { key: k, parent: at } });
      }
    }
  }
  return found.slice(0, limit);
}

/** Query or path parameters (name → value or values): the names of those that cannot be stored. */
export function unstorableParamNames(params: Record<string, string | string[] | undefined>): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
    if (!isStorableText(name) || values.some((v) => !isStorableText(v))) found.push(printable(name));
  }
  return found;
}

/** Multipart fields: a text value, or the file name of an upload, that cannot be stored. */
export function unstorableFormFields(entries: Iterable<[string, FormDataEntryValue]>): string[] {
  const found = new Set<string>();
  for (const [name, value] of entries) {
    const text = typeof value === "string" ? value : value.name;
    if (!isStorableText(name) || !isStorableText(text)) found.add(printable(name));
  }
  return [...found];
}

export type CsvTextIssue = { line: number; column?: string };

/**
 * Cells of parsed CSV rows that cannot be stored, by line and column key. When the text holds such a
 * character outside every cell the import reads (a header, an unknown column, a malformed row), the
 * physical line of the first one is reported, so the file is still refused.
 */
export function unstorableCsvCells(text: string, rows: readonly { line: number; values: Record<string, string> }[], limit = 200): CsvTextIssue[] {
  if (isStorableText(text)) return [];
  const found: CsvTextIssue[] = [];
  for (const row of rows) {
    for (const [column, value] of Object.entries(row.values)) {
      if (!isStorableText(value)) found.push({ line: row.line, column });
      if (found.length >= limit) return found;
    }
  }
  if (found.length === 0) {
    const at = text.search(UNSTORABLE);
    found.push({ line: text.slice(0, at).split(/\r\n|\r|\n/).length });
  }
  return found;
}

/**
 * Upload bytes → text, like decodeCsvBytes, except that a text file with a few stray NUL bytes is
 * decoded with them kept (so the cells holding them can be named) instead of being refused as
 * unreadable. UTF-16 text and binary files (many NULs, or bytes that are not text once the NULs are
 * left out) are still refused with decodeCsvBytes's CsvError("encoding").
 */
export function decodeCsvUpload(bytes: Uint8Array): { text: string; encoding: DetectedEncoding } {
  try {
    return decodeCsvBytes(bytes);
  } catch (err) {
    const kept = decodeKeepingNul(bytes);
    if (kept) return kept;
    throw err;
  }
}

/** At most one byte in twenty may be NUL: UTF-16 text of any language has far more (every ASCII character, comma and line break). */
const MAX_NUL_SHARE = 1 / 20;

function decodeKeepingNul(bytes: Uint8Array): { text: string; encoding: DetectedEncoding } | undefined {
  let nuls = 0;
  for (const b of bytes) if (b === 0) nuls++;
  if (nuls === 0 || nuls > bytes.length * MAX_NUL_SHARE) return undefined;
  let encoding: DetectedEncoding;
  try {
    encoding = decodeCsvBytes(bytes.filter((b) => b !== 0)).encoding;
  } catch {
    return undefined;
  }
  // NUL is a one-byte character in UTF-8 and Shift_JIS alike, so the same decoder reads the bytes with it.
  const body = encoding === "utf-8-bom" ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder(encoding === "shift_jis" ? "shift_jis" : "utf-8", { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding };
  } catch {
    return undefined; // a NUL inside a multi-byte character: not text after all
  }
}
