import { z } from "zod";
import { REGISTER_KINDS } from "./enums";

/** A register item as another module shows it (a contractor's page, an incident's data involved and its picker). */
export const linkedItemSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(REGISTER_KINDS),
  personCount: z.number().nullable(),
  retired: z.boolean(),
});
export type LinkedItem = z.infer<typeof linkedItemSchema>;

/**
 * Whether an item answers a picker's filter: part of its code or name, case-insensitive (full-width and
 * half-width forms of the same letter are one: NFKC). An empty filter matches every item.
 */
export function matchesItem(item: Pick<LinkedItem, "code" | "name">, filter: string): boolean {
  const norm = (s: string) => s.normalize("NFKC").toLowerCase();
  const f = norm(filter.trim());
  return !f || norm(item.code).includes(f) || norm(item.name).includes(f);
}
