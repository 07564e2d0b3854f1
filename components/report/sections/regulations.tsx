import Link from "@/components/ui/link";
import type { ReportContext } from "./context";
import { CappedTable, Due, Figures, LINK, Part } from "./layout";

/** Regulations 規程: the review figures of the year, and the regulations overdue for review. */

export function RegulationsSummary({ ctx }: { ctx: ReportContext }) {
  const { t, data, num, heading } = ctx;
  return (
    <Part title={heading("summary", "regulations")}>
      <Figures
        rows={[
          [t("regulations.inForce"), num(data.regulations.counts.inForce)],
          [t("regulations.onTime"), num(data.regulations.counts.onTime)],
          [t("regulations.dueSoon"), num(data.regulations.counts.dueSoon)],
          [t("regulations.overdue"), <strong key="o" data-testid="report-regulations-overdue">{num(data.regulations.counts.overdue)}</strong>],
          [t("regulations.reviewedInYear"), num(data.regulations.reviewedInYear)],
          [t("regulations.pendingApproval"), num(data.regulations.counts.pendingApproval)],
        ]}
      />
    </Part>
  );
}

export function RegulationsOpenItems({ ctx }: { ctx: ReportContext }) {
  const { t } = ctx;
  return (
    <Part title={ctx.heading("openItems", "regulations")}>
      <CappedTable
        list={ctx.data.regulations.overdue}
        href="/regulations?dueState=overdue&sort=nextReviewDue"
        t={t}
        head={[t("openItems.code"), t("openItems.regulation"), t("openItems.owner"), t("openItems.reviewDue")]}
        row={(r) => [
          r.code,
          <Link key="r" href={`/regulations/${r.id}`} className={LINK}>
            {r.title}
          </Link>,
          r.ownerLabel || "—",
          <Due key="d" date={r.nextReviewDue} overdue t={t} />,
        ]}
      />
    </Part>
  );
}
