import Link from "@/components/ui/link";
import type { ReportContext } from "./context";
import { CappedTable, Figures, LINK, Part, Table } from "./layout";

/** Contractors 委託先: assessment results and flags, and the flagged contractors. */

export function ContractorsSummary({ ctx }: { ctx: ReportContext }) {
  const { t, tCon, tAss, num, heading } = ctx;
  const con = ctx.data.contractors;
  return (
    <Part title={heading("summary", "contractors")}>
      <Figures
        rows={[
          [t("contractors.total"), num(con.total)],
          [t("contractors.assessed"), num(con.assessed)],
          [t("contractors.unassessed"), num(con.unassessed)],
          [t("contractors.flagged"), <strong key="f">{num(con.flagged)}</strong>],
        ]}
      />
      <div className="grid gap-4 sm:grid-cols-2 print:grid-cols-2">
        <Table
          caption={t("contractors.resultsCaption")}
          head={[tAss("fields.result"), t("contractors.number")]}
          numeric={[1]}
          rows={(["approved", "conditional", "rejected"] as const).map((r) => [tAss(`result.${r}`), num(con.results[r])]).concat([[t("contractors.unassessed"), num(con.unassessed)]])}
        />
        <Table
          caption={t("contractors.flagsCaption")}
          head={[t("openItems.flags"), t("contractors.number")]}
          numeric={[1]}
          rows={(["contract_before_assessment", "assessment_overdue", "certification_expired", "status_unsupported"] as const).map((f) => [tCon(`flags.${f}`), num(con.flags[f] ?? 0)])}
        />
      </div>
    </Part>
  );
}

export function ContractorsOpenItems({ ctx }: { ctx: ReportContext }) {
  const { t, tCon } = ctx;
  return (
    <Part title={ctx.heading("openItems", "contractors")}>
      <CappedTable
        list={ctx.data.contractors.flaggedList}
        href="/contractors?flag=any"
        t={t}
        head={[t("openItems.contractor"), t("openItems.status"), t("openItems.flags")]}
        row={(c) => [
          <Link key="c" href={`/contractors/${c.id}`} className={LINK}>
            {c.name}
          </Link>,
          tCon(`status.${c.status}`),
          c.flags.map((f) => tCon(`flags.${f}`)).join(tCon("listSeparator")),
        ]}
      />
    </Part>
  );
}
