import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PmarkBanner } from "@/components/audits/pmark-banner";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { formatDate } from "@/lib/dates";
import { fiscalYearLabel } from "@/lib/fiscal-year";
import type { CheckState, ReadinessCheck } from "@/lib/renewal/readiness";
import type { ReadinessDto } from "@/lib/renewal/readiness-schema";

const STATE_TONE: Record<CheckState, "green" | "red" | "amber"> = { pass: "green", fail: "red", open: "amber" };

/**
 * The renewal readiness page (docs/domain.md, "Renewal readiness"): the certificate and its window, then
 * per fiscal year each check with its state, evidence, records and what is missing — each missing item
 * a link to the list (with its filters) that shows it. Read-only, rendered on the server.
 */
export async function ReadinessView({ data }: { data: ReadinessDto }) {
  const t = await getTranslations("renewal");
  const locale = (await getLocale()) as "ja" | "en";
  const tc = await getTranslations("common");
  const cert = data.certificate;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <>
            <ButtonLink href="/renewal/pack" variant="primary">
              {t("packLink")}
            </ButtonLink>
            <ButtonLink href="/renewal/correspondence">{t("correspondenceLink")}</ButtonLink>
          </>
        }
      />
      <PmarkBanner certificate={cert} />
      <Card>
        {cert ? (
          <div className="space-y-1 text-sm text-slate-800">
            <p className="font-medium">{t("certificate", { number: cert.certificateNumber, date: formatDate(cert.validTo) })}</p>
            <p>{t("window", { opens: formatDate(cert.window.opensOn), closes: formatDate(cert.window.closesOn) })}</p>
          </div>
        ) : (
          <p className="text-sm">
            {t("noCertificate")}{" "}
            <Link className="text-brand-700 underline" href="/audits/pmark">
              {t("registerCertificate")}
            </Link>
          </p>
        )}
        <p className="mt-3 text-base font-semibold text-slate-900" data-testid="readiness-summary">
          {t("summary", { failing: data.counts.failing, open: data.counts.open, passing: data.counts.passing })}
        </p>
      </Card>
      {data.years.map((y) => (
        <section key={y.fiscalYear} aria-labelledby={`fy-${y.fiscalYear}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id={`fy-${y.fiscalYear}`} className="text-lg font-semibold text-slate-900">
            {fiscalYearLabel(y.fiscalYear, locale)}{" "}
            <span className="text-sm font-normal text-slate-600">
              {t("yearRange", { start: formatDate(y.start), end: formatDate(y.end) })}
              {tc("dot")}
              {y.current ? t("currentYear", { asOf: formatDate(y.asOf) }) : t("pastYear", { asOf: formatDate(y.asOf) })}
            </span>
          </h2>
          <ul className="mt-3 divide-y divide-slate-100">
            {y.checks.map((c) => (
              <CheckItem key={c.key} check={c} fiscalYear={y.fiscalYear} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

async function CheckItem({ check: c, fiscalYear }: { check: ReadinessCheck; fiscalYear: number }) {
  const t = await getTranslations("renewal");
  const types = await getTranslations("employmentTypes");
  const locale = await getLocale();
  const values = Object.fromEntries(Object.entries(c.evidence).map(([k, v]) => [k, v === null ? "—" : v]));
  const headingId = `check-${fiscalYear}-${c.key}`;
  return (
    <li className="py-3" data-testid={`check-${fiscalYear}-${c.key}`} aria-labelledby={headingId}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={STATE_TONE[c.state]}>{t(`states.${c.state}`)}</Badge>
        <h3 id={headingId} className="text-sm font-semibold text-slate-900">
          {t(`checks.${c.key}`)}
        </h3>
      </div>
      <p className="mt-1 text-sm text-slate-700">{t(`evidence.${c.key}`, values)}</p>
      {c.key === "training" ? <p className="mt-0.5 text-sm text-slate-700">{t("evidence.workers", values)}</p> : null}
      {c.records.length ? (
        <div className="mt-1 text-sm">
          <span className="text-slate-600">{t("records")}: </span>
          <ul className="inline-flex flex-wrap gap-x-3">
            {c.records.map((r, i) => (
              <li key={`${r.href}-${i}`}>
                <Link className="text-brand-700 underline" href={r.href}>
                  {r.label === "trainingStatus" ? t("trainingStatusRecord") : r.label}
                </Link>
                {r.date ? <span className="text-slate-600"> ({formatDate(r.date)})</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {c.missing.length ? (
        <div className="mt-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
          <p className="text-xs font-semibold text-slate-700">{t("missingHeading")}</p>
          <ul className="mt-1 space-y-1 text-sm">
            {c.missing.map((m, i) => (
              <li key={`${m.reason}-${i}`}>
                {/* The missing item itself is the link to the list that shows it. */}
                <Link className="text-brand-700 underline" href={m.href} data-testid={`missing-${fiscalYear}-${m.reason}`}>
                  {t(`missing.${m.reason}`, {
                    count: m.count,
                    name: m.name ?? "",
                    names: (m.names ?? []).join(locale === "ja" ? "、" : ", "),
                    type: m.name && m.reason === "typeNotCovered" ? types(m.name) : "",
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  );
}
