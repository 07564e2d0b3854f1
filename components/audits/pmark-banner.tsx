"use client";

import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import type { CertificateDto } from "@/lib/audits/schema";
import { formatDate } from "@/lib/dates";

/** The renewal warning: through the window (amber) and after it closes (red). Nothing before the window opens. */
export function PmarkBanner({ certificate, showLink = true }: { certificate: CertificateDto | null; showLink?: boolean }) {
  const t = useTranslations("audits.banner");
  if (!certificate) {
    return (
      <div role="alert" className="mb-4 rounded-md border-2 border-red-300 bg-red-50 px-4 py-3 text-sm font-semibold text-red-900">
        {t("none")}{" "}
        {showLink ? (
          <Link className="underline" href="/audits/pmark">
            {t("open")}
          </Link>
        ) : null}
      </div>
    );
  }
  const w = certificate.window;
  if (w.state === "before_window") return null;
  const urgent = w.state !== "window_open";
  const values = { closesOn: formatDate(w.closesOn), expiresOn: formatDate(w.expiresOn), days: w.daysLeft };
  return (
    <div
      role="alert"
      data-testid="pmark-banner"
      className={`mb-4 flex flex-wrap items-center justify-between gap-2 rounded-md border-2 px-4 py-3 text-sm font-semibold ${
        urgent ? "border-red-400 bg-red-50 text-red-900" : "border-amber-400 bg-amber-50 text-amber-950"
      }`}
    >
      <span>
        <span aria-hidden="true" className="mr-2">⚠</span>
        {t(w.state, values)}
      </span>
      {showLink ? (
        <Link className="underline underline-offset-2" href="/audits/pmark">
          {t("open")}
        </Link>
      ) : null}
    </div>
  );
}
