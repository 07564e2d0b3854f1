import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import type { ManagementReviewReport as ReportData } from "@/db/queries/report";
import type { SessionUser } from "@/lib/auth/roles";
import { formatDate } from "@/lib/dates";
import { fiscalYearLabel } from "@/lib/fiscal-year";
import { INCIDENT_CATEGORIES, INCIDENT_SEVERITIES } from "@/lib/incidents/schema";
import { completionByDepartment, monthLabel, numberSections, sectionNumber, type Capped } from "@/lib/report/shape";
import { formatRate } from "@/components/training/status/format";
import { PaperBarChart } from "./paper-bar-chart";

const LINK = "text-brand-700 underline underline-offset-2 hover:text-brand-800";

/**
 * The management-review report as one document: a cover with the table of contents, then the
 * year's figures, the charts, the open items and the inputs the system does not hold. A server
 * component (only the charts draw in the browser); laid out for the screen and for A4 paper.
 */
export async function ManagementReviewReport({ data, user }: { data: ReportData; user: SessionUser }) {
  const locale = (await getLocale()) === "en" ? "en" : "ja";
  const t = await getTranslations("report");
  const tInc = await getTranslations("incidents");
  const tFind = await getTranslations("findings");
  const tCon = await getTranslations("contractors");
  const tAss = await getTranslations("assessments");
  const tPmark = await getTranslations("pmark");

  // Between a section number and its title: a full-width space in Japanese, two spaces' worth in English.
  const GAP = locale === "ja" ? "　" : "\u2002";
  const num = (n: number) => n.toLocaleString(locale === "ja" ? "ja-JP" : "en-US");
  // The training pages' own format (one decimal always), so the figures read the same.
  const pct = (r: number | null) => formatRate(r, locale);
  const fyLabel = fiscalYearLabel(data.fiscalYear, locale);
  const sections = numberSections();
  const childTitle = (section: "summary" | "charts" | "openItems", key: string) => t(`${section}.${key}` as "summary.training");
  const heading = (section: "summary" | "charts" | "openItems" | "notes", child?: string) =>
    `${sectionNumber(section, child)}${GAP}${child && section !== "notes" ? childTitle(section, child) : t(`sections.${section}`)}`;

  const tr = data.training;
  const inc = data.incidents;
  const con = data.contractors;
  const aud = data.audits;
  const mr = data.managementReviews;
  const fyQuery = `fiscalYear=${data.fiscalYear}`;

  return (
    <article className="report space-y-6 text-slate-900" lang={locale}>
      {/* Cover ----------------------------------------------------------------------------------- */}
      <section className="report-cover report-card rounded-lg border border-slate-200 bg-white p-6 sm:p-10" aria-labelledby="report-title">
        <p className="text-sm text-slate-700">{t("subtitle")}</p>
        <h1 id="report-title" className="mt-2 text-2xl font-bold sm:text-3xl">
          {t("title")}
        </h1>
        <p className="mt-1 text-xl font-semibold">{fyLabel}</p>
        <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-slate-700">{t("cover.fiscalYear")}</dt>
          <dd>{fyLabel}</dd>
          <dt className="text-slate-700">{t("cover.period")}</dt>
          <dd>{t("cover.periodValue", { start: formatDate(data.period.start), end: formatDate(data.period.end) })}</dd>
          <dt className="text-slate-700">{t("cover.preparedOn")}</dt>
          <dd>{formatDate(data.today)}</dd>
          <dt className="text-slate-700">{t("cover.preparedBy")}</dt>
          <dd>{user.name}</dd>
          <dt className="text-slate-700">{t("cover.organization")}</dt>
          <dd>
            <span className="inline-block min-w-[12rem] border-b border-slate-500">&nbsp;</span>
            <span className="mt-1 block text-xs text-slate-600">{t("cover.organizationHint")}</span>
          </dd>
        </dl>
        <p className="mt-6 text-sm text-slate-700">{t("cover.basis")}</p>
        <h2 className="mt-8 text-base font-semibold">{t("cover.contents")}</h2>
        <ol className="mt-2 space-y-2 text-sm">
          {sections.map((s) => (
            <li key={s.key}>
              <a href={`#section-${s.key}`} className="font-medium underline-offset-2 hover:underline">
                {s.number}
                {GAP}
                {t(`sections.${s.key}`)}
              </a>
              {s.children.length ? (
                <ol className="mt-1 grid gap-x-6 gap-y-0.5 pl-5 sm:grid-cols-2">
                  {s.children.map((c) => (
                    <li key={c.key}>
                      {c.number}
                      {GAP}
                      {childTitle(s.key === "notes" ? "summary" : s.key, c.key)}
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      {/* 1 Summary figures ------------------------------------------------------------------------ */}
      <Section id="summary" title={heading("summary")}>
        <p className="text-sm text-slate-700">{t("summary.intro", { fiscalYear: fyLabel })}</p>

        <Part title={heading("summary", "training")}>
          <p className="text-xs text-slate-700">{t("training.asOf", { date: formatDate(tr.asOf) })}</p>
          <Figures
            rows={[
              [
                t("training.rate"),
                tr.overall.rate === null
                  ? t("training.rateNone")
                  : t("training.rateValue", { rate: pct(tr.overall.rate), required: num(tr.overall.required), compliant: num(tr.overall.compliant) }),
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

        <Part title={heading("summary", "incidents")}>
          <Figures
            rows={[
              [t("incidents.total"), <strong key="t" data-testid="report-incidents-total">{num(inc.figures.total)}</strong>],
              [
                t("incidents.averageContainment"),
                inc.averageContainmentDays === null ? t("incidents.averageContainmentNone") : t("days", { days: String(inc.averageContainmentDays) }),
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

        <Part title={heading("summary", "audits")}>
          <Figures
            rows={[
              [t("audits.planVsDone"), t("audits.planVsDoneValue", { planned: num(aud.figures.planned), done: num(aud.figures.done) })],
              [t("audits.internal"), t("audits.internalValue", { planned: num(aud.indicators.internalAuditsPlanned), done: num(aud.indicators.internalAuditsDone) })],
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
                    {t("audits.reviewItem", { date: formatDate(r.heldOn), title: r.title, open: num(r.openActionCount) })}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm">{t("audits.reviewsNone")}</p>
          )}
        </Part>

        <Part title={heading("summary", "pmark")}>
          {data.pmark ? (
            <Figures
              rows={[
                [t("pmark.number"), data.pmark.certificateNumber],
                [t("pmark.validity"), t("pmark.validityValue", { from: formatDate(data.pmark.validFrom), to: formatDate(data.pmark.validTo) })],
                [t("pmark.window"), t("pmark.windowValue", { opens: formatDate(data.pmark.window.opensOn), closes: formatDate(data.pmark.window.closesOn) })],
                [
                  t("pmark.state"),
                  <strong key="s">
                    {t("pmark.stateValue", {
                      state: tPmark(`window.state.${data.pmark.window.state}`),
                      days: tPmark(`window.daysLeft.${data.pmark.window.state}`, { days: data.pmark.window.daysLeft }),
                    })}
                  </strong>,
                ],
              ]}
            />
          ) : (
            <p className="text-sm">{t("pmark.none")}</p>
          )}
        </Part>

        <Part title={heading("summary", "structure")}>
          <Figures
            rows={[
              [t("structure.posts"), num(data.structure.posts)],
              [t("structure.gaps"), <strong key="g">{num(data.structure.gaps.length)}</strong>],
            ]}
          />
          {data.structure.gaps.length ? (
            <ul className="mt-1 list-disc pl-5 text-sm">
              {data.structure.gaps.map((g) => (
                <li key={g.id}>{g.departmentName ? t("structure.gapItem", { title: g.title, department: g.departmentName }) : g.title}</li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm">{t("structure.gapsNone")}</p>
          )}
        </Part>
      </Section>

      {/* 2 Charts --------------------------------------------------------------------------------- */}
      <Section id="charts" title={heading("charts")}>
        <Part title={heading("charts", "trainingByDepartment")} keep>
          {(() => {
            const rows = completionByDepartment(tr.byDepartment);
            return rows.length ? (
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
            );
          })()}
        </Part>
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
      </Section>

      {/* 3 Open items ----------------------------------------------------------------------------- */}
      <Section id="openItems" title={heading("openItems")}>
        <p className="text-sm text-slate-700">{t("openItems.intro", { date: formatDate(data.today) })}</p>

        <Part title={heading("openItems", "training")}>
          <CappedTable
            list={tr.overdueByDepartment}
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

        <Part title={heading("openItems", "regulations")}>
          <CappedTable
            list={data.regulations.overdue}
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

        <Part title={heading("openItems", "incidents")}>
          <CappedTable
            list={inc.open}
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

        <Part title={heading("openItems", "contractors")}>
          <CappedTable
            list={con.flaggedList}
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

        <Part title={heading("openItems", "findings")}>
          <CappedTable
            list={aud.overdueFindings}
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

        <Part title={heading("openItems", "reviewActions")}>
          <CappedTable
            list={mr.openActions}
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
      </Section>

      {/* 4 Changes in law and other inputs -------------------------------------------------------- */}
      <Section id="notes" title={heading("notes")}>
        <p className="text-sm text-slate-700">{t("notes.intro")}</p>
        {mr.latest ? (
          <div className="report-keep mt-3 space-y-3">
            <p className="text-sm font-medium">{t("notes.recordedFrom", { date: formatDate(mr.latest.heldOn), title: mr.latest.title })}</p>
            <dl className="space-y-3 text-sm">
              {(
                [
                  ["lawChanges", mr.latest.inputLawChanges],
                  ["other", mr.latest.inputOther],
                ] as const
              ).map(([k, v]) => (
                <div key={k}>
                  <dt className="font-semibold">{t(`notes.${k}`)}</dt>
                  <dd className="mt-1 whitespace-pre-wrap rounded border border-slate-300 p-2">{v?.trim() ? v : t("notes.notRecorded")}</dd>
                </div>
              ))}
            </dl>
          </div>
        ) : (
          <p className="mt-3 text-sm">{t("notes.noReview")}</p>
        )}
        {/* The system cannot know what changed in law: a box to write in, on paper. */}
        <div className="report-keep mt-4" data-testid="report-notes-blank">
          <h3 className="text-sm font-semibold">{t("notes.blankTitle")}</h3>
          <p className="text-xs text-slate-700">{t("notes.blankHint")}</p>
          <div aria-hidden="true" className="report-blank mt-2 h-64 rounded border border-slate-500 bg-[repeating-linear-gradient(to_bottom,transparent_0,transparent_31px,#cbd5e1_31px,#cbd5e1_32px)]" />
        </div>
      </Section>
    </article>
  );
}

// -----------------------------------------------------------------------------------------------

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={`section-${id}`} aria-labelledby={`section-${id}-title`} className="report-section report-card space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id={`section-${id}-title`} className="border-b-2 border-slate-800 pb-1 text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Part({ title, children, keep = false }: { title: string; children: ReactNode; keep?: boolean }) {
  return (
    <div className={`space-y-2 ${keep ? "report-keep" : ""}`}>
      <h3 className="report-part-title text-base font-semibold">{title}</h3>
      {children}
    </div>
  );
}

function Figures({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 text-sm sm:grid-cols-[minmax(12rem,auto)_1fr] print:grid-cols-[minmax(12rem,auto)_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="pt-1 text-slate-700 sm:border-b sm:border-slate-100 sm:py-1 print:border-b print:py-1">{label}</dt>
          <dd className="border-b border-slate-100 pb-1 tabular-nums sm:py-1 print:py-1">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Table({
  caption,
  head,
  rows,
  numeric = [],
  footRows = 0,
  compact = false,
}: {
  caption: string;
  head: ReactNode[];
  rows: ReactNode[][];
  numeric?: number[];
  footRows?: number;
  compact?: boolean;
}) {
  const body = footRows ? rows.slice(0, rows.length - footRows) : rows;
  const foot = footRows ? rows.slice(rows.length - footRows) : [];
  const align = (i: number) => (numeric.includes(i) ? "text-right tabular-nums" : "text-left");
  const cell = compact ? "px-1 py-1" : "px-2 py-1";
  return (
    // On a phone a wide table scrolls sideways (keyboard too) rather than squeezing its text to one character a line.
    <div className="report-table overflow-x-auto print:overflow-visible" role="region" aria-label={caption} tabIndex={0}>
      <table className={`w-full border-collapse text-sm print:min-w-0 print:text-[8.5pt] ${head.length >= 4 ? "max-sm:min-w-[34rem]" : ""}`}>
        <caption className="mb-1 text-left text-xs font-semibold text-slate-700">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-400">
            {head.map((h, i) => (
              <th key={i} scope="col" className={`${cell} font-semibold ${align(i)}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {body.map((r, ri) => (
            <tr key={ri} className="border-b border-slate-200">
              {r.map((c, i) =>
                i === 0 && !compact ? (
                  <th key={i} scope="row" className={`${cell} font-normal ${align(i)}`}>
                    {c}
                  </th>
                ) : (
                  <td key={i} className={`${cell} ${align(i)}`}>
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {foot.length ? (
          <tfoot>
            {foot.map((r, ri) => (
              <tr key={ri} className="border-t-2 border-slate-400 font-semibold">
                {r.map((c, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className={`${cell} ${align(i)}`}>
                      {c}
                    </th>
                  ) : (
                    <td key={i} className={`${cell} ${align(i)}`}>
                      {c}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"report">>>;

/** A due date, with the word "overdue" beside it when it is (never colour alone). */
function Due({ date, overdue, t }: { date: string | null; overdue: boolean; t: T }) {
  if (!date) return <>{t("noDue")}</>;
  return (
    <span className="whitespace-nowrap">
      {formatDate(date)}
      {overdue ? <strong className="ml-1 rounded border border-red-800 px-1 text-xs text-red-800">{t("overdueMark")}</strong> : null}
    </span>
  );
}

function CappedTable<I>({ list, href, t, head, row, numeric }: { list: Capped<I>; href: string; t: T; head: string[]; row: (item: I) => ReactNode[]; numeric?: number[] }) {
  if (!list.total) return <p className="text-sm">{t("none")}</p>;
  return (
    <div className="space-y-1">
      <Table caption={t("total", { count: list.total.toLocaleString() })} head={head} rows={list.items.map(row)} numeric={numeric} />
      <p className="flex flex-wrap items-baseline gap-x-3 text-sm">
        {list.more > 0 ? <span className="font-medium">{t("andMore", { count: list.more.toLocaleString() })}</span> : null}
        <Link href={href} className="no-print text-brand-700 underline underline-offset-2 hover:text-brand-800">
          {list.more > 0 ? t("viewAll", { count: list.total.toLocaleString() }) : t("openList")}
        </Link>
      </p>
    </div>
  );
}
