import type { z } from "zod";
import type { Role } from "@/lib/auth/roles";

/**
 * One declaration per API operation: path, roles, input schemas and an example. The route handler
 * binds it to code with `handle()`; the OpenAPI document is generated from the same declarations
 * (lib/api/openapi.ts), so the roles in `x-roles` are the roles the server enforces.
 */
export type OperationDef<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
> = {
  id: string;
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI path, e.g. /api/v1/employees/{id} */
  path: string;
  roles: readonly Role[];
  /** Answers without a session (health, the OpenAPI document). */
  public?: boolean;
  summary: string;
  description?: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** A request body that succeeds when a privacy_manager sends it against the demo data. */
  example?: unknown;
  /** Path parameters that go with `example` (default: id 1), e.g. a retired row for a restore. */
  paramsExample?: Record<string, string | number>;
  /** multipart/form-data upload (CSV import) instead of JSON. */
  multipart?: { fields: Record<string, { type: "string" | "binary"; description: string }>; required: string[] };
  /**
   * The body is one file's bytes as `application/octet-stream`, handed to the handler as a counted
   * stream (`ctx.stream`) rather than read into memory: evidence uploads (docs/domain.md). The facts
   * about the file travel in the query.
   */
  binary?: { description: string };
  /** Response schema for the document. */
  response?: z.ZodType;
  /** Non-JSON success body (CSV, iCalendar …); several when a parameter picks the format (a list export's CSV or .xlsx). */
  produces?: string | readonly string[];
  successStatus?: 200 | 201 | 204;
  /** A per-user request limit applies (429 with Retry-After): what is counted, for the document. */
  rateLimit?: string;
};

const registry = new Map<string, OperationDef>();

export function defineOperation<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(def: OperationDef<P, Q, B>): OperationDef<P, Q, B> {
  registry.set(def.id, def as OperationDef);
  return def;
}

export function registeredOperations(): OperationDef[] {
  return [...registry.values()];
}
