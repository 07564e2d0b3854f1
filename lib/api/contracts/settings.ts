import { z } from "zod";
import { ADMINS, ANY_ROLE } from "@/lib/auth/roles";
import { organizationSchema, settingsSchema, updateOrganizationSchema, updateSettingsSchema } from "@/lib/settings/schema";
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

export const getOrganization = defineOperation({
  id: "getOrganization",
  method: "get",
  path: "/api/v1/settings/organization",
  roles: ANY_ROLE,
  tag: "settings",
  summary: "The organisation's name and representative (shown on the management-review report and in Excel exports)",
  response: organizationSchema.extend({ version: z.number() }),
});

export const updateOrganization = defineOperation({
  id: "updateOrganization",
  method: "put",
  path: "/api/v1/settings/organization",
  roles: ADMINS,
  tag: "settings",
  summary: "Change the organisation's name and representative (send the version you read; 0 while nothing has been saved yet)",
  body: updateOrganizationSchema,
  // The demo data stores RUFT's name (version 1).
  example: { name: "RUFT株式会社", representative: "代表取締役 田中 誠", version: 1 },
  response: organizationSchema.extend({ version: z.number() }),
});
