import { handle } from "@/lib/api/handler";
import { importTrainingRecords } from "@/lib/api/contracts/training-import";
import { IMPORT_MAX_BYTES } from "@/lib/training/import";
import { ImportRejectedError, commitImport, importProblemResponse, previewImport, readUpload, streamCommit } from "./_lib/service";

// Uploads run long on big files; never cache, never prerender.
export const dynamic = "force-dynamic";

export const POST = handle(
  importTrainingRecords,
  async ({ form, user, locale, req }) => {
    const instance = new URL(req.url).pathname;
    const { mode, upload } = await readUpload(form);
    try {
      if (mode === "preview") return await previewImport(upload, locale);
      if ((req.headers.get("accept") ?? "").includes("application/x-ndjson")) return streamCommit(upload, user, locale, instance);
      return await commitImport(upload, user);
    } catch (err) {
      if (err instanceof ImportRejectedError) return importProblemResponse(err, locale, instance);
      throw err;
    }
  },
  // The route helper reads at most this much (plus the multipart framing) before answering 413.
  { maxUploadBytes: IMPORT_MAX_BYTES },
);
