import { AppError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { formatBytes } from "@/lib/format-bytes";

export { formatBytes };

/**
 * Request bodies (docs/security.md, "Request bodies"): what a state-changing API request may carry,
 * and how much of it is read. A JSON operation takes `application/json` only, an upload
 * `multipart/form-data` only and a streamed file `application/octet-stream` only (415 otherwise),
 * so a `<form enctype="text/plain">` or a no-cors fetch can never be read as an API call. Every body is read through a byte counter that stops at the cap
 * (413), with or without Content-Length; a Content-Length above the cap is refused before reading.
 */

export type BodyKind = "json" | "multipart" | "binary" | "none";

/** Room for the multipart framing (boundaries, part headers, the short text fields) around an upload's file. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** 413: the body (or, for an upload, the file) is larger than `limitBytes`. */
export class PayloadTooLargeError extends AppError {
  constructor(
    readonly limitBytes: number,
    kind: "json" | "upload" = "json",
  ) {
    super(413, "payload-too-large", kind === "upload" ? "problems.uploadTooLarge" : "problems.bodyTooLarge", { max: formatBytes(limitBytes) });
  }
}

/** 415: the body is not of the type the operation reads. */
export class UnsupportedMediaTypeError extends AppError {
  constructor(expected: BodyKind) {
    const key =
      expected === "json"
        ? "problems.needsJson"
        : expected === "multipart"
          ? "problems.needsMultipart"
          : expected === "binary"
            ? "problems.needsOctetStream"
            : "problems.noBodyExpected";
    super(415, "unsupported-media-type", key);
  }
}

/** The largest JSON body (PMS_MAX_JSON_BYTES). */
export function jsonLimit(): number {
  return env().PMS_MAX_JSON_BYTES;
}

/** The largest file an upload takes: its own limit, never more than PMS_MAX_UPLOAD_BYTES. */
export function uploadLimit(own?: number): number {
  const cap = env().PMS_MAX_UPLOAD_BYTES;
  return own === undefined ? cap : Math.min(own, cap);
}

/** The media type without parameters, lower-cased ("application/json; charset=utf-8" → "application/json"). */
export function mediaType(headers: Headers): string | undefined {
  const raw = headers.get("content-type");
  if (raw === null) return undefined;
  const essence = raw.split(";", 1)[0].trim().toLowerCase();
  return essence || undefined;
}

/**
 * Whether the declared type fits what the operation reads. An operation without a body accepts a
 * request that declares no type, or JSON (a client library's empty `{}`; it is never read), and
 * refuses every other type: those are what a cross-site form or no-cors fetch sends.
 */
export function bodyTypeAccepted(kind: BodyKind, headers: Headers): boolean {
  const type = mediaType(headers);
  switch (kind) {
    case "json":
      return type === "application/json";
    case "multipart":
      return type === "multipart/form-data";
    case "binary":
      return type === "application/octet-stream";
    case "none":
      return type === undefined || type === "application/json";
  }
}

/** Content-Length as a number, or undefined when absent or not a plain decimal (then only the counter decides). */
export function declaredLength(headers: Headers): number | undefined {
  const raw = headers.get("content-length");
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return undefined;
  return Number(raw);
}

/**
 * `source` passed through a byte counter: chunks flow on demand (one read of the source per read of
 * the result, so nothing is read ahead), and once more than `maxBytes` have come the stream fails
 * with `tooLarge()` and the source is read no further. The source is not cancelled: in `next start`
 * that would reset the connection before the 413 reaches the client; unread, it just stops.
 */
export function limitStream(source: ReadableStream<Uint8Array>, maxBytes: number, tooLarge: () => Error): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let seen = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        seen += value.byteLength;
        if (seen > maxBytes) {
          reader.releaseLock();
          controller.error(tooLarge());
          return;
        }
        controller.enqueue(value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/** The whole body as bytes, at most `maxBytes` of it; more is `tooLarge()`. A missing body is empty. */
export async function readLimited(body: ReadableStream<Uint8Array> | null, maxBytes: number, tooLarge: () => Error): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      reader.releaseLock();
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * A multipart body parsed from at most `maxBytes` of the request: the counted stream is handed to
 * the platform's form parser, which therefore never holds more than the cap. Over the cap →
 * `tooLarge()`; a body that is not valid multipart → `malformed()`.
 */
export async function readLimitedForm(req: Request, maxBytes: number, tooLarge: () => Error, malformed: () => Error): Promise<FormData> {
  let exceeded: Error | undefined;
  const counted = req.body
    ? limitStream(req.body, maxBytes, () => {
        exceeded = tooLarge();
        return exceeded;
      })
    : null;
  const inner = new Request(req.url, {
    method: "POST",
    headers: { "content-type": req.headers.get("content-type") ?? "" },
    body: counted,
    duplex: "half",
  } as RequestInit & { duplex: "half" });
  try {
    return await inner.formData();
  } catch {
    throw exceeded ?? malformed();
  }
}
