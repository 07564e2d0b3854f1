import { handle } from "@/lib/api/handler";
import { importContractors } from "@/lib/api/contracts/contractors";
import { contractorImport } from "@/db/queries/imports/contractors";
import { runImport } from "@/db/queries/imports/pipeline";

export const dynamic = "force-dynamic";

export const POST = handle(importContractors, (ctx) => runImport(contractorImport, ctx), { maxUploadBytes: contractorImport.maxBytes });
