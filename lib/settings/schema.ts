import { z } from "zod";

export const settingsSchema = z.object({
  /** First month of the fiscal year (1–12); Japanese companies mostly start in April. */
  fiscalYearStartMonth: z.coerce.number({ error: "validation.required" }).int("validation.invalid").min(1, "validation.tooSmall").max(12, "validation.tooBig"),
});
export type Settings = z.infer<typeof settingsSchema>;

/** Version 0 means "the defaults, never saved": the first save sends 0 (the common `version` starts at 1). */
export const updateSettingsSchema = settingsSchema.extend({
  version: z.coerce.number({ error: "validation.required" }).int("validation.invalid").min(0, "validation.invalid"),
});

export const DEFAULT_SETTINGS: Settings = { fiscalYearStartMonth: 4 };

/**
 * The organisation the PMS belongs to, shown on the management-review report's cover and written into
 * Excel exports' file properties. Empty strings = not entered yet (version 0).
 */
export const organizationSchema = z.object({
  name: z.string().trim().max(200, "validation.tooLong"),
  representative: z.string().trim().max(200, "validation.tooLong"),
});
export type Organization = z.infer<typeof organizationSchema>;

export const updateOrganizationSchema = organizationSchema.extend({
  version: updateSettingsSchema.shape.version,
});

export const EMPTY_ORGANIZATION: Organization = { name: "", representative: "" };

/**
 * Sign-in policy the privacy manager sets (docs/security.md, "Second factor"): whether a privacy
 * manager signing in with a password must give a second factor (and enrol one at their next sign-in).
 */
export const securitySettingsSchema = z.object({
  managerSecondFactorRequired: z.boolean({ error: "validation.required" }),
});
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;

export const updateSecuritySettingsSchema = securitySettingsSchema.extend({
  version: updateSettingsSchema.shape.version,
});

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = { managerSecondFactorRequired: false };
