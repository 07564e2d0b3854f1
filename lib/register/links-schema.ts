import { z } from "zod";
import { CONTRACTOR_STATUSES } from "@/lib/contractors/rules";
import { INCIDENT_SEVERITIES } from "@/lib/incidents/schema";
import { INCIDENT_STATUSES } from "@/lib/incidents/workflow";

/**
 * The links of a register item to the other registers (docs/domain.md §6): the incidents whose data
 * involved includes it, the contractors it is outsourced to; and, the other way round, the items a
 * contractor processes and the items an incident form can pick.
 */

export const itemLinksSchema = z.object({
  incidents: z.array(
    z.object({
      id: z.number(),
      reference: z.string(),
      title: z.string(),
      discoveredAt: z.string(),
      severity: z.enum(INCIDENT_SEVERITIES),
      status: z.enum(INCIDENT_STATUSES),
      personsAffected: z.number(),
    }),
  ),
  contractors: z.array(z.object({ id: z.number(), name: z.string(), status: z.enum(CONTRACTOR_STATUSES) })),
});
export type ItemLinks = z.infer<typeof itemLinksSchema>;

export { linkedItemSchema, type LinkedItem } from "./linked-item";
