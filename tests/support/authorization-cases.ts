import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/auth/roles";
import { signInAs } from "./api";
import { operations, requestFor, resetToDemo, routeFileByPath, send, snapshot } from "./openapi-ops";

/**
 * Role × endpoint, generated from the OpenAPI document (so a new endpoint is covered the moment it
 * is declared): without a session every operation answers 401; a role not in `x-roles` gets 403 and
 * changes nothing; a role in `x-roles` gets past the door (400/404/409 are fine, never 401/403/5xx).
 * And each JSON request body's example succeeds when a privacy_manager sends it against the demo data.
 *
 * The operations are dealt over `parts` files (tests/integration/authorization-<part>.test.ts) so that
 * the files run side by side (docs/testing.md); together they test every operation once.
 */
const ROLE_CASES: Role[] = ["privacy_manager", "hr", "auditor", "executive"];

export function authorizationTests(part: number, parts: number) {
  const mine = (_: unknown, i: number) => i % parts === part - 1;

  beforeAll(async () => {
    // The demo data (as resetToDemo() below puts it back).
    await resetToDemo();
    // Create the four signed-in users up front, so that signing in changes nothing later on.
    for (const role of ROLE_CASES) await signInAs(role);
  });

  if (part === 1) {
    describe("the OpenAPI document drives this test", () => {
      it("has protected operations, each with a route file", () => {
        expect(operations.length).toBeGreaterThan(3);
        expect(operations.filter((o) => !routeFileByPath.has(o.path)).map((o) => `${o.method} ${o.path}: no route.ts`)).toEqual([]);
        expect(ROLE_CASES.every((r) => (ROLES as readonly string[]).includes(r))).toBe(true);
      });
    });
  }

  // An operation declared before its route file exists fails once, above, rather than once per role.
  const routed = operations.filter((o) => routeFileByPath.has(o.path)).filter(mine);
  const withExamples = routed.filter((o) => o.op.requestBody?.content?.["application/json"]?.example !== undefined);

  describe("each JSON example succeeds when a privacy_manager sends it against the demo data", () => {
    it.each(withExamples.map((o) => [`${o.method} ${o.path} (${o.op.operationId})`, o] as const))("%s", async (_name, o) => {
      await resetToDemo();
      await signInAs("privacy_manager");
      const res = await send(o);
      const hint = o.path.includes("{")
        ? " (when the example needs a particular row, e.g. a retired one to restore, give the path parameter an example in the contract: z.coerce.number().meta({ example: <id in the demo data> }))"
        : "";
      const message = `${o.method} ${o.path} with ${JSON.stringify(requestFor(o))} answered ${res.status}: ${res.text.slice(0, 400)}${hint}`;
      expect(res.status, message).toBeGreaterThanOrEqual(200);
      expect(res.status, message).toBeLessThan(300);
    });
  });

  describe.each(routed.map((o) => [`${o.method} ${o.path} (${o.op.operationId})`, o] as const))("%s", (_name, o) => {
    const allowed = o.op["x-roles"] ?? [];

    it("without a session: 401 problem+json, nothing changed", async () => {
      await signInAs(null);
      const before = await snapshot();
      const res = await send(o);
      expect(res.status, res.text.slice(0, 300)).toBe(401);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(await snapshot()).toEqual(before);
    });

    it.each(ROLE_CASES.map((role) => [role, allowed.includes(role)] as const))("%s (allowed: %s)", async (role, isAllowed) => {
      await signInAs(role);
      if (!isAllowed) {
        const before = await snapshot();
        const res = await send(o);
        expect(res.status, res.text.slice(0, 300)).toBe(403);
        expect(res.headers.get("content-type")).toContain("application/problem+json");
        expect(await snapshot()).toEqual(before);
      } else {
        const res = await send(o);
        expect([401, 403], `${role} was refused: ${res.text.slice(0, 300)}`).not.toContain(res.status);
        expect(res.status, `${role} got ${res.status}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
      }
    });
  });
}
