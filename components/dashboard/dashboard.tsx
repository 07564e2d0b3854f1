import Link from "@/components/ui/link";
import { useLocale, useTranslations } from "next-intl";
import { Alert, Card, EmptyState } from "@/components/ui/card";
import type { DashboardSummaryDto } from "@/lib/dashboard/schema";
import type { Role } from "@/lib/auth/roles";
import { formatDate } from "@/lib/dates";
import { fiscalYearLabel } from "@/lib/fiscal-year";
import { sectionOrder, type DashboardSection } from "@/lib/dashboard/sections";
import { RENEWAL_READERS } from "@/lib/renewal/roles";
import { DepartmentRatesChart, IncidentsPerMonthChart, TrainingTrendChart } from "./dashboard-charts";
import { FiscalYearPicker } from "./fiscal-year-picker";
import { formatCount, formatPercent, monthLabel } from "./format";
import { Kpi } from "./kpi";
import { RenewalReadinessKpi } from "./renewal-readiness-kpi";
import { RetryButton } from "./retry-button";
import { ScorePanel } from "./score-panel";
import { Section } from "./section";
import { countTone, rateTone, renewalTone, type Tone } from "./tone";
import { TONE_STYLES, ToneBadge } from "./tone-icon";

/**
 * The dashboard: the sections in the order that fits the role, every figure a link.
 * Rendered on the server (the figures are in the first HTML and need no JavaScript); only the FY
 * picker, the charts and the score panel, which loads its heavier monthly recomputation itself,
 * run in the browser. `summary` is null when it could not be read.
 */
export function Dashboard({ role, fy, summary: s }: { role: Role; fy: number | null; summary: DashboardSummaryDto | null }) {
  const t = useTranslations("dashboard");
  const order = sectionOrder(role);

  if (!s) {
    return (
      <div className="space-y-3">
        <Alert tone="error">{t("loadError")}</Alert>
        <RetryButton label={t("retry")} />
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <YearBar s={s} />
      {role === "privacy_manager" ? <NotificationsFailing s={s} /> : null}
      {order.map((section) =>
        section === "score" ? (
          <ScorePanel key={section} fy={fy} />
        ) : (
          <Section key={section} id={section} title={t(`sections.${section}`)}>
            <SectionBody section={section} s={s} fy={fy} role={role} />
          </Section>
        ),
      )}
    </div>
  );
}

function YearBar({ s }: { s: DashboardSummaryDto }) {
  const t = useTranslations("dashboard");
  return (
    <div className="flex flex-wrap items-center gap-3">
      <FiscalYearPicker value={s.fiscalYear} years={s.fiscalYears} />
      <span className="text-sm text-slate-600">{t("asOf", { date: formatDate(s.today) })}</span>
      {!s.isCurrentFiscalYear ? (
        <p className="w-full text-sm text-slate-600">{s.asOf < s.today ? t("pastYearNote") : t("futureYearNote")}</p>
      ) : null}
    </div>
  );
}

const grid = "grid gap-3 sm:grid-cols-2 lg:grid-cols-3";

/** The outbox's failures, for the privacy manager (the one who can open the deliveries). */
function NotificationsFailing({ s }: { s: DashboardSummaryDto }) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const n = s.notifications;
  return (
    <div className={grid}>
      <Kpi id="notifications-failing" label={t("notifications.failing")} value={formatCount(n.failing, locale)} href={n.href} tone={countTone(n.failing)} detail={t("notifications.detail")} />
    </div>
  );
}

function SectionBody({ section, s, fy, role }: { section: Exclude<DashboardSection, "score">; s: DashboardSummaryDto; fy: number | null; role: Role }) {
  switch (section) {
    case "training":
      return <TrainingSection s={s} fyKey={fy} />;
    case "incidents":
      return <IncidentsSection s={s} />;
    case "regulations":
      return <RegulationsSection s={s} />;
    case "register":
      return <RegisterSection s={s} />;
    case "requests":
      return <RequestsSection s={s} />;
    case "contractors":
      return <ContractorsSection s={s} />;
    case "audits":
      return <AuditsSection s={s} />;
    case "pmark":
      return <PmarkSection s={s} role={role} />;
  }
}

