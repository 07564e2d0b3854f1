import "server-only";
import { sql } from "drizzle-orm";
import type { RenewalWindow } from "@/lib/audits/rules";
import { renewalWindow } from "@/lib/audits/renewal-window";
import { dashboardLinks as links } from "@/lib/dashboard/links";
import { query, type Db } from "./sql";

// The P-mark certificate: the renewal window of lib/audits/rules.ts

export async function pmarkCard(db: Db, today: string): Promise<{ certificateNumber: string | null; validTo: string | null; window: RenewalWindow | null; href: string }> {
  const [c] = await query<{ certificate_number: string; valid_to: string }>(
    db,
    sql`select certificate_number, to_char(valid_to, 'YYYY-MM-DD') as valid_to from pmark_certificates
        where retired_at is null order by valid_to desc, id desc limit 1`,
  );
  return { certificateNumber: c?.certificate_number ?? null, validTo: c?.valid_to ?? null, window: c ? renewalWindow(c.valid_to, today) : null, href: links.pmark() };
}

/** For the score: every live certificate with the day it was recorded (pmarkIndicator judges each as-of day). */
export async function pmarkCertificateFacts(db: Db): Promise<{ validFrom: string; validTo: string; recordedOn: string }[]> {
  const certs = await query<{ valid_from: string; valid_to: string; recorded_on: string }>(
    db,
    sql`select to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to,
               to_char(created_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD') as recorded_on
        from pmark_certificates where retired_at is null`,
  );
  return certs.map((c) => ({ validFrom: c.valid_from, validTo: c.valid_to, recordedOn: c.recorded_on }));
}
