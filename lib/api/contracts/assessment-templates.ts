import { z } from "zod";
import { ANY_ROLE } from "@/lib/auth/roles";
import { DEFAULT_TEMPLATE } from "@/lib/contractors/default-template";
import { CONTRACTOR_WRITERS, idParams, templateSchema, updateTemplateSchema } from "@/lib/contractors/schema";
import { defineOperation } from "../operation";

export const listAssessmentTemplates = defineOperation({
  id: "listAssessmentTemplates",
  method: "get",
  path: "/api/v1/assessment-templates",
  roles: ANY_ROLE,
  tag: "contractors",
  summary: "Assessment templates (selection criteria, weights, thresholds): the current versions, or every version with all=true",
  query: z.object({ all: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["true", "false"]).optional()) }),
  response: z.object({ items: z.array(templateSchema) }),
});

export const getAssessmentTemplate = defineOperation({
  id: "getAssessmentTemplate",
  method: "get",
  path: "/api/v1/assessment-templates/{id}",
  roles: ANY_ROLE,
  tag: "contractors",
  summary: "One template version",
  params: idParams,
  response: templateSchema,
});

export const updateAssessmentTemplate = defineOperation({
  id: "updateAssessmentTemplate",
  method: "put",
  path: "/api/v1/assessment-templates/{id}",
  roles: CONTRACTOR_WRITERS,
  tag: "contractors",
  summary: "Edit a template: writes its next version (assessments keep the version they used). Stale or superseded version: 409",
  params: idParams,
  paramsExample: { id: 1 },
  body: updateTemplateSchema,
  example: { ...DEFAULT_TEMPLATE, approvedMin: 75, version: 1 },
  response: templateSchema,
});
