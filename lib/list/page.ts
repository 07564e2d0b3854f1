import { z } from "zod";

/** One page of a list as every list endpoint answers it (`paging` in lib/validation/common.ts is its request side); the one declaration of this shape. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** The response schema of a paged list of `item`; `extra` adds fields some lists answer with (e.g. the scope they used). */
export function pageSchema<T extends z.ZodType, E extends z.ZodRawShape = Record<never, never>>(item: T, extra?: E) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    ...(extra ?? ({} as E)),
  });
}
