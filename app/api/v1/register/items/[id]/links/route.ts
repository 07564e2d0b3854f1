import { handle } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/api/errors";
import * as ops from "@/lib/api/contracts/register-risks";
import { getItemLinks } from "@/db/queries/register-links";

export const GET = handle(ops.getRegisterItemLinks, async ({ params }) => (await getItemLinks(params.id)) ?? Promise.reject(new NotFoundError()));
