import { z } from "zod";
import { ANY_ROLE } from "@/lib/auth/roles";
import { TRAINING_STATUSES, type TrainingStatus } from "@/lib/training/status";
import { exportTrainingStatusQuery, listTrainingStatusQuery, summaryQuery } from "@/lib/training/status-query";
import { defineOperation } from "../operation";
import { EXPORT_CONTENT_TYPES, withExportFormat } from "@/lib/list/export-format";
import { pageSchema } from "@/lib/list/page";

const status = z.enum(TRAINING_STATUSES as [TrainingStatus, ...TrainingStatus[]]);
const date = z.string().describe("YYYY-MM-DD (Asia/Tokyo)");

const statusRowSchema = z.object({
  employee: z.object({
    id: z.number(),
    number: z.string(),
    name: z.string(),
    nameKana: z.string().nullable(),
    employmentType: z.string(),
    department: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  }),
  course: z.object({ id: z.number(), code: z.string(), title: z.string() }),
  status,
  lastCompletedOn: date.nullable(),
  validUntil: date.nullable().describe("null for a once-only course"),
  dueOn: date.nullable().describe("the day the next completion is due; null when exempt or once-only and done"),
  daysLeft: z.number().nullable().describe("dueOn − asOf in days, negative when overdue"),
  exemptionReason: z.string().nullable(),
});

const counts = {
  required: z.number(),
  compliant: z.number(),
  dueSoon: z.number(),
  overdue: z.number(),
  exempt: z.number(),
  rate: z.number().nullable().describe("compliant / required, 0..1; null when nothing is required"),
};

export const listTrainingStatus = defineOperation({
  id: "listTrainingStatus",
  method: "get",
  path: "/api/v1/training-status",
  roles: ANY_ROLE,
  tag: "training",
  summary: "Training status per active employee × required course, as of today (current FY) or the FY's last day",
  description:
    "Filters take one or many values (repeat the parameter or separate with commas). The default order is `priority`: " +
    "overdue first, then due soon, compliant, exempt; the earliest due date first within each.",
  query: listTrainingStatusQuery,
  response: pageSchema(statusRowSchema, { fiscalYear: z.number(), asOf: date }),
});

export const getTrainingStatusSummary = defineOperation({
  id: "getTrainingStatusSummary",
  method: "get",
  path: "/api/v1/training-status/summary",
  roles: ANY_ROLE,
  tag: "training",
  summary: "Completion rate and status counts overall, per course and per department; passing completions per month of the FY",
  query: summaryQuery,
  response: z.object({
    fiscalYear: z.number(),
    asOf: date,
    isCurrentFiscalYear: z.boolean(),
    fiscalYears: z.array(z.number()).describe("fiscal years with data, newest first"),
    overall: z.object(counts),
    byCourse: z.array(z.object({ course: z.object({ id: z.number(), code: z.string(), title: z.string() }), ...counts })),
    byDepartment: z.array(z.object({ department: z.object({ id: z.number(), code: z.string(), name: z.string() }), ...counts })),
    byMonth: z.array(z.object({ month: z.string().describe("YYYY-MM"), from: date, to: date, completions: z.number() })),
  }),
});

export const exportTrainingStatus = defineOperation({
  id: "exportTrainingStatus",
  method: "get",
  path: "/api/v1/training-status/export.csv",
  roles: ANY_ROLE,
  tag: "training",
  summary: "The filtered status list as CSV (UTF-8 with BOM; Japanese or English headers by the caller's language); with format=xlsx an Excel workbook instead (same columns, dates as dates)",
  query: withExportFormat(exportTrainingStatusQuery),
  produces: EXPORT_CONTENT_TYPES,
});
