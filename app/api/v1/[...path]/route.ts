import { NotFoundError } from "@/lib/api/errors";
import { errorResponse, requestLocale } from "@/lib/api/handler";

/**
 * Any path under /api/v1 that no route handler serves, and /api/v1 itself (app/api/v1/route.ts exports
 * these same handlers): a 404 problem+json in the caller's language, no-store, like every
 * other API answer, instead of Next.js's HTML page (docs/architecture.md §2).
 * Next.js matches the specific routes first, so this never hides one, nor the 405 of a route that
 * lacks the method. No session is checked and no body read: there is nothing here to protect, and a
 * 404 says nothing the public OpenAPI document does not. For the same reason a write from another
 * origin gets this 404 rather than the write gate's 403. Not an operation, so not in the OpenAPI
 * document (tests/integration/openapi.test.ts names it).
 */
async function noSuchOperation(req: Request): Promise<Response> {
  return errorResponse(new NotFoundError("problems.noSuchOperation"), await requestLocale(req), new URL(req.url).pathname);
}

export const GET = noSuchOperation;
export const HEAD = noSuchOperation;
export const POST = noSuchOperation;
export const PUT = noSuchOperation;
export const PATCH = noSuchOperation;
export const DELETE = noSuchOperation;
export const OPTIONS = noSuchOperation;
