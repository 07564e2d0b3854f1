import Link from "@/components/ui/link";
import { INCIDENT_CATEGORIES, INCIDENT_SEVERITIES } from "@/lib/incidents/schema";
import { monthLabel } from "@/lib/report/shape";
import { PaperBarChart } from "../paper-bar-chart";
import type { ReportContext } from "./context";
import { CappedTable, Due, Figures, LINK, Part, Table } from "./layout";

/** Incidents 事故: the year's incidents by category and severity, the reports made, the monthly chart, and the open incidents. */

export function IncidentsSummary({ ctx }: { ctx: ReportContext }) {
  const { t, tInc, num, heading } = ctx;
  const inc = ctx.data.incidents;
  return (
    <Part title={heading("summary", "incidents")}>
      <Figures
        rows={[
          [t("incidents.total"), <strong key="t" data-testid="report-incidents-total">{num(inc.figures.total)}</strong>],
          [
            t("incidents.averageContainment"),
            inc.averageContainmentDays === null ? t("incidents.averageContainmentNone") : t("days", { days: inc.averageContainmentDays }),
          ],
          [t("incidents.openBySeverity"), inc.openBySeverity.map((s) => `${tInc(`severities.${s.severity}`)} ${num(s.count)}`).join(" / ")],
        ]}
      />
      <Table
        caption={t("incidents.byCategoryCaption")}
        head={[t("incidents.category"), ...INCIDENT_SEVERITIES.map((s) => tInc(`severities.${s}`)), t("incidents.total_col")]}
        numeric={[1, 2, 3, 4, 5]}
        rows={[
          ...INCIDENT_CATEGORIES.map((c) => {
            const row = inc.figures.byCategory.find((x) => x.category === c)!;
            return [tInc(`categories.${c}`), ...INCIDENT_SEVERITIES.map((s) => num(row.bySeverity[s])), num(row.total)];
          }),
          [t("incidents.total_col"), ...INCIDENT_SEVERITIES.map((s) => num(inc.figures.bySeverity[s])), num(inc.figures.total)],
        ]}
        footRows={1}
      />
      <Table
        caption={t("incidents.reportsCaption")}
        head={[t("incidents.report"), t("incidents.onTime"), t("incidents.late"), t("incidents.overdue"), t("incidents.notYetDue")]}
        numeric={[1, 2, 3, 4]}
        rows={inc.figures.reports.map((r) => [tInc(`obligations.${r.key}`), num(r.onTime), num(r.late), num(r.overdue), num(r.notYetDue)])}
      />
    </Part>
  );
}

export function IncidentsChart({ ctx }: { ctx: ReportContext }) {
  const { t, locale, num, heading, fyLabel } = ctx;
  const inc = ctx.data.incidents;
  return (
    <Part title={heading("charts", "incidentsByMonth")} keep>
      <PaperBarChart
        rows={inc.months.map((m) => ({ key: m.month, label: monthLabel(m.month, locale), total: m.total }))}
        series={[{ key: "total", name: t("charts.incidents"), fill: "#1e40af", stroke: "#1e3a8a" }]}
        ariaLabel={t("charts.incidentsAria", { fiscalYear: fyLabel })}
        legendLabel={t("charts.legend")}
        direction="column"
        format="count"
      />
      <Table
        caption={t("charts.tableCaption")}
        head={inc.months.map((m) => monthLabel(m.month, locale))}
        numeric={inc.months.map((_, i) => i)}
        rows={[inc.months.map((m) => num(m.total))]}
        compact
      />
    </Part>
  );
}

export function IncidentsOpenItems({ ctx }: { ctx: ReportContext }) {
  const { t, tInc } = ctx;
  return (
    <Part title={ctx.heading("openItems", "incidents")}>
      <CappedTable
        list={ctx.data.incidents.open}
        href="/incidents?status=open&sort=nextDue&dir=asc"
        t={t}
        head={[t("openItems.reference"), t("openItems.incidentTitle"), t("openItems.severity"), t("openItems.status"), t("openItems.nextDue")]}
        row={(i) => [
          <Link key="r" href={`/incidents/${i.id}`} className={`whitespace-nowrap ${LINK}`}>
            {i.reference}
          </Link>,
          i.title,
          tInc(`severities.${i.severity}`),
          tInc(`statuses.${i.status}`),
          i.nextDue ? <Due key="d" date={i.nextDue} overdue={i.overdue} t={t} /> : t("allMade"),
        ]}
      />
    </Part>
  );
}
