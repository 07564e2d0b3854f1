import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/courses";
import { setCourseRetired } from "@/db/queries/courses";

export const POST = handle(ops.retireCourse, async ({ user, params, body }) => setCourseRetired(user, params.id, true, body.version));
