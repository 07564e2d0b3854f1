import Link from "@/components/ui/link";
import { formatDate } from "@/lib/dates";
import { completionByDepartment } from "@/lib/report/shape";
import { PaperBarChart } from "../paper-bar-chart";
import type { ReportContext } from "./context";
import { CappedTable, Figures, LINK, Part, Table } from "./layout";

/** Training 教育: the completion figures, the completion rate by department, and the departments with overdue training. */

export function TrainingSummary({ ctx }: { ctx: ReportContext }) {
  const { t, num, pct, heading } = ctx;
  const tr = ctx.data.training;
  return (
    <Part title={heading("summary", "training")}>
      <p className="text-xs text-slate-700">{t("training.asOf", { date: formatDate(tr.asOf) })}</p>
      <Figures
        rows={[
          [
            t("training.rate"),
            tr.overall.rate === null
              ? t("training.rateNone")
              : t("training.rateValue", { rate: pct(tr.overall.rate), required: tr.overall.required, compliant: tr.overall.compliant }),
          ],
          [t("training.compliant"), num(tr.overall.compliant)],
          [t("training.dueSoon"), num(tr.overall.dueSoon)],
          [t("training.overdue"), <strong key="o" data-testid="report-training-overdue">{num(tr.overall.overdue)}</strong>],
          [t("training.exempt"), num(tr.overall.exempt)],
        ]}
      />
      {tr.byCourse.length ? (
        <Table
          caption={t("training.byCourse")}
          head={[t("training.course"), t("openItems.required"), t("training.compliant"), t("openItems.overdue"), t("charts.rate")]}
          numeric={[1, 2, 3, 4]}
          rows={tr.byCourse.map((c) => [c.course.title, num(c.required), num(c.compliant), num(c.overdue), pct(c.rate)])}
        />
      ) : null}
    </Part>
  );
}

export function TrainingChart({ ctx }: { ctx: ReportContext }) {
  const { t, num, pct, heading } = ctx;
  const tr = ctx.data.training;
  const rows = completionByDepartment(tr.byDepartment);
  return (
    <Part title={heading("charts", "trainingByDepartment")} keep>
      {rows.length ? (
        <>
          <PaperBarChart
            rows={rows.map((r) => ({ key: r.key, label: r.label, rate: r.value }))}
            series={[{ key: "rate", name: t("charts.rate"), fill: "#1e40af", stroke: "#1e3a8a" }]}
            ariaLabel={t("charts.trainingAria", { count: rows.length })}
            legendLabel={t("charts.legend")}
            direction="row"
            format="percent"
            maxValue={1}
          />
          <Table
            caption={t("charts.tableCaption")}
            head={[t("charts.department"), t("openItems.required"), t("training.compliant"), t("openItems.overdue"), t("charts.rate")]}
            numeric={[1, 2, 3, 4]}
            rows={tr.byDepartment.map((d) => [d.department.name, num(d.required), num(d.compliant), num(d.overdue), pct(d.rate)])}
          />
        </>
      ) : (
        <p className="text-sm">{t("charts.noData")}</p>
      )}
    </Part>
  );
}

export function TrainingOpenItems({ ctx }: { ctx: ReportContext }) {
  const { t, num, pct, heading } = ctx;
  const fyQuery = `fiscalYear=${ctx.data.fiscalYear}`;
  return (
    <Part title={heading("openItems", "training")}>
      <CappedTable
        list={ctx.data.training.overdueByDepartment}
        href={`/training/status?${fyQuery}&status=overdue`}
        t={t}
        head={[t("openItems.department"), t("openItems.overdue"), t("openItems.required"), t("charts.rate")]}
        numeric={[1, 2, 3]}
        row={(d) => [
          <Link key="d" href={`/training/status?${fyQuery}&status=overdue&department=${d.department.id}`} className={LINK}>
            {d.department.name}
          </Link>,
          num(d.overdue),
          num(d.required),
          pct(d.rate),
        ]}
      />
    </Part>
  );
}
