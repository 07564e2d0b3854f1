"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/card";

// The pieces of a second-factor enrolment, on the login page (an enrolment the setting requires) and
// on the account page (docs/security.md, "Second factor").

/** The QR code to scan and the same secret as text, for an app that cannot scan. */
export function EnrolmentSecret({ qrSvg, secret }: { qrSvg: string; secret: string }) {
  const t = useTranslations("auth");
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">{t("scanHelp")}</p>
      {/* The SVG comes from our own server (the qrcode package); as an image it cannot run script. A data URL needs no optimising. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={`data:image/svg+xml;base64,${toBase64(qrSvg)}`} alt={t("qrAlt")} width={200} height={200} className="mx-auto border border-slate-200" />
      <p className="text-sm text-slate-700">
        {t("secretHelp")} <code className="break-all rounded bg-slate-100 px-1 font-mono text-sm" data-testid="totp-secret">{secret}</code>
      </p>
    </div>
  );
}

/** Ten one-time recovery codes, shown once. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations("auth");
  return (
    <section aria-labelledby="recovery-title" className="space-y-2">
      <h2 id="recovery-title" className="font-semibold">
        {t("recoveryTitle")}
      </h2>
      <Alert tone="warning">{t("recoveryHelp")}</Alert>
      <ul className="grid grid-cols-2 gap-1 font-mono text-sm" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </section>
  );
}

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}