function TrainingSection({ s, fyKey }: { s: DashboardSummaryDto; fyKey: number | null }) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const tr = s.training;
  const fy = fiscalYearLabel(s.fiscalYear, locale as "ja" | "en");
  return (
    <div className="space-y-3">
      <div className={grid}>
        <Kpi
          id="training-completion"
          label={t("training.completion")}
          value={formatPercent(tr.rate, locale)}
          href={tr.href}
          tone={rateTone(tr.rate)}
          detail={tr.required ? t("training.completionDetail", { compliant: tr.compliant, required: tr.required }) : t("training.noRequired")}
        />
        <Kpi id="training-overdue" label={t("training.overdue")} value={formatCount(tr.overdue, locale)} href={tr.overdueHref} tone={countTone(tr.overdue)} />
        <Kpi id="training-due-soon" label={t("training.dueSoon")} value={formatCount(tr.dueSoon, locale)} href={tr.dueSoonHref} tone={countTone(tr.dueSoon, "attention")} />
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <Card title={t("training.byDepartment")}>
          {tr.byDepartment.length ? (
            <DepartmentRatesChart data={tr.byDepartment.map((d) => ({ key: String(d.id), label: d.name, value: d.rate ?? 0, href: d.href }))} fyLabel={fy} />
          ) : (
            <EmptyState>{t("training.noRequired")}</EmptyState>
          )}
        </Card>
        <Card title={t("training.trend")} action={<Link className="text-sm text-brand-700 underline" href={tr.href}>{t("trainingList")}</Link>}>
          {/* The monthly trend is the score's training indicator, recomputed per month end (one request with the score panel). */}
          <TrainingTrendChart fy={fyKey} fyLabel={fy} />
        </Card>
      </div>
    </div>
  );
}

function IncidentsSection({ s }: { s: DashboardSummaryDto }) {
  const t = useTranslations("dashboard");
  const ti = useTranslations("incidents");
  const locale = useLocale();
  const inc = s.incidents;
  const severe = inc.openBySeverity.filter((x) => x.severity === "high" || x.severity === "critical").reduce((a, x) => a + x.count, 0);
  const openTone: Tone = inc.open === 0 ? "good" : severe > 0 ? "critical" : "attention";
  const next = inc.nextDeadline;
  const nextTone: Tone = !next ? "good" : next.state === "late" ? "critical" : next.state === "due_soon" ? "attention" : "info";
  const fy = fiscalYearLabel(s.fiscalYear, locale as "ja" | "en");
  return (
    <div className="space-y-3">
      <div className={grid}>
        <Kpi
          id="incidents-open"
          label={t("incidents.open")}
          value={formatCount(inc.open, locale)}
          href={inc.openHref}
          tone={openTone}
          detail={
            <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1" aria-label={t("incidents.openDetail")}>
              {[...inc.openBySeverity].reverse().map((x) => (
                <li key={x.severity}>
                  <Link href={x.href} className="text-brand-700 underline underline-offset-2">
                    {ti(`severities.${x.severity}`)} {formatCount(x.count, locale)}
                  </Link>
                </li>
              ))}
            </ul>
          }
        />
        <Kpi id="incidents-late" label={t("incidents.late")} value={formatCount(inc.lateReports, locale)} href={inc.lateReportsHref} tone={countTone(inc.lateReports)} />
        <Kpi id="incidents-reportable" label={t("incidents.reportable")} value={formatCount(inc.reportableThisFy, locale)} href={inc.reportableHref} tone="info" detail={fy} />
      </div>
      <div className={`rounded-lg border border-l-4 border-slate-200 bg-white p-3 shadow-sm ${TONE_STYLES[nextTone].border}`} data-testid="next-deadline">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h3 className="text-sm font-medium text-slate-700">{t("incidents.nextDeadline")}</h3>
          {next ? <ToneBadge tone={nextTone} label={deadlineText(t, next.daysLeft)} /> : <ToneBadge tone="good" label={t("state.good")} />}
        </div>
        {next ? (
          <p className="mt-1 text-sm text-slate-800">
            <span className="font-semibold tabular-nums">{formatDate(next.dueOn)}</span> {t(`incidents.obligations.${next.key}`)} —{" "}
            <Link href={next.href} className="text-brand-700 underline underline-offset-2">
              {next.reference} {next.title}
            </Link>
          </p>
        ) : (
          <p className="mt-1 text-sm text-slate-700">{t("incidents.noDeadline")}</p>
        )}
      </div>
      <Card title={t("incidents.perMonth")} action={<Link className="text-sm text-brand-700 underline" href={inc.perMonthHref}>{t("incidentList")}</Link>}>
        <IncidentsPerMonthChart data={inc.perMonth.map((m) => ({ key: m.month, label: monthLabel(m.month, locale), value: m.count, href: inc.perMonthHref }))} fyLabel={fy} />
      </Card>
    </div>
  );
}

