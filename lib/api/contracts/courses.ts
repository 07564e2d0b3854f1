import { ANY_ROLE, TRAINING_WRITERS } from "@/lib/auth/roles";
import {
  courseDetailSchema,
  courseIdParams,
  courseSchema,
  createCourseSchema,
  exportCoursesQuery,
  listCoursesQuery,
  updateCourseSchema,
} from "@/lib/training/courses-schema";
import { defineOperation } from "../operation";
import { recordActions } from "../record-actions";
import { EXPORT_CONTENT_TYPES, withExportFormat } from "@/lib/list/export-format";
import { pageSchema } from "@/lib/list/page";
import { versionOnlySchema } from "@/lib/validation/common";

export const listCourses = defineOperation({
  id: "listCourses",
  method: "get",
  path: "/api/v1/courses",
  roles: ANY_ROLE,
  tag: "courses",
  summary: "Courses (教育プログラム), paged; retired ones only with includeRetired=true",
  query: listCoursesQuery,
  response: pageSchema(courseSchema),
});

export const createCourse = defineOperation({
  id: "createCourse",
  method: "post",
  path: "/api/v1/courses",
  roles: TRAINING_WRITERS,
  tag: "courses",
  summary: "Create a course with its audience, recurrence, new-hire deadline and pass mark",
  description:
    "audienceAll=false needs at least one department id or employment type. recurrenceMonths null = once only (default 12). " +
    "passMark null = attendance only.",
  body: createCourseSchema,
  example: {
    code: "MYNUMBER-2026",
    title: "マイナンバー取扱い研修",
    description: "特定個人情報（マイナンバー）を取り扱う担当者向けの研修です。",
    audienceAll: false,
    audienceDepartmentIds: [2, 3],
    audienceEmploymentTypes: [],
    recurrenceMonths: 12,
    newHireDueDays: 30,
    passMark: 80,
    requiredFrom: "2026-04-01",
  },
  successStatus: 201,
  response: courseSchema,
});

export const getCourse = defineOperation({
  id: "getCourse",
  method: "get",
  path: "/api/v1/courses/{id}",
  roles: ANY_ROLE,
  tag: "courses",
  summary: "A course and its change history",
  params: courseIdParams,
  response: courseDetailSchema,
});

export const updateCourse = defineOperation({
  id: "updateCourse",
  method: "patch",
  path: "/api/v1/courses/{id}",
  roles: TRAINING_WRITERS,
  tag: "courses",
  summary: "Change a course (send the version you read; a stale version gets 409)",
  params: courseIdParams,
  body: updateCourseSchema,
  example: {
    code: "PI-BASIC",
    title: "個人情報保護基礎研修",
    description: "個人情報保護方針、個人情報保護法および当社規程の基本を学ぶ全従業者向けの年次研修です。",
    audienceAll: true,
    audienceDepartmentIds: [],
    audienceEmploymentTypes: [],
    recurrenceMonths: 12,
    newHireDueDays: 30,
    passMark: 80,
    requiredFrom: "2024-04-01",
    version: 1,
  },
  response: courseSchema,
});

const course = recordActions({ path: "/api/v1/courses/{id}", roles: TRAINING_WRITERS, tag: "courses", params: courseIdParams, body: versionOnlySchema, response: courseSchema });

export const retireCourse = course("retire", { id: "retireCourse", summary: "Retire a course: it is no longer required; its records stay" });

export const restoreCourse = course("restore", { id: "restoreCourse", summary: "Bring a retired course back", paramsExample: { id: 6 } });

export const exportCourses = defineOperation({
  id: "exportCourses",
  method: "get",
  path: "/api/v1/courses/export.csv",
  roles: ANY_ROLE,
  tag: "courses",
  summary: "The course list (same filters as listCourses) as CSV, UTF-8 with BOM; with format=xlsx an Excel workbook instead (same columns, dates as dates)",
  query: withExportFormat(exportCoursesQuery),
  produces: EXPORT_CONTENT_TYPES,
});
