import { z } from "zod";
import { ADMINS, ANY_ROLE } from "@/lib/auth/roles";
import { securitySettingsSchema, updateSecuritySettingsSchema } from "@/lib/settings/schema";
import { userIdParams } from "@/lib/users/schema";
import { defineOperation } from "../operation";

// The second factor (TOTP) of password accounts and the sign-in policy (docs/security.md, "Second factor").

const status = z.object({
  enrolled: z.boolean(),
  confirmedAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int().describe("Unused recovery codes"),
});

export const getMySecondFactor = defineOperation({
  id: "getMySecondFactor",
  method: "get",
  path: "/api/v1/me/second-factor",
  roles: ANY_ROLE,
  tag: "second-factor",
  summary: "Whether the signed-in user has a second factor, and how many recovery codes are left",
  response: status,
});

export const enrolMySecondFactor = defineOperation({
  id: "enrolMySecondFactor",
  method: "post",
  path: "/api/v1/me/second-factor",
  roles: ANY_ROLE,
  tag: "second-factor",
  summary: "Enrol an authenticator app: without a code, start (a new secret, its otpauth URI and a QR code); with the app's code, confirm (answers the ten recovery codes, once)",
  description:
    "Starting again replaces an unconfirmed secret. 409 when a factor is already active (the privacy manager resets it). A confirmation is rate-limited per user like sign-in (429 with Retry-After) and audited.",
  rateLimit: "codes typed per user: 5 per 15 minutes, then a 15-minute lock",
  body: z.object({ code: z.string().trim().min(1, "validation.required").max(20, "validation.tooLong").optional() }),
  // Starting an enrolment succeeds for the demo privacy manager (who has none).
  example: {},
  response: z.union([
    z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() }).describe("Started: scan the QR code"),
    z.object({ recoveryCodes: z.array(z.string()) }).describe("Confirmed"),
  ]),
});

export const resetUserSecondFactor = defineOperation({
  id: "resetUserSecondFactor",
  method: "post",
  path: "/api/v1/users/{id}/second-factor/reset",
  roles: ADMINS,
  tag: "second-factor",
  summary: "Reset a user's second factor (a lost phone): they enrol again",
  description: "The factor and its recovery codes are retired. Audited.",
  params: userIdParams,
  response: z.object({ reset: z.boolean().describe("Whether the user had an active factor") }),
});

export const getSecuritySettings = defineOperation({
  id: "getSecuritySettings",
  method: "get",
  path: "/api/v1/settings/security",
  roles: ADMINS,
  tag: "settings",
  summary: "Sign-in policy: whether privacy managers must use a second factor",
  response: securitySettingsSchema.extend({ version: z.number() }),
});

export const updateSecuritySettings = defineOperation({
  id: "updateSecuritySettings",
  method: "put",
  path: "/api/v1/settings/security",
  roles: ADMINS,
  tag: "settings",
  summary: "Change the sign-in policy (send the version you read; 0 while nothing has been saved yet)",
  body: updateSecuritySettingsSchema,
  example: { managerSecondFactorRequired: false, version: 0 },
  response: securitySettingsSchema.extend({ version: z.number() }),
});
