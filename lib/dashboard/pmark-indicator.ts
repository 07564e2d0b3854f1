import { renewalWindow } from "@/lib/audits/renewal-window";
import { PMARK_VALUES } from "./score";

/** The score's P-mark indicator (docs/domain.md, "Dashboard and compliance score"), apart from ./score.ts, whose constants client components import: it reads the renewal window, which reads the holidays. */

export type CertificateFacts = { validFrom: string; validTo: string; /** Tokyo date the certificate was recorded. */ recordedOn: string };

/**
 * P-mark as of `asOf` (lib/audits/renewal-window.ts): 1 while a certificate is valid and its
 * renewal window has not closed, or once a successor certificate is on record (recorded on or before
 * the day); 0.5 when the window has closed and no successor is recorded yet; 0 without a valid
 * certificate. A certificate valid on the day counts whenever it was entered (the validity is a fact).
 */
export function pmarkIndicator(certs: readonly CertificateFacts[], asOf: string): number {
  // A certificate valid on the day counts whenever it was typed in; a successor counts once recorded.
  const current = certs.filter((c) => c.validFrom <= asOf).sort((a, b) => (a.validTo < b.validTo ? 1 : a.validTo > b.validTo ? -1 : 0))[0];
  if (!current) return PMARK_VALUES.none;
  const w = renewalWindow(current.validTo, asOf);
  if (w.state === "expired") return PMARK_VALUES.none;
  if (w.state === "window_closed_not_expired") return certs.some((c) => c.recordedOn <= asOf && c.validTo > current.validTo) ? PMARK_VALUES.valid : PMARK_VALUES.windowClosed;
  return PMARK_VALUES.valid;
}
