import { ANY_ROLE, TRAINING_WRITERS } from "@/lib/auth/roles";
import { EXPORT_CONTENT_TYPES, withExportFormat } from "@/lib/list/export-format";
import { exportSessionsQuery, listSessionsQuery, sessionDetailSchema, sessionIdParams, sessionPageSchema, sessionSchema, updateSessionSchema } from "@/lib/training/sessions-schema";
import { defineOperation } from "../operation";

export const listTrainingSessions = defineOperation({
  id: "listTrainingSessions",
  method: "get",
  path: "/api/v1/training-sessions",
  roles: ANY_ROLE,
  tag: "training-sessions",
  summary: "Training sessions (研修実施記録): one course held on one day, written by the bulk entry; paged on the server",
  description:
    "Filters: q (title, place, instructor or course title), courseId, fy (fiscal year, by the start-month setting). " +
    "Sort: heldOn, course, attendees; dir asc/desc. attendeeCount counts the session's live records.",
  query: listSessionsQuery,
  response: sessionPageSchema,
});

export const exportTrainingSessions = defineOperation({
  id: "exportTrainingSessions",
  method: "get",
  path: "/api/v1/training-sessions/export.csv",
  roles: ANY_ROLE,
  tag: "training-sessions",
  summary: "The filtered training-session list as CSV (UTF-8 with BOM; formula-like cells neutralised); with format=xlsx an Excel workbook instead",
  description: "Filters and sort as the list: q, courseId, fy; sort heldOn, course, attendees; dir asc/desc.",
  query: withExportFormat(exportSessionsQuery),
  produces: EXPORT_CONTENT_TYPES,
});

export const getTrainingSession = defineOperation({
  id: "getTrainingSession",
  paramsExample: { id: 1 },
  method: "get",
  path: "/api/v1/training-sessions/{id}",
  roles: ANY_ROLE,
  tag: "training-sessions",
  summary: "A training session, its attendees (the training records entered with it; retired ones marked) and its history (before → after of each change, who and when)",
  params: sessionIdParams,
  response: sessionDetailSchema,
});

export const updateTrainingSession = defineOperation({
  id: "updateTrainingSession",
  paramsExample: { id: 1 },
  method: "patch",
  path: "/api/v1/training-sessions/{id}",
  roles: TRAINING_WRITERS,
  tag: "training-sessions",
  summary: "Correct a session's title, place, instructor or note (send the version you read; a stale version gets 409)",
  description: "The course, the day and the format are those of its records: correct the records themselves for those.",
  params: sessionIdParams,
  body: updateSessionSchema,
  example: { title: "全社員向け個人情報保護研修（集合）", place: "本社 大会議室", instructor: "個人情報保護管理者", note: "API例", version: 1 },
  response: sessionSchema,
});
