import { describe, expect, it } from "vitest";
import {
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  bodyTypeAccepted,
  declaredLength,
  formatBytes,
  limitStream,
  mediaType,
  readLimited,
  readLimitedForm,
  uploadLimit,
} from "./body";

const h = (init: Record<string, string>) => new Headers(init);

/** A lazy source of `total` bytes in `chunk`-sized pieces that counts what was pulled from it. */
function source(total: number, chunk = 64 * 1024) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled >= total) return controller.close();
        const n = Math.min(chunk, total - state.pulled);
        state.pulled += n;
        controller.enqueue(new Uint8Array(n).fill(0x61));
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

class TooBig extends Error {}

describe("formatBytes", () => {
  it.each([
    [20 * 1024 * 1024, "20 MB"],
    [1024 * 1024, "1 MB"],
    [1.5 * 1024 * 1024, "1.5 MB"],
    [512 * 1024, "512 KB"],
    [300, "300 bytes"],
  ])("%d → %s", (n, s) => expect(formatBytes(n)).toBe(s));
});

describe("errors", () => {
  it("413 names the limit; the upload flavour speaks of the file", () => {
    const json = new PayloadTooLargeError(1024 * 1024);
    expect([json.status, json.type, json.messageKey, json.values]).toEqual([413, "payload-too-large", "problems.bodyTooLarge", { max: "1 MB" }]);
    expect(new PayloadTooLargeError(5 * 1024 * 1024, "upload").messageKey).toBe("problems.uploadTooLarge");
  });

  it("415 says what the operation expects", () => {
    expect(new UnsupportedMediaTypeError("json").messageKey).toBe("problems.needsJson");
    expect(new UnsupportedMediaTypeError("multipart").messageKey).toBe("problems.needsMultipart");
    expect(new UnsupportedMediaTypeError("none").status).toBe(415);
  });
});

describe("mediaType and bodyTypeAccepted", () => {
  it("reads the essence, without parameters and case", () => {
    expect(mediaType(h({ "content-type": "Application/JSON; charset=UTF-8" }))).toBe("application/json");
    expect(mediaType(h({}))).toBeUndefined();
  });

  it("a JSON operation takes application/json only (charset allowed)", () => {
    expect(bodyTypeAccepted("json", h({ "content-type": "application/json" }))).toBe(true);
    expect(bodyTypeAccepted("json", h({ "content-type": "application/json;charset=utf-8" }))).toBe(true);
    for (const t of ["text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp", "application/json-patch+json"]) {
      expect(bodyTypeAccepted("json", h({ "content-type": t })), t).toBe(false);
    }
    expect(bodyTypeAccepted("json", h({}))).toBe(false);
  });

  it("an upload takes multipart/form-data only", () => {
    expect(bodyTypeAccepted("multipart", h({ "content-type": "multipart/form-data; boundary=----x" }))).toBe(true);
    expect(bodyTypeAccepted("multipart", h({ "content-type": "application/json" }))).toBe(false);
    expect(bodyTypeAccepted("multipart", h({ "content-type": "text/plain" }))).toBe(false);
  });

  it("an operation without a body accepts no type or JSON, and refuses what forms send", () => {
    expect(bodyTypeAccepted("none", h({}))).toBe(true);
    expect(bodyTypeAccepted("none", h({ "content-type": "application/json" }))).toBe(true);
    for (const t of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      expect(bodyTypeAccepted("none", h({ "content-type": t })), t).toBe(false);
    }
  });
});

describe("declaredLength", () => {
  it("a plain decimal or nothing", () => {
    expect(declaredLength(h({ "content-length": "123" }))).toBe(123);
    expect(declaredLength(h({}))).toBeUndefined();
    expect(declaredLength(h({ "content-length": "1e9" }))).toBeUndefined();
    expect(declaredLength(h({ "content-length": "-1" }))).toBeUndefined();
  });
});

