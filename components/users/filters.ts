import { ROLES, type Role } from "@/lib/auth/roles";
import type { z } from "zod";
import type { userSchema } from "@/lib/users/schema";

/** Shared by the page (server prefetch) and the list (client): the same URL gives the same query key. */
export type UsersFilter = { q: string; role: Role | ""; active: "true" | "false" | ""; page: number; pageSize: number };
export type UserRow = z.infer<typeof userSchema>;
/** A row of the list: the user and how many live sessions they have now. */
export type UserListRow = UserRow & { liveSessions: number };
export type UsersPage = { items: UserListRow[]; total: number; page: number; pageSize: number };

export const PAGE_SIZES = [20, 50, 100, 200] as const;
const DEFAULT_PAGE_SIZE = 50;

type Raw = string | string[] | null | undefined;
const first = (v: Raw) => (Array.isArray(v) ? v[0] : v) ?? "";

/** Reads the filters from URL search params, dropping anything invalid rather than failing. */
export function usersFilterFrom(get: (key: string) => Raw): UsersFilter {
  const role = first(get("role"));
  const active = first(get("active"));
  const page = Number(first(get("page")));
  const pageSize = Number(first(get("pageSize")));
  return {
    q: first(get("q")).trim().slice(0, 100),
    role: (ROLES as readonly string[]).includes(role) ? (role as Role) : "",
    active: active === "true" || active === "false" ? active : "",
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

export const usersListKey = (f: UsersFilter) => ["users", "list", f] as const;

/** The URL query for the list page (defaults left out, so links stay short). */
export function usersFilterParams(f: UsersFilter): Record<string, string | number | undefined> {
  return {
    q: f.q || undefined,
    role: f.role || undefined,
    active: f.active || undefined,
    page: f.page > 1 ? f.page : undefined,
    pageSize: f.pageSize !== DEFAULT_PAGE_SIZE ? f.pageSize : undefined,
  };
}
