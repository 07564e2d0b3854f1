import { uploadForm } from "@/components/import/upload";
import { ApiProblem } from "@/lib/client/api";
import { toLoginAfterSessionEnded } from "@/lib/client/session-expired";
import type { EvidenceUploadDto } from "@/lib/evidence/schema";

/**
 * One file to the evidence API: the bytes as the body (application/octet-stream), the facts in the
 * query; XMLHttpRequest for the upload's progress (components/import/upload.ts). A refusal becomes an
 * ApiProblem with its field messages, as apiFetch throws it, so the form kit shows it.
 */
export async function sendEvidenceFile(url: string, file: File, query: Record<string, string | number | null | undefined>, onProgress: (loaded: number, total: number) => void): Promise<EvidenceUploadDto> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== "") qs.set(k, String(v));
  const { promise } = uploadForm(`${url}?${qs}`, file, { accept: "application/json", contentType: "application/octet-stream", onUploadProgress: onProgress });
  const res = await promise;
  let body: { title?: string; detail?: string; errors?: { field: string; message: string }[] } & Partial<EvidenceUploadDto> = {};
  try {
    body = JSON.parse(res.text);
  } catch {
    /* not JSON */
  }
  if (res.status === 401) toLoginAfterSessionEnded();
  if (res.status < 200 || res.status >= 300) {
    const fields: Record<string, string> = {};
    for (const e of body.errors ?? []) fields[e.field] ??= e.message;
    throw new ApiProblem(res.status, body.title ?? String(res.status), body.detail, fields);
  }
  return body as EvidenceUploadDto;
}
