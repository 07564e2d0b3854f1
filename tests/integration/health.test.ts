import { describe, expect, it } from "vitest";
import * as healthRoute from "@/app/api/v1/health/route";
import { call, signInAs } from "../support/api";

describe("GET /api/v1/health", () => {
  it("answers 200 with the database kind, without a session", async () => {
    await signInAs(null);
    const res = await call(healthRoute, "GET", "/api/v1/health");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.body).toEqual({ status: "ok", database: process.env.DATABASE_URL ? "postgres" : "pglite" });
  });
});
