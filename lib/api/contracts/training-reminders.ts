import { z } from "zod";
import { ADMINS, TRAINING_WRITERS } from "@/lib/auth/roles";
import { employeeReminderSchema, trainingReminderSettingsDto, updateTrainingReminderSettingsSchema } from "@/lib/notifications/training-reminders";
import { employeeIdParams } from "@/lib/training/employees-schema";
import { defineOperation } from "../operation";

/**
 * Training reminders to the employees themselves (docs/domain.md, "Notifications"): the company's
 * opt-in and limits, and what was sent to one employee (HR sees it on the employee's page).
 */

export const getTrainingReminderSettings = defineOperation({
  id: "getTrainingReminderSettings",
  method: "get",
  path: "/api/v1/settings/training-reminders",
  roles: TRAINING_WRITERS,
  tag: "settings",
  summary: "Training reminders to employees: whether the company sends them (off by default), at most how many per employee, course and fiscal year (1–5, default 3), how many days apart (default 7); and whether e-mail is configured at all",
  response: trainingReminderSettingsDto,
});

export const updateTrainingReminderSettings = defineOperation({
  id: "updateTrainingReminderSettings",
  method: "put",
  path: "/api/v1/settings/training-reminders",
  roles: ADMINS,
  tag: "settings",
  summary: "Change the training reminder settings (send the version you read; 0 while nothing has been saved yet; stale → 409)",
  body: updateTrainingReminderSettingsSchema,
  example: { enabled: true, maxPerCourse: 3, intervalDays: 7, version: 0 },
  response: trainingReminderSettingsDto,
});

export const listEmployeeTrainingReminders = defineOperation({
  id: "listEmployeeTrainingReminders",
  method: "get",
  path: "/api/v1/employees/{id}/training-reminders",
  roles: TRAINING_WRITERS,
  tag: "employees",
  summary: "The training reminders queued for one employee, newest first: course, fiscal year, which reminder of how many, the deadline, and the delivery's status (pending, sent, failed with the error)",
  params: employeeIdParams,
  paramsExample: { id: 1 },
  response: z.array(employeeReminderSchema),
});
