import Link from "@/components/ui/link";
import { formatDate } from "@/lib/dates";
import { PaperBarChart } from "../paper-bar-chart";
import type { ReportContext } from "./context";
import { CappedTable, Due, Figures, LINK, Part, Table } from "./layout";

/**
 * Audits 監査 and management reviews: the year's plan against what was done, the findings by grade
 * (figures and chart), the overdue corrective actions and the open actions of earlier reviews.
 */

export function AuditsSummary({ ctx }: { ctx: ReportContext }) {
  const { t, tFind, num, heading } = ctx;
  const aud = ctx.data.audits;
  const mr = ctx.data.managementReviews;
  return (
    <Part title={heading("summary", "audits")}>
      <Figures
        rows={[
          [t("audits.planVsDone"), t("audits.planVsDoneValue", { planned: aud.figures.planned, done: aud.figures.done })],
          [t("audits.internal"), t("audits.internalValue", { planned: aud.indicators.internalAuditsPlanned, done: aud.indicators.internalAuditsDone })],
          [t("audits.internalMet"), aud.indicators.internalAuditMet ? t("audits.met") : <strong key="m">{t("audits.notMet")}</strong>],
          [t("audits.reviewMet"), aud.indicators.managementReviewMet ? t("audits.met") : <strong key="r">{t("audits.notMet")}</strong>],
          [t("audits.overdueActions"), num(aud.overdueActions)],
          [t("audits.overdueReviewActions"), num(aud.overdueReviewActions)],
        ]}
      />
      <Table
        caption={t("audits.findingsCaption")}
        head={[t("audits.grade"), tFind("status.open"), tFind("status.action_planned"), tFind("status.done"), tFind("status.verified"), t("audits.total")]}
        numeric={[1, 2, 3, 4, 5]}
        rows={[
          ...aud.figures.findings.map((f) => [tFind(`grade.${f.grade}`), num(f.open), num(f.actionPlanned), num(f.done), num(f.verified), num(f.total)]),
          [
            t("audits.total"),
            num(aud.figures.findings.reduce((s, f) => s + f.open, 0)),
            num(aud.figures.findings.reduce((s, f) => s + f.actionPlanned, 0)),
            num(aud.figures.findings.reduce((s, f) => s + f.done, 0)),
            num(aud.figures.findings.reduce((s, f) => s + f.verified, 0)),
            num(aud.figures.findingsTotal),
          ],
        ]}
        footRows={1}
      />
      <h4 className="mt-3 text-sm font-semibold">{t("audits.reviewsInYear")}</h4>
      {mr.inYear.length ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm">
          {mr.inYear.map((r) => (
            <li key={r.id}>
              <Link href={`/audits/management-reviews/${r.id}`} className={LINK}>
                {t("audits.reviewItem", { date: formatDate(r.heldOn), title: r.title, open: r.openActionCount })}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm">{t("audits.reviewsNone")}</p>
      )}
    </Part>
  );
}

export function FindingsChart({ ctx }: { ctx: ReportContext }) {
  const { t, tFind, num, heading } = ctx;
  const aud = ctx.data.audits;
  return (
    <Part title={heading("charts", "findingsByGrade")} keep>
      {aud.figures.findingsTotal ? (
        <>
          <PaperBarChart
            rows={aud.figures.findings.map((f) => ({ key: f.grade, label: tFind(`grade.${f.grade}`), unresolved: f.unresolved, resolved: f.done + f.verified }))}
            series={[
              { key: "unresolved", name: t("charts.unresolved"), fill: "#1e3a8a", stroke: "#1e3a8a" },
              { key: "resolved", name: t("charts.resolved"), fill: "#ffffff", stroke: "#1e3a8a" },
            ]}
            ariaLabel={t("charts.findingsAria")}
            legendLabel={t("charts.legend")}
            direction="row"
            format="count"
          />
          <Table
            caption={t("charts.tableCaption")}
            head={[t("charts.grade"), t("charts.unresolved"), t("charts.resolved")]}
            numeric={[1, 2]}
            rows={aud.figures.findings.map((f) => [tFind(`grade.${f.grade}`), num(f.unresolved), num(f.done + f.verified)])}
          />
        </>
      ) : (
        <p className="text-sm">{t("charts.noData")}</p>
      )}
    </Part>
  );
}

export function FindingsOpenItems({ ctx }: { ctx: ReportContext }) {
  const { t, tFind } = ctx;
  return (
    <Part title={ctx.heading("openItems", "findings")}>
      <CappedTable
        list={ctx.data.audits.overdueFindings}
        href="/audits/findings?overdue=true"
        t={t}
        head={[t("openItems.audit"), t("openItems.grade"), t("openItems.finding"), t("openItems.assignee"), t("openItems.due")]}
        row={(f) => [
          <Link key="a" href={`/audits/${f.auditId}`} className={LINK}>
            {f.auditTitle}
          </Link>,
          tFind(`grade.${f.grade}`),
          <span key="f" className="line-clamp-3 print:line-clamp-none">
            {f.departmentName ? `［${f.departmentName}］` : ""}
            {f.description}
          </span>,
          f.ownerLabel || "—",
          <Due key="d" date={f.dueDate} overdue t={t} />,
        ]}
      />
    </Part>
  );
}

export function ReviewActionsOpenItems({ ctx }: { ctx: ReportContext }) {
  const { t } = ctx;
  return (
    <Part title={ctx.heading("openItems", "reviewActions")}>
      <CappedTable
        list={ctx.data.managementReviews.openActions}
        href="/audits/management-reviews"
        t={t}
        head={[t("openItems.review"), t("openItems.action"), t("openItems.assignee"), t("openItems.due")]}
        row={(a) => [
          <Link key="r" href={`/audits/management-reviews/${a.reviewId}`} className={LINK}>
            {formatDate(a.reviewHeldOn)} {a.reviewTitle}
          </Link>,
          a.description,
          a.ownerLabel || "—",
          a.dueDate ? <Due key="d" date={a.dueDate} overdue={a.overdue} t={t} /> : t("noDue"),
        ]}
      />
    </Part>
  );
}
