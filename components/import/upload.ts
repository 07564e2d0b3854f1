/**
 * Uploads for the CSV import and evidence files, with XMLHttpRequest rather than fetch: only XHR reports upload
 * progress (xhr.upload.onprogress), and it also hands over a streamed response as it arrives
 * (xhr.onprogress), which is how the NDJSON progress lines of a commit are read.
 */

export type UploadResult = { status: number; contentType: string; text: string };

export class NetworkError extends Error {
  constructor() {
    super("network");
    this.name = "NetworkError";
  }
}

export function uploadForm(
  url: string,
  form: FormData | Blob,
  opts: {
    accept: string;
    /** For a Blob body sent as it is (evidence uploads: application/octet-stream); a FormData sets its own. */
    contentType?: string;
    onUploadProgress?: (loaded: number, total: number) => void;
    /** Called with the whole response text so far, each time more arrives. */
    onText?: (text: string) => void;
  },
): { promise: Promise<UploadResult>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadResult>((resolve, reject) => {
    xhr.open("POST", url);
    xhr.setRequestHeader("accept", opts.accept);
    if (opts.contentType) xhr.setRequestHeader("content-type", opts.contentType);
    xhr.responseType = "text";
    if (opts.onUploadProgress) {
      const cb = opts.onUploadProgress;
      xhr.upload.onprogress = (e) => cb(e.loaded, e.lengthComputable ? e.total : 0);
      xhr.upload.onload = () => cb(1, 1);
    }
    if (opts.onText) {
      const cb = opts.onText;
      xhr.onprogress = () => cb(xhr.responseText);
    }
    xhr.onload = () => {
      opts.onText?.(xhr.responseText);
      resolve({ status: xhr.status, contentType: xhr.getResponseHeader("content-type") ?? "", text: xhr.responseText });
    };
    xhr.onerror = () => reject(new NetworkError());
    xhr.onabort = () => reject(new NetworkError());
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

/**
 * Complete lines of a growing NDJSON text, each parsed once: feed it the whole text so far; it
 * returns the objects of the lines finished since the last call. A half-received line waits.
 */
export function ndjsonReader<T = unknown>() {
  let offset = 0;
  return (text: string): T[] => {
    const out: T[] = [];
    let nl = text.indexOf("\n", offset);
    while (nl !== -1) {
      const line = text.slice(offset, nl).trim();
      offset = nl + 1;
      if (line) {
        try {
          out.push(JSON.parse(line) as T);
        } catch {
          /* not a JSON line: ignore */
        }
      }
      nl = text.indexOf("\n", offset);
    }
    return out;
  };
}

export type CommitPhase = "uploading" | "validating" | "inserting" | "finishing";

/**
 * One bar for the whole commit: upload 0–20 %, checking 20–40 %, saving 40–100 % (saving is the
 * slow part of a big file). Whole percent, never past 100.
 */
export function overallPercent(phase: CommitPhase, done: number, total: number): number {
  const part = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const [from, to] = { uploading: [0, 20], validating: [20, 40], inserting: [40, 100], finishing: [100, 100] }[phase];
  return Math.round(from + (to - from) * part);
}
