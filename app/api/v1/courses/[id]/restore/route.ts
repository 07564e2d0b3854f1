import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/courses";
import { setCourseRetired } from "@/db/queries/courses";

export const POST = handle(ops.restoreCourse, async ({ user, params, body }) => setCourseRetired(user, params.id, false, body.version));
