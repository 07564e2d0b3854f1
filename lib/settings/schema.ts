import { z } from "zod";
import { version } from "@/lib/validation/common";

export const settingsSchema = z.object({
  /** First month of the fiscal year (1–12); Japanese companies mostly start in April. */
  fiscalYearStartMonth: z.coerce.number({ error: "validation.required" }).int("validation.invalid").min(1, "validation.tooSmall").max(12, "validation.tooBig"),
});
export type Settings = z.infer<typeof settingsSchema>;

export const updateSettingsSchema = settingsSchema.extend({ version });

export const DEFAULT_SETTINGS: Settings = { fiscalYearStartMonth: 4 };
