/** Roles as docs/domain.md names them, and who may do what (checked on the server, every time). */
export const ROLES = ["privacy_manager", "hr", "auditor", "executive"] as const;
export type Role = (typeof ROLES)[number];

export const ANY_ROLE: readonly Role[] = ROLES;
/** Employees, departments, courses and training records are written by HR and the privacy manager. */
export const TRAINING_WRITERS: readonly Role[] = ["privacy_manager", "hr"];
/** User administration and settings. */
export const ADMINS: readonly Role[] = ["privacy_manager"];

export function hasRole(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}

export type SessionUser = { id: number; email: string; name: string; role: Role };
