import { handle } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/api/errors";
import * as ops from "@/lib/api/contracts/courses";
import { getCourseDetail, updateCourse } from "@/db/queries/courses";

export const GET = handle(ops.getCourse, async ({ params }) => (await getCourseDetail(params.id)) ?? Promise.reject(new NotFoundError()));
export const PATCH = handle(ops.updateCourse, async ({ user, params, body }) => updateCourse(user, params.id, body));
