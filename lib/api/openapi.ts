import { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import type { OperationDef } from "./operation";

// registry.register() names a schema with `.openapi(refId)`, which exists only once zod is extended.
extendZodWithOpenApi(z);

const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  /** On a 409 for a stale version: the record's current version. */
  currentVersion: z.number().int().optional(),
});

/** The OpenAPI 3.1 document of every declared operation, from the zod schemas the handlers validate with. */
export function buildOpenApiDocument(operations: OperationDef[], serverUrl = "/") {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "authjs.session-token",
    description: "Auth.js session cookie, set by signing in at /login.",
  });
  const problem = registry.register("Problem", problemSchema);
  const problemContent = { "application/problem+json": { schema: problem } };
  const retryAfter = { "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer" as const, minimum: 1 } } };

  for (const op of [...operations].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method))) {
    const responses: Record<string, { description: string; headers?: typeof retryAfter; content?: Record<string, { schema: z.ZodType }> }> = {
      [String(op.successStatus ?? 200)]: {
        description: "OK",
        ...(op.produces
          ? { content: Object.fromEntries([op.produces].flat().map((type) => [type, { schema: type.startsWith("text/") ? z.string() : z.string().meta({ format: "binary" }) }])) }
          : op.successStatus === 204
            ? {}
            : { content: { "application/json": { schema: op.response ?? z.unknown() } } }),
      },
      "400": { description: "Invalid input; `errors` lists each field with a message", content: problemContent },
    };
    // The answers handle() can give (lib/api/handler.ts; docs/security.md), listed per operation so a client knows them.
    const write = op.method !== "get";
    const hasBody = Boolean(op.body || op.multipart || op.binary);
    if (!op.public) {
      responses["401"] = { description: "Not signed in", content: problemContent };
      responses["403"] = {
        description: `Signed in with a role other than: ${op.roles.join(", ")}${write ? "; or the request did not come from the app's own origin" : ""}`,
        content: problemContent,
      };
    } else if (write) {
      responses["403"] = { description: "The request did not come from the app's own origin", content: problemContent };
    }
    if (op.params) responses["404"] = { description: "No such record", content: problemContent };
    if (write) responses["409"] = { description: "Stale version or duplicate", content: problemContent };
    if (write && hasBody) {
      responses["413"] = {
        description: op.multipart || op.binary ? "The upload is larger than its limit (checked while it streams)" : "The JSON body is larger than its limit",
        content: problemContent,
      };
      responses["415"] = {
        description: `Content-Type is not ${op.multipart ? "multipart/form-data" : op.binary ? "application/octet-stream" : "application/json"}`,
        content: problemContent,
      };
    }
    if (op.rateLimit) responses["429"] = { description: `Too many requests: ${op.rateLimit}`, headers: retryAfter, content: problemContent };
    responses["503"] = { description: "The database cannot be reached right now; retry after the given seconds", headers: retryAfter, content: problemContent };
    responses["504"] = { description: "The database did not finish this request in time", content: problemContent };

    const body = op.multipart
      ? {
          content: {
            "multipart/form-data": {
              schema: z.object(
                Object.fromEntries(
                  Object.entries(op.multipart.fields).map(([k, f]) => {
                    const field = (f.type === "binary" ? z.string().meta({ format: "binary" }) : z.string()).describe(f.description);
                    return [k, op.multipart!.required.includes(k) ? field : field.optional()];
                  }),
                ),
              ),
            },
          },
        }
      : op.binary
        ? { content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }).describe(op.binary.description) } } }
        : op.body
        ? { content: { "application/json": { schema: op.body, ...(op.example !== undefined ? { example: op.example } : {}) } } }
        : undefined;

    registry.registerPath({
      operationId: op.id,
      method: op.method,
      path: op.path,
      summary: op.summary,
      description: [op.description, `Roles: ${op.roles.join(", ")}`].filter(Boolean).join("\n\n"),
      tags: [op.tag],
      security: op.public ? [] : [{ session: [] }],
      "x-roles": [...op.roles],
      request: {
        ...(op.params ? { params: op.params as z.ZodObject } : {}),
        ...(op.query ? { query: op.query as z.ZodObject } : {}),
        ...(body ? { body: { required: true, ...body } } : {}),
      },
      responses,
    } as Parameters<typeof registry.registerPath>[0]);
  }

  const doc = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "PMS dashboard API",
      version: "1",
      description:
        "JSON API of the PMS dashboard (JIS Q 15001 / P-mark). Every operation needs a signed-in session; " +
        "`x-roles` lists the roles allowed to call it. Errors are application/problem+json (RFC 9457), " +
        "in the language of the NEXT_LOCALE cookie or Accept-Language.",
    },
    servers: [{ url: serverUrl }],
  });

  // Path parameter examples, so that the documented example request works as a whole.
  for (const op of operations) {
    if (!op.paramsExample) continue;
    const item = doc.paths?.[op.path]?.[op.method] as { parameters?: { in: string; name: string; example?: unknown }[] } | undefined;
    for (const p of item?.parameters ?? []) {
      if (p.in === "path" && op.paramsExample[p.name] !== undefined) p.example = op.paramsExample[p.name];
    }
  }
  return doc;
}
