import { z } from "zod";
import { ADMINS, ANY_ROLE } from "@/lib/auth/roles";
import { settingsSchema, updateSettingsSchema } from "@/lib/settings/schema";
import { defineOperation } from "../operation";

export const getSettings = defineOperation({
  id: "getSettings",
  method: "get",
  path: "/api/v1/settings",
  roles: ANY_ROLE,
  tag: "settings",
  summary: "Organisation settings (fiscal year start month …)",
  response: settingsSchema.extend({ version: z.number() }),
});

export const updateSettings = defineOperation({
  id: "updateSettings",
  method: "put",
  path: "/api/v1/settings",
  roles: ADMINS,
  tag: "settings",
  summary: "Change organisation settings (send the version you read; 0 while nothing has been saved yet)",
  body: updateSettingsSchema,
  // The demo data stores no settings (the defaults apply), so the version to send is 0.
  example: { fiscalYearStartMonth: 4, version: 0 },
  response: settingsSchema.extend({ version: z.number() }),
});
