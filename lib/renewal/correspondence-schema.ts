import { z } from "zod";
import { optionalText, version } from "@/lib/validation/common";
import { refId } from "@/lib/validation/numbers";
import { GUIDELINE_CLAUSES } from "./clauses";

/** The correspondence table's input schemas (form and API) and response shapes (docs/domain.md, "Correspondence table"). */

export const clauseSchema = z.enum(GUIDELINE_CLAUSES, { error: "validation.invalidOption" });

export const createClauseLinkSchema = z.object({
  regulationId: refId,
  clause: clauseSchema,
  /** Where the regulation covers the clause (its article or section). */
  note: optionalText(500),
});
export type CreateClauseLinkInput = z.infer<typeof createClauseLinkSchema>;

export const updateClauseLinkSchema = z.object({ note: optionalText(500), version });
export type UpdateClauseLinkInput = z.infer<typeof updateClauseLinkSchema>;

export const clauseLinkIdParams = z.object({ id: refId });

/** A regulation as the table lists it under a clause. */
export const correspondenceRegulationSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  /** The version in force 第N版 (null for a draft never in force). */
  version: z.number().int().nullable(),
  effectiveDate: z.string(),
  status: z.enum(["draft", "in_force", "retired"]),
  /** The mapping itself: its id, version and note. */
  linkId: z.number().int(),
  linkVersion: z.number().int(),
  note: z.string().nullable(),
});
export type CorrespondenceRegulation = z.infer<typeof correspondenceRegulationSchema>;

export const clauseCorrespondenceSchema = z.object({
  clause: clauseSchema,
  titleJa: z.string(),
  titleEn: z.string(),
  regulations: z.array(correspondenceRegulationSchema),
  /** True when at least one regulation in force covers the clause. */
  covered: z.boolean(),
});
export type ClauseCorrespondence = z.infer<typeof clauseCorrespondenceSchema>;

export const correspondenceSchema = z.object({
  clauses: z.array(clauseCorrespondenceSchema),
  uncovered: z.array(clauseSchema),
});
export type CorrespondenceDto = z.infer<typeof correspondenceSchema>;

export const clauseLinkSchema = z.object({
  id: z.number().int(),
  regulationId: z.number().int(),
  clause: clauseSchema,
  note: z.string().nullable(),
  retired: z.boolean(),
  version: z.number().int(),
});
export type ClauseLinkDto = z.infer<typeof clauseLinkSchema>;