function deadlineText(t: ReturnType<typeof useTranslations<"dashboard">>, daysLeft: number | null): string {
  if (daysLeft === null) return t("state.info");
  if (daysLeft < 0) return t("incidents.daysLate", { days: -daysLeft });
  if (daysLeft === 0) return t("incidents.dueToday");
  return t("incidents.daysLeft", { days: daysLeft });
}

/** The personal information register: items overdue for review, high risks not accepted, items with sensitive data. */
function RegisterSection({ s }: { s: DashboardSummaryDto }) {
  const t = useTranslations("registerRisks.dashboard");
  const locale = useLocale();
  const r = s.register;
  return (
    <div className={grid}>
      <Kpi id="register-overdue" label={t("overdue")} value={formatCount(r.overdue, locale)} href={r.overdueHref} tone={countTone(r.overdue)} detail={t("active", { count: r.active })} />
      <Kpi
        id="register-high-risks"
        label={t("highRisks")}
        value={formatCount(r.highRisksNotAccepted, locale)}
        href={r.highRisksHref}
        tone={countTone(r.highRisksNotAccepted)}
        detail={t("highRisksDetail", { score: r.highThreshold })}
      />
      <Kpi id="register-sensitive" label={t("sensitive")} value={formatCount(r.sensitive, locale)} href={r.sensitiveHref} tone="info" detail={t("sensitiveDetail")} />
    </div>
  );
}

/** Requests from individuals (open, late, the nearest due date) and provision records past their retention. */
function RequestsSection({ s }: { s: DashboardSummaryDto }) {
  const t = useTranslations("requests.dashboard");
  const locale = useLocale();
  const r = s.requests;
  return (
    <div className={grid}>
      <Kpi
        id="requests-open"
        label={t("open")}
        value={formatCount(r.open, locale)}
        href={r.openHref}
        tone={r.late ? "critical" : r.open ? "attention" : "good"}
        detail={r.nextDue ? t("nextDue", { reference: r.nextDue.reference, date: formatDate(r.nextDue.dueOn), days: r.nextDue.daysLeft }) : t("noneOpen")}
      />
      <Kpi id="requests-late" label={t("late")} value={formatCount(r.late, locale)} href={r.lateHref} tone={countTone(r.late)} detail={t("lateDetail")} />
      <Kpi id="provisions-disposable" label={t("disposable")} value={formatCount(r.provisionsDisposable, locale)} href={r.provisionsDisposableHref} tone={countTone(r.provisionsDisposable, "attention")} detail={t("disposableDetail")} />
    </div>
  );
}

function RegulationsSection({ s }: { s: DashboardSummaryDto }) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const r = s.regulations;
  return (
    <div className={grid}>
      <Kpi id="regulations-overdue" label={t("regulations.overdue")} value={formatCount(r.overdue, locale)} href={r.overdueHref} tone={countTone(r.overdue)} detail={t("regulations.inForce", { count: r.inForce })} />
      <Kpi id="regulations-due-soon" label={t("regulations.dueSoon")} value={formatCount(r.dueSoon, locale)} href={r.dueSoonHref} tone={countTone(r.dueSoon, "attention")} />
      <Kpi id="posts-vacant" label={t("regulations.vacant")} value={formatCount(s.pmsPosts.vacant, locale)} href={s.pmsPosts.href} tone={countTone(s.pmsPosts.vacant)} detail={t("regulations.postsTotal", { count: s.pmsPosts.total })} />
      <Kpi
        id="evidence-expiry"
        label={t("evidence.expiring")}
        value={formatCount(s.evidence.expiringSoon + s.evidence.expired, locale)}
        href={s.evidence.href}
        tone={s.evidence.expired > 0 ? "critical" : countTone(s.evidence.expiringSoon, "attention")}
        detail={t("evidence.detail", { expired: s.evidence.expired, soon: s.evidence.expiringSoon })}
      />
    </div>
  );
}

