import "server-only";
import { cookies } from "next/headers";
import type { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/roles";
import { LOCALE_COOKIE, pickLocale, type Locale } from "@/lib/i18n/config";
import { issuesToFieldErrors } from "@/lib/validation/issues";
import { AppError, BadRequestError, ForbiddenError, UnauthorizedError, ValidationError, fromDatabaseError } from "./errors";
import type { OperationDef } from "./operation";
import { problemResponse } from "./problem";

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
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * The one way a route handler is written: session → role → validated input → domain code → JSON.
 * 401 without a session, 403 with a role not in the operation's `roles`, 400 with per-field
 * messages for bad input; typed errors become problem+json; a database error a client can cause
 * becomes a 4xx, never a 500.
 */
export function handle<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined>(
  op: OperationDef<P, Q, B>,
  fn: (ctx: HandlerContext<Out<P>, Out<Q>, Out<B>>) => Promise<unknown>,
) {
  return async (req: Request, route: RouteContext): Promise<Response> => {
    const locale = await requestLocale(req);
    const instance = new URL(req.url).pathname;
    try {
      const user = await getCurrentUser();
      if (!user) throw new UnauthorizedError();
      if (!op.roles.includes(user.role)) throw new ForbiddenError();

      const params = op.params ? parse(op.params, (await route?.params) ?? {}) : undefined;
      const query = op.query ? parse(op.query, searchParamsObject(new URL(req.url).searchParams)) : undefined;
      let body: unknown;
      let form: FormData | undefined;
      if (op.multipart) {
        form = await req.formData().catch(() => {
          throw new BadRequestError("problems.badMultipart");
        });
      } else if (op.body) {
        const raw = await req.text();
        let json: unknown;
        try {
          json = raw ? JSON.parse(raw) : {};
        } catch {
          throw new BadRequestError("problems.badJson");
        }
        body = parse(op.body, json);
      }
      const result = await fn({ req, user, locale, params, query, body, form } as HandlerContext<Out<P>, Out<Q>, Out<B>>);
      if (result instanceof Response) return result;
      if (op.successStatus === 204) return new Response(null, { status: 204 });
      return Response.json(result ?? null, { status: op.successStatus ?? 200 });
    } catch (err) {
      return errorResponse(err, locale, instance);
    }
  };
}

export function errorResponse(err: unknown, locale: Locale, instance?: string): Response {
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

async function requestLocale(req: Request): Promise<Locale> {
  let cookie: string | undefined;
  try {
    cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  } catch {
    cookie = /(?:^|;\s*)NEXT_LOCALE=(\w+)/.exec(req.headers.get("cookie") ?? "")?.[1];
  }
  return pickLocale(cookie, req.headers.get("accept-language"));
}
