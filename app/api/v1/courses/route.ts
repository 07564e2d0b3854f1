import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/courses";
import { createCourse, listCourses } from "@/db/queries/courses";

export const GET = handle(ops.listCourses, async ({ query }) => listCourses(query));
export const POST = handle(ops.createCourse, async ({ user, body }) => createCourse(user, body));
