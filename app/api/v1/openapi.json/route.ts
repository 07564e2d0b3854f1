import { registeredOperations } from "@/lib/api/contracts";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { apiCacheControl } from "@/lib/security/headers";

export const dynamic = "force-dynamic";

let cached: unknown;

// The document describes the API; it is not secret, and the API reference page reads it.
export async function GET() {
  cached ??= buildOpenApiDocument(registeredOperations());
  return Response.json(cached, { headers: { "cache-control": apiCacheControl(null) } });
}
