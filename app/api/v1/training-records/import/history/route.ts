import { handle } from "@/lib/api/handler";
import { importHistory } from "@/lib/api/contracts/training-import";
import { listRecentImports } from "@/db/queries/training-import";

export const dynamic = "force-dynamic";

export const GET = handle(importHistory, async () => ({ items: await listRecentImports(20) }));
