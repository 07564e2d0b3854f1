import type { Page } from "@/lib/list/page";
import type { RequestDto } from "@/lib/requests/schema";

/** TanStack Query keys of the request pages (plain module: server pages prefetch with them too). */
export const requestKeys = {
  all: ["requests"] as const,
  list: (qs: string) => ["requests", "list", qs] as const,
  detail: (id: number) => ["requests", "detail", id] as const,
  settings: ["requests", "settings"] as const,
};

export type RequestPage = Page<RequestDto>;
export type RegisterItemOption = { id: number; code: string; name: string };
