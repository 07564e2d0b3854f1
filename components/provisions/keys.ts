import type { Page } from "@/lib/list/page";
import type { ProvisionDto } from "@/lib/provisions/schema";

/** TanStack Query keys of the provision pages (plain module: server pages prefetch with them too). */
export const provisionKeys = {
  all: ["provisions"] as const,
  list: (qs: string) => ["provisions", "list", qs] as const,
  detail: (id: number) => ["provisions", "detail", id] as const,
  jointUses: (includeRetired: boolean) => ["provisions", "joint-uses", includeRetired] as const,
};

export type ProvisionPage = Page<ProvisionDto>;
export type Option = { id: number; name: string };
