import type { ManagementReviewReport as ReportData } from "@/db/queries/report";
import type { SessionUser } from "@/lib/auth/roles";
import { formatDate } from "@/lib/dates";
import { AuditsSummary, FindingsChart, FindingsOpenItems, ReviewActionsOpenItems } from "./sections/audits";
import { reportContext } from "./sections/context";
import { ContractorsOpenItems, ContractorsSummary } from "./sections/contractors";
import { Cover } from "./sections/cover";
import { IncidentsChart, IncidentsOpenItems, IncidentsSummary } from "./sections/incidents";
import { Section } from "./sections/layout";
import { Notes } from "./sections/notes";
import { PmarkSummary } from "./sections/pmark";
import { RegulationsOpenItems, RegulationsSummary } from "./sections/regulations";
import { StructureSummary } from "./sections/structure";
import { TrainingChart, TrainingOpenItems, TrainingSummary } from "./sections/training";

/**
 * The management-review report as one document: a cover with the table of contents, then the
 * year's figures, the charts, the open items and the inputs the system does not hold. A server
 * component (only the charts draw in the browser); laid out for the screen and for A4 paper.
 * Each module's parts live in components/report/sections/<module>.tsx.
 */
export async function ManagementReviewReport({ data, user }: { data: ReportData; user: SessionUser }) {
  const ctx = await reportContext(data);
  const { t, heading, fyLabel } = ctx;

  return (
    <article className="report space-y-6 text-slate-900" lang={ctx.locale}>
      <Cover ctx={ctx} user={user} />

      {/* 1 Summary figures ------------------------------------------------------------------------ */}
      <Section id="summary" title={heading("summary")}>
        <p className="text-sm text-slate-700">{t("summary.intro", { fiscalYear: fyLabel })}</p>
        <TrainingSummary ctx={ctx} />
        <RegulationsSummary ctx={ctx} />
        <IncidentsSummary ctx={ctx} />
        <ContractorsSummary ctx={ctx} />
        <AuditsSummary ctx={ctx} />
        <PmarkSummary ctx={ctx} />
        <StructureSummary ctx={ctx} />
      </Section>

      {/* 2 Charts --------------------------------------------------------------------------------- */}
      <Section id="charts" title={heading("charts")}>
        <TrainingChart ctx={ctx} />
        <IncidentsChart ctx={ctx} />
        <FindingsChart ctx={ctx} />
      </Section>

      {/* 3 Open items ----------------------------------------------------------------------------- */}
      <Section id="openItems" title={heading("openItems")}>
        <p className="text-sm text-slate-700">{t("openItems.intro", { date: formatDate(data.today) })}</p>
        <TrainingOpenItems ctx={ctx} />
        <RegulationsOpenItems ctx={ctx} />
        <IncidentsOpenItems ctx={ctx} />
        <ContractorsOpenItems ctx={ctx} />
        <FindingsOpenItems ctx={ctx} />
        <ReviewActionsOpenItems ctx={ctx} />
      </Section>

      {/* 4 Changes in law and other inputs -------------------------------------------------------- */}
      <Notes ctx={ctx} />
    </article>
  );
}
