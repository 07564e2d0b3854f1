import { handle } from "@/lib/api/handler";
import { importEmployees } from "@/lib/api/contracts/employees";
import { employeeImport } from "@/db/queries/imports/employees";
import { runImport } from "@/db/queries/imports/pipeline";

export const dynamic = "force-dynamic";

export const POST = handle(importEmployees, (ctx) => runImport(employeeImport, ctx), { maxUploadBytes: employeeImport.maxBytes });
