import { ANY_ROLE, TRAINING_WRITERS } from "@/lib/auth/roles";
import {
  bulkRecordSchema,
  bulkResultSchema,
  createRecordSchema,
  employeeOptionsQuery,
  employeeOptionsSchema,
  exportRecordsQuery,
  listRecordsQuery,
  recordDetailSchema,
  recordIdParams,
  recordPageSchema,
  recordSchema,
  retireRecordSchema,
  updateRecordSchema,
} from "@/lib/training/records-schema";
import { defineOperation } from "../operation";
import { recordActions } from "../record-actions";
import { EXPORT_CONTENT_TYPES, withExportFormat } from "@/lib/list/export-format";
import { versionOnlySchema } from "@/lib/validation/common";

const FILTERS =
  "Filters: q (employee number, name or kana), departmentId, courseId, employeeId, fy (fiscal year, by the start-month setting), " +
  "from/to (YYYY-MM-DD, narrow the fiscal year or stand alone), method, passed (true/false), source (manual/bulk/import), " +
  "includeRetired=true. Sort: completedOn, employee, course, score; dir asc/desc.";

export const listTrainingRecords = defineOperation({
  id: "listTrainingRecords",
  method: "get",
  path: "/api/v1/training-records",
  roles: ANY_ROLE,
  tag: "training-records",
  summary: "Training records (受講記録), filtered, sorted and paged on the server",
  description: FILTERS,
  query: listRecordsQuery,
  response: recordPageSchema,
});

export const createTrainingRecord = defineOperation({
  id: "createTrainingRecord",
  method: "post",
  path: "/api/v1/training-records",
  roles: TRAINING_WRITERS,
  tag: "training-records",
  summary: "Record one completion; `passed` is computed from the score and the course's pass mark",
  description:
    "completedOn may not be in the future (Tokyo date). score is required when the course has a pass mark. " +
    "The employee must exist, not be retired and be employed on that date (a course outside their audience is fine: voluntary training). " +
    "A second live record of the same employee, course and day gets 409.",
  body: createRecordSchema,
  example: { employeeId: 1, courseId: 4, completedOn: "2025-04-01", score: 95, method: "e_learning", evidence: "LMS-2025-0401", note: "API例（任意受講）" },
  successStatus: 201,
  response: recordSchema,
});

export const bulkCreateTrainingRecords = defineOperation({
  id: "bulkCreateTrainingRecords",
  method: "post",
  path: "/api/v1/training-records/bulk",
  roles: TRAINING_WRITERS,
  tag: "training-records",
  summary: "Record one session (one course, one date, one method) for many employees, all or nothing",
  description:
    "Every entry is checked first; one bad entry stores nothing (400 with the entry's field). " +
    "Employees who already have a live record of the course that day are reported in `skipped`, not duplicated. Source is 'bulk'. " +
    "The records are entered with a training session (title, place, instructor optional; see /api/v1/training-sessions), whose id is returned (null when everyone was skipped).",
  body: bulkRecordSchema,
  example: {
    courseId: 5,
    completedOn: "2025-03-14",
    method: "classroom",
    evidence: "出席簿（API例）",
    note: null,
    title: "個人情報保護研修（API例）",
    place: "本社 会議室A",
    instructor: "個人情報保護管理者",
    entries: [{ employeeId: 1, score: null }, { employeeId: 2, score: null }],
  },
  successStatus: 201,
  response: bulkResultSchema,
});

export const getTrainingRecord = defineOperation({
  id: "getTrainingRecord",
  method: "get",
  path: "/api/v1/training-records/{id}",
  roles: ANY_ROLE,
  tag: "training-records",
  summary: "A training record and its audit history (before → after of each change, who and when)",
  params: recordIdParams,
  response: recordDetailSchema,
});

export const updateTrainingRecord = defineOperation({
  id: "updateTrainingRecord",
  paramsExample: { id: 2 },
  method: "patch",
  path: "/api/v1/training-records/{id}",
  roles: TRAINING_WRITERS,
  tag: "training-records",
  summary: "Correct a training record (send the version you read; a stale version gets 409)",
  params: recordIdParams,
  body: updateRecordSchema,
  example: { employeeId: 1, courseId: 3, completedOn: "2020-04-10", score: null, method: "classroom", evidence: null, note: "API例", version: 1 },
  response: recordSchema,
});

export const retireTrainingRecord = defineOperation({
  id: "retireTrainingRecord",
  paramsExample: { id: 2 },
  method: "post",
  path: "/api/v1/training-records/{id}/retire",
  roles: TRAINING_WRITERS,
  tag: "training-records",
  summary: "Retire a training record (entered by mistake) with a reason; it is kept, not deleted",
  params: recordIdParams,
  body: retireRecordSchema,
  example: { reason: "二重登録のため", version: 1 },
  response: recordSchema,
});

const trainingRecord = recordActions({ path: "/api/v1/training-records/{id}", roles: TRAINING_WRITERS, tag: "training-records", params: recordIdParams, body: versionOnlySchema, response: recordSchema });

export const restoreTrainingRecord = trainingRecord("restore", { id: "restoreTrainingRecord", summary: "Bring a retired training record back (409 when a live record of the same employee, course and day exists)", paramsExample: { id: 1 } });

export const exportTrainingRecords = defineOperation({
  id: "exportTrainingRecords",
  method: "get",
  path: "/api/v1/training-records/export.csv",
  roles: ANY_ROLE,
  tag: "training-records",
  summary: "The filtered training-record list as CSV (UTF-8 with BOM; formula-like cells neutralised); with format=xlsx an Excel workbook instead (same columns, dates as dates)",
  description: FILTERS,
  query: withExportFormat(exportRecordsQuery),
  produces: EXPORT_CONTENT_TYPES,
});

export const listTrainingRecordEmployeeOptions = defineOperation({
  id: "listTrainingRecordEmployeeOptions",
  method: "get",
  path: "/api/v1/training-records/employee-options",
  // Only the record forms call it, and only their writers open them (as GET /api/v1/employees/options).
  roles: TRAINING_WRITERS,
  tag: "training-records",
  summary: "Employees to pick in the record forms: employed on `date` (default today), by search or department",
  description: "With courseId: inAudience says whether the course applies to them; with courseId and date: recordedId is their live record of it that day.",
  query: employeeOptionsQuery,
  response: employeeOptionsSchema,
});
