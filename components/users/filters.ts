import type { z } from "zod";
import type { Page } from "@/lib/list/page";
import type { userSchema } from "@/lib/users/schema";

/** Shared by the page (server prefetch) and the list (client): the same URL gives the same query key. */
export type UserRow = z.infer<typeof userSchema>;
/** A row of the list: the user, how many live sessions they have now, and whether they have a second factor. */
export type UserListRow = UserRow & { liveSessions: number; secondFactor: boolean };
export type UsersPage = Page<UserListRow>;

/** The list's query key from its URL state ("?…" as lib/list writes it). */
export const usersListKey = (search: string) => ["users", "list", search] as const;
