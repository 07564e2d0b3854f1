import { handle } from "@/lib/api/handler";
import { importRegister } from "@/lib/api/contracts/register";
import { registerImport } from "@/db/queries/imports/register";
import { runImport } from "@/db/queries/imports/pipeline";

export const dynamic = "force-dynamic";

export const POST = handle(importRegister, (ctx) => runImport(registerImport, ctx), { maxUploadBytes: registerImport.maxBytes });
