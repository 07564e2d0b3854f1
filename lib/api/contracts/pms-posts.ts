import { ANY_ROLE } from "@/lib/auth/roles";
import { REGULATION_WRITERS } from "@/lib/regulations/roles";
import {
  createAppointmentSchema,
  createPostSchema,
  endAppointmentSchema,
  peopleSchema,
  postIdParams,
  postSchema,
  postsQuery,
  postsResponseSchema,
  updateAppointmentSchema,
  updatePostSchema,
} from "@/lib/regulations/structure-schema";
import { defineOperation } from "../operation";
import { recordActions } from "../record-actions";
import { versionOnlySchema } from "@/lib/validation/common";

const tag = "pms-structure";

export const listPmsPosts = defineOperation({
  id: "listPmsPosts",
  method: "get",
  path: "/api/v1/pms-posts",
  roles: ANY_ROLE,
  tag,
  summary:
    "PMS structure 体制: every post with its holders on asOf (default today) — a post with nobody is a gap — its appointment history and the posts it may not be held together with (兼任不可); `conflicts` lists anyone holding two such posts at once (older or imported data)",
  query: postsQuery,
  response: postsResponseSchema,
});

export const createPmsPost = defineOperation({
  id: "createPmsPost",
  method: "post",
  path: "/api/v1/pms-posts",
  roles: REGULATION_WRITERS,
  tag,
  summary:
    "Add a post (e.g. 部門責任者 of a department). exclusiveWith: live posts it may not be held together with (兼任不可); the other posts name it too (each such post gets a new version and an audit entry)",
  body: createPostSchema,
  example: { code: "POST-DPO-DEPUTY", title: "個人情報保護管理者代理", departmentId: null, description: "管理者不在時の代行", sortOrder: 15, exclusiveWith: [2] },
  successStatus: 201,
  response: postSchema,
});

export const updatePmsPost = defineOperation({
  id: "updatePmsPost",
  method: "patch",
  path: "/api/v1/pms-posts/{id}",
  roles: REGULATION_WRITERS,
  tag,
  summary:
    "Change a post (stale version → 409). exclusiveWith replaces its 兼任不可 list (absent: unchanged), kept symmetric; naming a post that someone holds together with this one today or later → 409 with a field error naming the person and the post",
  params: postIdParams,
  body: updatePostSchema,
  example: {
    code: "POST-CPO",
    title: "個人情報保護管理者",
    departmentId: null,
    description: "PMSの実施及び運用に関する責任と権限を持つ（JIS Q 15001 A.3.3.4）",
    sortOrder: 10,
    exclusiveWith: [2],
    version: 1,
  },
  response: postSchema,
});

const post = recordActions({ path: "/api/v1/pms-posts/{id}", roles: REGULATION_WRITERS, tag, params: postIdParams, body: versionOnlySchema, response: postSchema });

export const retirePmsPost = post("retire", { id: "retirePmsPost", summary: "Retire a post that no longer exists (kept with its history)" });

export const createPmsAppointment = defineOperation({
  id: "createPmsAppointment",
  method: "post",
  path: "/api/v1/pms-posts/{id}/appointments",
  roles: REGULATION_WRITERS,
  tag,
  summary:
    "Appoint a person (a sign-in user or an employee) to a post for a term. A term that meets the same person's appointment to a post this one may not be held together with (兼任不可) → 409 with a field error on personId naming that post; nothing is written",
  params: postIdParams,
  body: createAppointmentSchema,
  example: { personType: "employee", personId: 5, fromDate: "2026-12-01", toDate: null, note: "取締役会決議（2026年11月）" },
  successStatus: 201,
  response: postSchema,
});

export const updatePmsAppointment = defineOperation({
  id: "updatePmsAppointment",
  method: "patch",
  path: "/api/v1/pms-posts/appointments/{id}",
  roles: REGULATION_WRITERS,
  tag,
  summary:
    "Correct an appointment (person, term, note; stale version → 409). A new person or term that meets their appointment to a post this one may not be held together with (兼任不可) → 409 with a field error on personId",
  params: postIdParams,
  body: updateAppointmentSchema,
  example: { personType: "user", personId: 1, fromDate: "2024-04-01", toDate: null, note: "代表取締役による任命", version: 1 },
  response: postSchema,
});

export const endPmsAppointment = defineOperation({
  id: "endPmsAppointment",
  method: "post",
  path: "/api/v1/pms-posts/appointments/{id}/end",
  roles: REGULATION_WRITERS,
  tag,
  summary: "End a term on a given last day (appointments are ended, never deleted)",
  params: postIdParams,
  body: endAppointmentSchema,
  example: { toDate: "2027-03-31", version: 1 },
  response: postSchema,
});

export const listPmsPeople = defineOperation({
  id: "listPmsPeople",
  method: "get",
  path: "/api/v1/pms-posts/people",
  roles: REGULATION_WRITERS,
  tag,
  summary: "Whom a post can be given to: active sign-in users, and departments for department posts (employees are searched with listEmployeePickOptions)",
  response: peopleSchema,
});
