import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { paging, requiredText, version } from "@/lib/validation/common";

const email = z.string({ error: "validation.required" }).trim().toLowerCase().min(1, "validation.required").max(200, "validation.tooLong").email("validation.email");
const role = z.enum(ROLES, { error: "validation.invalidOption" });
const password = z.string().min(12, "validation.passwordLength").max(200, "validation.tooLong");

export const createUserSchema = z.object({
  email,
  name: requiredText(100),
  role,
  /** Optional: without it a temporary password is generated and returned once. */
  password: z.union([z.literal(""), password]).optional().transform((v) => v || undefined),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  name: requiredText(100),
  /**
   * null only for an account that has no role yet (made by single sign-on, waiting for access) and keeps
   * none, e.g. when it is deactivated; a role once given is never taken away to null (the server checks).
   */
  role: role.nullable(),
  active: z.boolean({ error: "validation.required" }),
  version,
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const resetPasswordSchema = z.object({
  password: z.union([z.literal(""), password]).optional().transform((v) => v || undefined),
  version,
});

/** A signed-in user's own new password: the current one proves it is them (docs/security.md, "Passwords"). */
export const changeOwnPasswordSchema = z.object({
  currentPassword: z.string({ error: "validation.required" }).min(1, "validation.required").max(200, "validation.tooLong"),
  newPassword: password,
});
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordSchema>;

export const listUsersQuery = z.object({
  ...paging,
  q: z.string().trim().max(100).optional(),
  role: role.optional(),
  active: z.enum(["true", "false"]).optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

export const userIdParams = z.object({ id: z.coerce.number().int().positive() });

export const userSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  /** null: created at its first single sign-on, waiting for a role (docs/security.md, "Single sign-on"). */
  role: role.nullable(),
  active: z.boolean(),
  lastSignInAt: z.string().nullable(),
  version: z.number(),
});
