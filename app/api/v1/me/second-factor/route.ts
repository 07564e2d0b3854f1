import { handle } from "@/lib/api/handler";
import { enrolMySecondFactor, getMySecondFactor } from "@/lib/api/contracts/second-factor";
import { beginEnrolment, confirmEnrolment, secondFactorStatus } from "@/db/queries/second-factor";

export const GET = handle(getMySecondFactor, async ({ user }) => secondFactorStatus(user.id));
export const POST = handle(enrolMySecondFactor, async ({ user, body }) => (body.code ? confirmEnrolment(user, body.code) : beginEnrolment(user)));