function ContractorsSection({ s }: { s: DashboardSummaryDto }) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const c = s.contractors;
  return (
    <div className={grid}>
      <Kpi id="contractors-unassessed" label={t("contractors.unassessed")} value={formatCount(c.unassessed, locale)} href={c.unassessedHref} tone={countTone(c.unassessed, "attention")} detail={t("contractors.total", { count: c.total })} />
      <Kpi id="contractors-overdue" label={t("contractors.overdue")} value={formatCount(c.assessmentOverdue, locale)} href={c.assessmentOverdueHref} tone={countTone(c.assessmentOverdue)} />
      <Kpi id="contractors-cert-expired" label={t("contractors.certExpired")} value={formatCount(c.certificationExpired, locale)} href={c.certificationExpiredHref} tone={countTone(c.certificationExpired)} />
    </div>
  );
}

function AuditsSection({ s }: { s: DashboardSummaryDto }) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const a = s.audits;
  const auditTone: Tone = a.internalAuditMet ? "good" : s.isCurrentFiscalYear ? "attention" : "critical";
  const reviewTone: Tone = a.managementReviewMet ? "good" : s.isCurrentFiscalYear ? "attention" : "critical";
  return (
    <div className={grid}>
      <Kpi
        id="audits-done"
        label={t("audits.plannedDone")}
        value={`${formatCount(a.done, locale)} / ${formatCount(a.planned, locale)}`}
        href={a.href}
        tone={auditTone}
        detail={t("audits.internal", { done: a.internalDone, planned: a.internalPlanned })}
      />
      <Kpi
        id="management-review"
        label={t("audits.managementReview")}
        value={a.managementReviewMet ? t("audits.held", { count: a.managementReviewsHeld }) : t("audits.notHeld")}
        href={a.managementReviewHref}
        tone={reviewTone}
      />
      <Kpi id="findings-overdue" label={t("audits.overdueActions")} value={formatCount(a.findings.overdueActions, locale)} href={a.findings.overdueActionsHref} tone={countTone(a.findings.overdueActions)} />
      <Kpi id="findings-major" label={t("audits.majorNc")} value={formatCount(a.findings.majorUnverified, locale)} href={a.findings.majorHref} tone={countTone(a.findings.majorUnverified)} />
      <Kpi id="findings-minor" label={t("audits.minorNc")} value={formatCount(a.findings.minorUnverified, locale)} href={a.findings.minorHref} tone={countTone(a.findings.minorUnverified, "attention")} />
    </div>
  );
}

function PmarkSection({ s, role }: { s: DashboardSummaryDto; role: Role }) {
  const t = useTranslations("dashboard");
  const r = s.renewal;
  const tp = useTranslations("pmark");
  const p = s.pmark;
  const w = p.window;
  return (
    <div className={grid}>
      <Kpi
        id="pmark"
        label={t("pmark.title")}
        value={w ? (w.daysUntilExpiry >= 0 ? t("pmark.daysToExpiry", { days: w.daysUntilExpiry }) : t("pmark.expiredDays", { days: -w.daysUntilExpiry })) : "—"}
        href={p.href}
        tone={renewalTone(w?.state ?? null)}
        detail={
          w && p.validTo ? (
            <>
              <p>{t("pmark.validTo", { date: formatDate(p.validTo), number: p.certificateNumber ?? "" })}</p>
              <p className="font-medium text-slate-800">
                {tp(`window.state.${w.state}`)} — {tp(`window.daysLeft.${w.state}`, { days: Math.abs(w.daysLeft) })}
              </p>
            </>
          ) : (
            t("pmark.none")
          )
        }
      />
      {/* From 10 months before expiry: the readiness checks not met (HR cannot open /renewal). */}
      {r && RENEWAL_READERS.includes(role) ? <RenewalReadinessKpi href={r.href} /> : null}
    </div>
  );
}
