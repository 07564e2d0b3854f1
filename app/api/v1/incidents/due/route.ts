import { handle } from "@/lib/api/handler";
import * as ops from "@/lib/api/contracts/incidents";
import { listDueNow } from "@/db/queries/incidents";

export const GET = handle(ops.dueIncidents, async ({ query }) => listDueNow(query.limit));