describe("limitStream", () => {
  it("passes a body within the cap through unchanged", async () => {
    const { stream } = source(100_000, 10_000);
    const bytes = await readLimited(limitStream(stream, 100_000, () => new TooBig()), Infinity, () => new TooBig());
    expect(bytes.byteLength).toBe(100_000);
  });

  it("fails once the cap is passed and pulls no further than one chunk beyond it", async () => {
    const chunk = 64 * 1024;
    const { stream, state } = source(200 * 1024 * 1024, chunk);
    const reader = limitStream(stream, 1024 * 1024, () => new TooBig()).getReader();
    let error: unknown;
    try {
      for (;;) if ((await reader.read()).done) break;
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TooBig);
    expect(state.pulled).toBeLessThanOrEqual(1024 * 1024 + chunk);
    expect(state.pulled).toBeGreaterThan(1024 * 1024);
  });
});

describe("readLimited", () => {
  it("reads a missing body as empty and a small one whole", async () => {
    expect((await readLimited(null, 10, () => new TooBig())).byteLength).toBe(0);
    const body = new Response("hello world").body;
    expect(new TextDecoder().decode(await readLimited(body, 11, () => new TooBig()))).toBe("hello world");
  });

  it("throws at the first byte over the cap without reading the rest", async () => {
    const { stream, state } = source(50 * 1024 * 1024, 4096);
    await expect(readLimited(stream, 100_000, () => new TooBig())).rejects.toBeInstanceOf(TooBig);
    expect(state.pulled).toBeLessThanOrEqual(100_000 + 4096);
  });
});

describe("readLimitedForm", () => {
  const req = (body: BodyInit | ReadableStream<Uint8Array>, type: string) =>
    new Request("http://localhost/x", { method: "POST", body, headers: { "content-type": type }, duplex: "half" } as RequestInit);

  it("parses a form within the cap", async () => {
    const fd = new FormData();
    fd.set("mode", "preview");
    fd.set("file", new File(["a,b\n1,2\n"], "x.csv"));
    const encoded = new Response(fd);
    const form = await readLimitedForm(req(await encoded.arrayBuffer(), encoded.headers.get("content-type")!), 10_000, () => new TooBig(), () => new Error("bad"));
    expect(form.get("mode")).toBe("preview");
    expect(await (form.get("file") as File).text()).toBe("a,b\n1,2\n");
  });

  it("an endless upload fails with tooLarge after about the cap", async () => {
    const { stream, state } = source(200 * 1024 * 1024);
    const head = new TextEncoder().encode('--b\r\ncontent-disposition: form-data; name="file"; filename="x.csv"\r\n\r\n');
    let sentHead = false;
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          if (!sentHead) {
            sentHead = true;
            return controller.enqueue(head);
          }
          const r = await reader.read();
          if (r.done) controller.close();
          else controller.enqueue(r.value);
        },
      },
      { highWaterMark: 0 },
    );
    const reader = stream.getReader();
    await expect(readLimitedForm(req(body, "multipart/form-data; boundary=b"), 2 * 1024 * 1024, () => new TooBig(), () => new Error("bad"))).rejects.toBeInstanceOf(TooBig);
    expect(state.pulled).toBeLessThanOrEqual(2 * 1024 * 1024 + 64 * 1024);
  });

  it("a body that is not multipart is malformed", async () => {
    await expect(readLimitedForm(req("not a form", "multipart/form-data; boundary=b"), 10_000, () => new TooBig(), () => new Error("bad"))).rejects.toThrow("bad");
  });
});

describe("uploadLimit", () => {
  it("is an upload's own limit, never more than PMS_MAX_UPLOAD_BYTES (20 MB by default)", () => {
    expect(uploadLimit()).toBe(20 * 1024 * 1024);
    expect(uploadLimit(5 * 1024 * 1024)).toBe(5 * 1024 * 1024);
    expect(uploadLimit(50 * 1024 * 1024)).toBe(20 * 1024 * 1024);
  });
});
