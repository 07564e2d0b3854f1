import { z } from "zod";
import { ANY_ROLE } from "@/lib/auth/roles";
import { defineOperation } from "../operation";

export const getHealth = defineOperation({
  id: "getHealth",
  method: "get",
  path: "/api/v1/health",
  roles: ANY_ROLE,
  public: true,
  tag: "system",
  summary: "Liveness: 200 when the database answers (no sign-in needed)",
  description: "Public: answers without a session so that load balancers can probe it. 503 when the database does not answer.",
  response: z.object({ status: z.literal("ok"), database: z.enum(["postgres", "pglite"]) }),
});

export const getOpenApi = defineOperation({
  id: "getOpenApi",
  method: "get",
  path: "/api/v1/openapi.json",
  roles: ANY_ROLE,
  public: true,
  tag: "system",
  summary: "This OpenAPI 3.1 document",
  response: z.record(z.string(), z.unknown()),
});

export const getMe = defineOperation({
  id: "getMe",
  method: "get",
  path: "/api/v1/me",
  roles: ANY_ROLE,
  tag: "system",
  summary: "The signed-in user, as the server sees them now",
  response: z.object({ id: z.number(), email: z.string(), name: z.string(), role: z.string() }),
});
