import { z } from "zod";
import { certificateSchema } from "@/lib/audits/schema";
import { CHECK_STATES, MISSING_REASONS, READINESS_CHECKS } from "./readiness";

/** The readiness endpoint's query and answer (GET /api/v1/renewal/readiness). */

export const readinessQuery = z.object({});

const recordRef = z.object({ id: z.number().int(), label: z.string(), date: z.string().nullable(), href: z.string() });
const missingItem = z.object({ reason: z.enum(MISSING_REASONS), count: z.number().int(), name: z.string().optional(), names: z.array(z.string()).optional(), href: z.string() });

export const readinessCheckSchema = z.object({
  key: z.enum(READINESS_CHECKS),
  state: z.enum(CHECK_STATES),
  evidence: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  records: z.array(recordRef),
  missing: z.array(missingItem),
});

export const fiscalYearReadinessSchema = z.object({
  fiscalYear: z.number().int(),
  start: z.string(),
  end: z.string(),
  asOf: z.string(),
  current: z.boolean(),
  checks: z.array(readinessCheckSchema),
});

export const readinessSchema = z.object({
  today: z.string(),
  /** The current P-mark certificate with its renewal window, or null when none is recorded. */
  certificate: certificateSchema.nullable(),
  years: z.array(fiscalYearReadinessSchema),
  counts: z.object({ failing: z.number().int(), open: z.number().int(), passing: z.number().int() }),
});
export type ReadinessDto = z.infer<typeof readinessSchema>;
