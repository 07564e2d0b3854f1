import { z } from "zod";
import { ADMINS } from "@/lib/auth/roles";
import { createUserSchema, listUsersQuery, resetPasswordSchema, updateUserSchema, userIdParams, userSchema } from "@/lib/users/schema";
import { defineOperation } from "../operation";
import { pageSchema } from "@/lib/list/page";

export const listUsers = defineOperation({
  id: "listUsers",
  method: "get",
  path: "/api/v1/users",
  roles: ADMINS,
  tag: "users",
  summary: "Sign-in accounts, paged",
  query: listUsersQuery,
  // liveSessions: sessions that would let a request in now (not revoked, within both lifetimes).
  // secondFactor: whether the user has a confirmed second factor (TOTP).
  response: pageSchema(userSchema.extend({ liveSessions: z.number(), secondFactor: z.boolean() })),
});

export const createUser = defineOperation({
  id: "createUser",
  method: "post",
  path: "/api/v1/users",
  roles: ADMINS,
  tag: "users",
  summary: "Create (invite) a user; returns a temporary password once when none was given",
  body: createUserSchema,
  example: { email: "new.auditor@example.com", name: "山本 翔太", role: "auditor" },
  successStatus: 201,
  response: z.object({ user: userSchema, temporaryPassword: z.string().optional() }),
});

export const updateUser = defineOperation({
  id: "updateUser",
  method: "patch",
  path: "/api/v1/users/{id}",
  roles: ADMINS,
  tag: "users",
  summary: "Change a user's name, role or active flag (takes effect on their next request)",
  params: userIdParams,
  body: updateUserSchema,
  example: { name: "高橋 直樹", role: "auditor", active: true, version: 1 },
  response: userSchema,
});

export const resetUserPassword = defineOperation({
  id: "resetUserPassword",
  method: "post",
  path: "/api/v1/users/{id}/reset-password",
  roles: ADMINS,
  tag: "users",
  summary: "Reset a user's password; returns the temporary password once",
  params: userIdParams,
  body: resetPasswordSchema,
  example: { version: 1 },
  response: z.object({ user: userSchema, temporaryPassword: z.string().optional() }),
});
