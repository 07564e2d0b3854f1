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
