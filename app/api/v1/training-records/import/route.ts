import { handle } from "@/lib/api/handler";
import { importTrainingRecords } from "@/lib/api/contracts/training-import";
import { trainingRecordImport } from "@/db/queries/imports/training-records";
import { runImport } from "@/db/queries/imports/pipeline";

// Uploads run long on big files; never cache, never prerender.
export const dynamic = "force-dynamic";

// The route helper reads at most the module's byte limit (plus the multipart framing) before answering 413.
export const POST = handle(importTrainingRecords, (ctx) => runImport(trainingRecordImport, ctx), { maxUploadBytes: trainingRecordImport.maxBytes });
