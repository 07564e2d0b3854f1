import { fileTypeFromBuffer } from "file-type";
import { EVIDENCE_CONTENT_SECURITY_POLICY } from "@/lib/security/headers";
import { PREVIEWABLE_TYPES } from "./schema";

/**
 * What an evidence file is and how it is served (docs/security.md, "Evidence files"). The type is
 * told from the content's first bytes (magic numbers, the `file-type` library), never from the name
 * or the type the browser claims; the answer that serves a file names it so that Japanese names
 * survive (RFC 6266 with RFC 5987's filename*), and no browser may sniff it or run anything in it.
 */

/** Bytes stored per database row: the most an upload or a download holds in memory at once (plus one read). */
export const EVIDENCE_CHUNK_BYTES = 256 * 1024;

/** The first bytes `file-type` needs to tell a type; Office files (ZIP) may need the first chunk. */
export const SNIFF_BYTES = 4100;

/** The media type the content is, or null when its first bytes match no known type. */
export async function detectMediaType(head: Uint8Array): Promise<string | null> {
  const found = await fileTypeFromBuffer(head);
  return found?.mime ?? null;
}

/** RFC 5987 ext-value characters: what encodeURIComponent leaves alone, less ' ( ) * (not attr-chars). */
function encodeExtValue(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Content-Disposition for a stored file (RFC 6266): an ASCII `filename` for old clients (every
 * character outside printable ASCII, and quotes and backslashes, as "_") and `filename*` in UTF-8
 * with the real name, which current browsers prefer — "研修資料 2026.pdf" downloads as that name.
 */
export function contentDisposition(kind: "attachment" | "inline", fileName: string): string {
  const name = fileName.replace(/[\u0000-\u001f\u007f]/g, "").trim() || "evidence";
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(name)}`;
}

export function isPreviewable(mediaType: string): boolean {
  return PREVIEWABLE_TYPES.includes(mediaType);
}

/** Headers of a stored file's answer (the body streams from the database). */
export function evidenceResponseHeaders(file: { fileName: string; mediaType: string; byteSize: number; sha256: string }, kind: "attachment" | "inline"): Headers {
  const inline = kind === "inline" && isPreviewable(file.mediaType);
  return new Headers({
    "Content-Type": file.mediaType,
    "Content-Length": String(file.byteSize),
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.fileName),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": EVIDENCE_CONTENT_SECURITY_POLICY,
    "Cache-Control": "private, no-store",
    // The file's own digest, so a client can check what it got (RFC 9530).
    "Repr-Digest": `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`,
  });
}
