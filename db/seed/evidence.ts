import { createHash } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { contractors, evidence, evidenceBlobs, evidenceChunks, evidenceVersions, users } from "@/db/schema";
import { addDays } from "@/lib/dates";

/**
 * Demo evidence (docs/domain.md, "Evidence files"): the signed service agreement of the first
 * contractor, a one-page PDF made here, effective a year ago and expiring in 20 days — so the
 * calendar, the dashboard's expiry figure and the contractor's page show one. Evidence 1, version 1:
 * the API reference's disposal example points at it.
 */
export async function seedEvidence(tx: Tx, { today }: { today: string }): Promise<{ evidence: number }> {
  const [contractor] = await tx.select({ id: contractors.id, name: contractors.name }).from(contractors).orderBy(asc(contractors.id)).limit(1);
  const [manager] = await tx.select({ id: users.id }).from(users).where(eq(users.email, "manager@example.com"));
  if (!contractor) return { evidence: 0 };
  const pdf = onePagePdf(["Service agreement (demo)", `Contractor #${contractor.id}`, `Effective ${addDays(today, -345)}`]);
  const sha256 = createHash("sha256").update(pdf).digest("hex");
  const [blob] = await tx
    .insert(evidenceBlobs)
    .values({ sha256, byteSize: pdf.byteLength, mediaType: "application/pdf", chunkCount: 1 })
    .returning({ id: evidenceBlobs.id });
  await tx.insert(evidenceChunks).values({ blobId: blob.id, seq: 0, data: pdf });
  const [item] = await tx
    .insert(evidence)
    .values({ recordKind: "contractor", recordId: contractor.id, title: "業務委託契約書（署名済）", createdBy: manager?.id ?? null })
    .returning({ id: evidence.id });
  await tx.insert(evidenceVersions).values({
    evidenceId: item.id,
    number: 1,
    fileName: "業務委託契約書_署名済.pdf",
    mediaType: "application/pdf",
    byteSize: pdf.byteLength,
    sha256,
    blobId: blob.id,
    effectiveOn: addDays(today, -345),
    expiresOn: addDays(today, 20),
    uploadedBy: manager?.id ?? null,
  });
  return { evidence: 1 };
}

/** A valid one-page PDF with a few lines of ASCII text (offsets in the cross-reference table computed). */
export function onePagePdf(lines: string[]): Uint8Array {
  const text = lines.map((l, i) => `BT /F1 14 Tf 72 ${760 - i * 22} Td (${l.replace(/[()\\]/g, "\\$&")}) Tj ET`).join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
