import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/pms-posts";
import { listPeople } from "@/db/queries/pms-structure";

export const GET = handle(ops.listPmsPeople, async () => listPeople());
