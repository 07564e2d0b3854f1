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
  summary: "Change organisation settings",
  body: updateSettingsSchema,
  example: { fiscalYearStartMonth: 4, version: 1 },
  response: settingsSchema.extend({ version: z.number() }),
});
