/**
 * /api/v1 itself, which the catch-all under it does not take (a required catch-all needs a segment):
 * the same 404 problem+json as any path under it that no route serves (app/api/v1/[...path]/route.ts).
 * A route of its own rather than an optional catch-all, `[[...path]]`, which would serve both: renaming
 * the folder leaves a stale `.next/types/validator.ts` pointing at the old file in every checkout built
 * before, and that fails the type check of the next build and of `tsc` until `.next` is built again.
 */
export { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } from "./[...path]/route";
