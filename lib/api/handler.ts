import "server-only";
import { cookies } from "next/headers";
import type { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/roles";
import { LOCALE_COOKIE, pickLocale, type Locale } from "@/lib/i18n/config";
import { GZIP_MIN_BYTES, apiCacheControl, withApiCacheControl } from "@/lib/security/headers";
import { appOrigin, checkWriteOrigin, isStateChanging } from "@/lib/security/origin";
import {
  MULTIPART_OVERHEAD_BYTES,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  bodyTypeAccepted,
  declaredLength,
  jsonLimit,
  limitStream,
  readLimited,
  readLimitedForm,
  uploadLimit,
  type BodyKind,
} from "@/lib/security/body";
import { unstorableFormFields, unstorableParamNames, unstorableTextPaths } from "@/lib/security/text";
import { issuesToFieldErrors } from "@/lib/validation/issues";
import { AppError, BadRequestError, ForbiddenError, UnauthorizedError, ValidationError, fromDatabaseError, type FieldError } from "./errors";
import type { OperationDef } from "./operation";
import { problemResponse } from "./problem";
import { emitWrite } from "./write-events";

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export type HandlerContext<P, Q, B> = {
  req: Request;
  user: SessionUser;
  locale: Locale;
  params: P;
  query: Q;
  body: B;
  /** The raw multipart form, for uploads. */
  form?: FormData;
  /** A binary upload's body, counted: it fails with 413 once more than the cap has come (never read ahead). */
  stream?: ReadableStream<Uint8Array>;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export type HandleOptions = {
  /** An upload's own file limit in bytes; PMS_MAX_UPLOAD_BYTES caps it (lib/security/body.ts uploadLimit). */
  maxUploadBytes?: number;
};

/** 403 for a write that did not come from the app's own pages (docs/security.md, "Writes"). */
export class CrossOriginError extends AppError {
  constructor() {
    super(403, "cross-origin", "problems.crossOriginWrite");
  }
}

/**
 * The one way a route handler is written: request gate → session → role → validated input → domain
 * code → JSON. The gate (docs/security.md, "Writes" and "Request bodies") runs before anything else
 * on a state-changing request and before its body is read: 403 unless it comes from the app's own
 * origin, 415 unless its Content-Type is the one the operation reads, 413 when Content-Length is over
 * the cap; the body is then read through a byte counter (413 as soon as the cap is passed). After
 * that: 401 without a session, 403 with a role not in the operation's `roles`, 400 with per-field
 * messages for bad input (text Postgres cannot store included); typed errors become problem+json; a
 * database error a client can cause becomes a 4xx, never a 500.
 */
export function handle<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined>(
  op: OperationDef<P, Q, B>,
  fn: (ctx: HandlerContext<Out<P>, Out<Q>, Out<B>>) => Promise<unknown>,
  options: HandleOptions = {},
) {
  const kind: BodyKind = op.multipart ? "multipart" : op.binary ? "binary" : op.body ? "json" : "none";
  const upload = kind === "multipart" || kind === "binary";
  return async (req: Request, route: RouteContext): Promise<Response> => {
    const locale = await requestLocale(req);
    const instance = new URL(req.url).pathname;
    try {
      const limit = upload ? uploadLimit(options.maxUploadBytes) : jsonLimit();
      // An upload's cap leaves room for the multipart framing around the file; the file itself is held to `limit`.
      const cap = kind === "multipart" ? limit + MULTIPART_OVERHEAD_BYTES : limit;
      const tooLarge = () => new PayloadTooLargeError(limit, upload ? "upload" : "json");
      if (isStateChanging(req.method)) {
        if (!checkWriteOrigin(req.method, req.headers, appOrigin(req.url)).ok) throw new CrossOriginError();
        if (!bodyTypeAccepted(kind, req.headers)) throw new UnsupportedMediaTypeError(kind);
        if (kind !== "none" && (declaredLength(req.headers) ?? 0) > cap) throw tooLarge();
      }

      // A public operation (handlePublic) answers without a session; every other one needs a session and a role.
      const user = op.public ? null : await getCurrentUser();
      if (!op.public) {
        if (!user) throw new UnauthorizedError();
        if (!op.roles.includes(user.role)) throw new ForbiddenError();
      }

      const rawParams = (await route?.params) ?? {};
      const rawQuery = searchParamsObject(new URL(req.url).searchParams);
      refuseUnstorable([...unstorableParamNames(rawParams), ...unstorableParamNames(rawQuery)]);
      const params = op.params ? parse(op.params, rawParams) : undefined;
      const query = op.query ? parse(op.query, rawQuery) : undefined;
      let body: unknown;
      let form: FormData | undefined;
      let stream: ReadableStream<Uint8Array> | undefined;
      if (kind === "multipart") {
        form = await readLimitedForm(req, cap, tooLarge, () => new BadRequestError("problems.badMultipart"));
        refuseUnstorable(unstorableFormFields(form.entries()));
      } else if (kind === "binary") {
        stream = limitStream(req.body ?? new ReadableStream({ start: (c) => c.close() }), cap, tooLarge);
      } else if (kind === "json") {
        const raw = new TextDecoder().decode(await readLimited(req.body, cap, tooLarge));
        let json: unknown;
        try {
          json = raw ? JSON.parse(raw) : {};
        } catch {
          throw new BadRequestError("problems.badJson");
        }
        refuseUnstorable(unstorableTextPaths(json));
        body = parse(op.body!, json);
      }
      const result = await fn({ req, user, locale, params, query, body, form, stream } as HandlerContext<Out<P>, Out<Q>, Out<B>>);
      if (op.method !== "get") emitWrite();
      if (result instanceof Response) return withApiCacheControl(result, null);
      if (op.successStatus === 204) return new Response(null, { status: 204, headers: { "cache-control": apiCacheControl(0) } });
      const json = JSON.stringify(result ?? null);
      // UTF-8 takes at least one byte per UTF-16 unit: a long string need not be counted byte by byte.
      const bytes = json.length >= GZIP_MIN_BYTES ? json.length : Buffer.byteLength(json);
      return new Response(json, {
        status: op.successStatus ?? 200,
        headers: { "content-type": "application/json", "cache-control": apiCacheControl(bytes) },
      });
    } catch (err) {
      return errorResponse(err, locale, instance);
    }
  };
}

/**
 * A route handler of a public operation (`public: true`, e.g. the requests intake page's form): the
 * same gate, input validation and error answers as handle(), without a session — so its code gets no
 * user. Anything it writes must be limited some other way (per client address).
 */
export function handlePublic<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined>(
  op: OperationDef<P, Q, B>,
  fn: (ctx: Omit<HandlerContext<Out<P>, Out<Q>, Out<B>>, "user">) => Promise<unknown>,
  options: HandleOptions = {},
) {
  if (!op.public) throw new Error(`handlePublic: ${op.id} is not declared public`);
  return handle(op, ({ req, locale, params, query, body, form, stream }) => fn({ req, locale, params, query, body, form, stream }), options);
}

/** 400 naming every field whose text Postgres cannot store (NUL, a lone surrogate). */
function refuseUnstorable(fields: string[]): void {
  if (!fields.length) return;
  const errors: FieldError[] = fields.map((field) => ({ field, code: "invalid_characters", messageKey: "validation.unstorableText" }));
  throw new ValidationError(errors, "problems.unstorableText");
}

export function errorResponse(err: unknown, locale: Locale, instance?: string): Response {
  // A problem+json is a few hundred bytes: no-store, no-transform (lib/security/headers.ts apiCacheControl).
  return withApiCacheControl(problemFor(err, locale, instance), 0);
}

function problemFor(err: unknown, locale: Locale, instance?: string): Response {
  if (err instanceof AppError) return problemResponse(err, locale, instance);
  const mapped = fromDatabaseError(err);
  if (mapped) return problemResponse(mapped, locale, instance);
  console.error("Unhandled error in", instance, err);
  return problemResponse(new AppError(500, "internal", "problems.internal"), locale, instance);
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input, { reportInput: true });
  if (!r.success) throw new ValidationError(issuesToFieldErrors(r.error.issues));
  return r.data;
}

/** Repeated keys (?department=1&department=2) become arrays; single ones stay strings. */
export function searchParamsObject(sp: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(sp.keys())) {
    const all = sp.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

/** The caller's language for an API answer: the NEXT_LOCALE cookie, then Accept-Language. */
export async function requestLocale(req: Request): Promise<Locale> {
  let cookie: string | undefined;
  try {
    cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  } catch {
    cookie = /(?:^|;\s*)NEXT_LOCALE=(\w+)/.exec(req.headers.get("cookie") ?? "")?.[1];
  }
  return pickLocale(cookie, req.headers.get("accept-language"));
}
