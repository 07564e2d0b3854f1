import "server-only";
import { desc, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { pmarkCertificates, type PmarkCertificate } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { todayInTokyo } from "@/lib/dates";
import { defaultValidTo } from "@/lib/audits/rules";
import { renewalWindow } from "@/lib/audits/renewal-window";
import type { CertificateDto, CreateCertificateInput, CurrentCertificate, UpdateCertificateInput } from "@/lib/audits/schema";
import { recordAudit } from "./audit";
import { updateVersioned } from "./versioned";

function dto(c: PmarkCertificate, today: string): CertificateDto {
  return {
    id: c.id,
    certificateNumber: c.certificateNumber,
    validFrom: c.validFrom,
    validTo: c.validTo,
    note: c.note,
    window: renewalWindow(c.validTo, today),
    version: c.version,
    createdAt: c.createdAt.toISOString(),
  };
}

/** The current certificate (latest valid-to) with its renewal window, and the earlier ones. */
export async function getCurrentCertificate(today = todayInTokyo()): Promise<CurrentCertificate> {
  const db = await getDb();
  const rows = await db.select().from(pmarkCertificates).where(isNull(pmarkCertificates.retiredAt)).orderBy(desc(pmarkCertificates.validTo), desc(pmarkCertificates.id));
  const [current, ...history] = rows.map((r) => dto(r, today));
  return { current: current ?? null, history, today };
}

export async function createCertificate(actor: SessionUser, input: CreateCertificateInput, today = todayInTokyo()): Promise<CertificateDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pmarkCertificates)
      .values({ certificateNumber: input.certificateNumber, validFrom: input.validFrom, validTo: input.validTo ?? defaultValidTo(input.validFrom), note: input.note })
      .returning();
    await recordAudit(tx, actor, { action: "create", entity: "pmark_certificate", entityId: row.id, after: row });
    return dto(row, today);
  });
}

export async function updateCertificate(actor: SessionUser, id: number, input: UpdateCertificateInput, today = todayInTokyo()): Promise<CertificateDto> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const after = await updateVersioned(tx, actor, {
      table: pmarkCertificates,
      entity: "pmark_certificate",
      id,
      version: input.version,
      where: isNull(pmarkCertificates.retiredAt),
      change: () => ({
        certificateNumber: input.certificateNumber,
        validFrom: input.validFrom,
        validTo: input.validTo ?? defaultValidTo(input.validFrom),
        note: input.note,
      }),
    });
    return dto(after, today);
  });
}
