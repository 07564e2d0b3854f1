"use client";

import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { AXIS_TICK, ChartLegend, WRAPPED_AXIS_HEIGHT, WrappedTick } from "@/components/charts/chart-text";
import { Bar, BarChart as RBarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartDataTable } from "@/components/charts/chart-data-table";
import { Button } from "@/components/ui/button";
import { Alert, Card, PageHeader, Skeleton } from "@/components/ui/card";
import type { Column } from "@/components/ui/data-table";
import { EnumSelect, IdSelect } from "@/components/ui/field";
import { FormDialog } from "@/components/ui/form";
import { ExportControl, FilterBar, ListTable, useListParams } from "@/components/ui/list";
import { AUDIT_STATUSES, AUDIT_TYPES, FINDING_STATUSES } from "@/lib/audits/rules";
import { exportAuditsQuery, listAuditsQuery, type AuditDto, type AuditStats } from "@/lib/audits/schema";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import { listSearch } from "@/lib/list/params";
import type { Page } from "@/lib/list/page";
import { AuditForm } from "./audit-form";
import { AuditStatusBadge, type Dept, type Person } from "./labels";

export function AuditPlan({
  canEdit,
  currentFy,
  fyOptions,
  people,
  departments,
}: {
  canEdit: boolean;
  currentFy: number;
  fyOptions: number[];
  people: Person[];
  departments: Dept[];
}) {
  const t = useTranslations("audits");
  const tf = useTranslations("findings");
  const tc = useTranslations("common");
  const router = useRouter();
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const listParams = useListParams(listAuditsQuery, { scope: ["fy"] });
  const { update } = listParams;
  // The plan is always of one fiscal year: the current one unless the URL names another.
  const filters = { ...listParams.values, fy: listParams.values.fy ?? currentFy };
  const { fy } = filters;
  const qs = listSearch(listAuditsQuery, filters);
  const list = useQuery({ queryKey: ["audits", "list", qs], queryFn: () => apiFetch<Page<AuditDto>>(`/api/v1/audits${qs}`) });
  const stats = useQuery({ queryKey: ["audits", "stats", fy], queryFn: () => apiFetch<AuditStats>(`/api/v1/audits/stats?fy=${fy}`) });

  const columns: Column<AuditDto>[] = [
    { key: "plannedStart", header: t("fields.planned"), sort: "plannedStart", cell: (a) => <span className="whitespace-nowrap">{formatDate(a.plannedStart)} – {formatDate(a.plannedEnd)}</span> },
    {
      key: "title",
      header: t("fields.title"),
      sort: "title",
      textWidth: "title",
      cell: (a) => (
        <Link className="font-medium text-brand-700 underline-offset-2 hover:underline" href={`/audits/${a.id}`}>
          {a.title}
        </Link>
      ),
    },
    { key: "type", header: t("fields.type"), sort: "type", textWidth: "name", cell: (a) => t(`type.${a.type}`) },
    { key: "scope", header: t("fields.scope"), textWidth: "name", cell: (a) => [...a.scopeDepartments.map((d) => d.name), ...(a.auditee ? [a.auditee] : [])].join(tc("listSeparator")) },
    { key: "lead", header: t("fields.leadAuditorId"), textWidth: "name", cell: (a) => a.leadAuditorName ?? "—" },
    { key: "status", header: t("fields.status"), sort: "status", cell: (a) => <AuditStatusBadge status={a.status} /> },
    { key: "findings", header: t("fields.findings"), textWidth: "name", cell: (a) => (a.openNonconformities ? `${a.findingCount}${tc("inParens", { text: `${t("fields.openNc")} ${a.openNonconformities}` })}` : a.findingCount) },
  ];

  const s = stats.data;
  const quarterData = s?.quarters.map((q) => ({ label: t("charts.quarter", { q: q.quarter }), planned: q.planned, done: q.done })) ?? [];
  const gradeData = s?.findingsByGrade.map((g) => ({ label: tf(`grade.${g.grade}`), ...g })) ?? [];
  const latenessData =
    s?.overdueByLateness.map((b) => ({ bucket: b.bucket, label: t(`charts.lateness.${b.bucket}`), findings: b.findings, reviewActions: b.reviewActions })) ?? [];
  const overdueTotal = latenessData.reduce((n, b) => n + b.findings + b.reviewActions, 0);
  const fyLabel = t("fyLabel", { fy });
  const statusColors: Record<string, string> = { open: "#94a3b8", action_planned: "var(--chart-1)", done: "#f59e0b", verified: "#16a34a" };

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {canEdit ? <Button onClick={() => setCreating(true)}>{t("new")}</Button> : null}
          </>
        }
      />
      {notice ? <Alert tone="success">{notice}</Alert> : null}

      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {s ? (
          <>
            <Kpi label={t("kpi.planned")} value={t("kpi.count", { count: s.quarters.reduce((n, q) => n + q.planned, 0) })} />
            <Kpi label={t("kpi.done")} value={t("kpi.count", { count: s.quarters.reduce((n, q) => n + q.done, 0) })} />
            <Kpi label={t("kpi.overdue")} value={t("kpi.count", { count: s.overdueActions })} tone={s.overdueActions ? "red" : undefined} href="/audits/findings?overdue=true" linkLabel={t("kpi.showList")} />
            <Kpi
              label={`${t("kpi.internalAudit")} / ${t("kpi.managementReview")}`}
              value={`${s.indicators.internalAuditMet ? t("kpi.met") : t("kpi.notMet")} / ${s.indicators.managementReviewMet ? t("kpi.met") : t("kpi.notMet")}`}
              tone={s.indicators.internalAuditMet && s.indicators.managementReviewMet ? undefined : "amber"}
            />
          </>
        ) : (
          Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-20 w-full" />)
        )}
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={`${fyLabel} ${t("charts.quarters")}`}>
          <p className="mb-2 text-xs text-slate-600">{t("charts.quartersDesc")}</p>
          {stats.isLoading ? <Skeleton className="h-56 w-full" /> : null}
          {s ? (
            <>
              <div role="img" aria-label={t("charts.quartersAria", { fy: fyLabel })} style={{ height: 220 }}>
                <RBarChart data={quarterData} responsive style={{ width: "100%", height: "100%" }} accessibilityLayer={false}>
                  <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
                  <XAxis dataKey="label" tick={AXIS_TICK} />
                  <YAxis allowDecimals={false} tick={AXIS_TICK} width={28} />
                  <Tooltip />
                  <Legend content={ChartLegend} />
                  <Bar dataKey="planned" name={t("charts.planned")} fill="#94a3b8" isAnimationActive={false} />
                  <Bar dataKey="done" name={t("charts.done")} fill="var(--chart-1)" isAnimationActive={false} />
                </RBarChart>
              </div>
              <ChartDataTable
                toggle={t("charts.toggle")}
                caption={t("charts.quarters")}
                labelHeader={t("charts.quarterCol")}
                valueHeader={`${t("charts.planned")} / ${t("charts.done")}`}
                rows={quarterData.map((q) => ({ key: q.label, label: q.label, value: `${q.planned} / ${q.done}` }))}
              />
            </>
          ) : null}
        </Card>
        <Card title={`${fyLabel} ${t("charts.findings")}`}>
          <p className="mb-2 text-xs text-slate-600">{t("charts.findingsDesc", { fy: fyLabel })}</p>
          {stats.isLoading ? <Skeleton className="h-56 w-full" /> : null}
          {s ? (
            <>
              <div role="img" aria-label={t("charts.findingsAria", { fy: fyLabel })} style={{ height: 220 }}>
                <RBarChart
                  data={gradeData}
                  responsive
                  style={{ width: "100%", height: "100%", cursor: "pointer" }}
                  accessibilityLayer={false}
                  onClick={(e) => {
                    const i = Number(e?.activeTooltipIndex ?? e?.activeIndex);
                    if (Number.isInteger(i) && gradeData[i]) router.push(`/audits/findings?fy=${fy}&grade=${gradeData[i].grade}`);
                  }}
                >
                  <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
                  <XAxis dataKey="label" tick={<WrappedTick />} interval={0} height={WRAPPED_AXIS_HEIGHT} />
                  <YAxis allowDecimals={false} tick={AXIS_TICK} width={28} />
                  <Tooltip />
                  <Legend content={ChartLegend} />
                  {FINDING_STATUSES.map((st) => (
                    <Bar key={st} dataKey={st} stackId="s" name={tf(`status.${st}`)} fill={statusColors[st]} isAnimationActive={false} />
                  ))}
                </RBarChart>
              </div>
              <ChartDataTable
                toggle={t("charts.toggle")}
                caption={t("charts.findings")}
                labelHeader={t("charts.grade")}
                valueHeader={FINDING_STATUSES.map((st) => tf(`status.${st}`)).join(" / ")}
                rows={gradeData.map((g) => ({
                  key: g.grade,
                  label: g.label,
                  value: FINDING_STATUSES.map((st) => g[st]).join(" / "),
                  href: `/audits/findings?fy=${fy}&grade=${g.grade}`,
                }))}
              />
            </>
          ) : null}
        </Card>
      </div>

      <Card title={t("charts.overdue")}>
        <p className="mb-2 text-xs text-slate-600">{t("charts.overdueDesc")}</p>
        {stats.isLoading ? <Skeleton className="h-56 w-full" /> : null}
        {stats.isError ? <Alert tone="error">{tc("errorBody")}</Alert> : null}
        {s && overdueTotal === 0 ? <p className="py-6 text-center text-sm text-slate-600">{t("charts.overdueNone")}</p> : null}
        {s && overdueTotal > 0 ? (
          <>
            <div role="img" aria-label={t("charts.overdueAria", { count: overdueTotal })} style={{ height: 220 }} data-testid="overdue-chart">
              <RBarChart
                data={latenessData}
                responsive
                style={{ width: "100%", height: "100%", cursor: "pointer" }}
                accessibilityLayer={false}
                onClick={(e) => {
                  const i = Number(e?.activeTooltipIndex ?? e?.activeIndex);
                  if (Number.isInteger(i) && latenessData[i]) router.push(`/audits/findings?late=${latenessData[i].bucket}`);
                }}
              >
                <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
                <XAxis dataKey="label" tick={<WrappedTick />} interval={0} height={WRAPPED_AXIS_HEIGHT} />
                <YAxis allowDecimals={false} tick={AXIS_TICK} width={28} />
                <Tooltip />
                <Legend content={ChartLegend} />
                <Bar dataKey="findings" stackId="o" name={t("charts.overdueFindings")} fill="#dc2626" isAnimationActive={false} />
                <Bar dataKey="reviewActions" stackId="o" name={t("charts.overdueReviewActions")} fill="#f59e0b" isAnimationActive={false} />
              </RBarChart>
            </div>
            <ChartDataTable
              toggle={t("charts.toggle")}
              caption={t("charts.overdue")}
              labelHeader={t("charts.latenessCol")}
              valueHeader={`${t("charts.overdueFindings")} / ${t("charts.overdueReviewActions")}`}
              rows={latenessData.map((b) => ({ key: b.bucket, label: b.label, value: `${b.findings} / ${b.reviewActions}`, href: `/audits/findings?late=${b.bucket}` }))}
            />
            {s.overdueReviewActions > 0 ? (
              <p className="mt-2 text-xs text-slate-600">
                {t("charts.overdueReviewNote", { count: s.overdueReviewActions })}{" "}
                <Link className="text-brand-700 underline" href="/audits/management-reviews">
                  {t("charts.overdueReviewLink")}
                </Link>
              </p>
            ) : null}
          </>
        ) : null}
      </Card>

      <FilterBar
        label={tc("filter")}
        params={listParams}
        total={list.data?.total}
        actions={<ExportControl path="/api/v1/audits/export.csv" schema={exportAuditsQuery} values={filters} />}
      >
        <IdSelect
          label={t("filters.fy")}
          options={fyOptions.map((y) => ({ id: y, label: t("fyLabel", { fy: y }) }))}
          value={fy}
          onValueChange={(fy) => update({ fy })}
        />
        <EnumSelect label={t("filters.type")} values={AUDIT_TYPES} value={filters.type} empty={t("filters.any")} optionLabel={(v) => t(`type.${v}`)} onValueChange={(type) => update({ type })} />
        <EnumSelect
          label={t("filters.status")}
          values={AUDIT_STATUSES}
          value={filters.status}
          empty={t("filters.any")}
          optionLabel={(v) => t(`status.${v}`)}
          onValueChange={(status) => update({ status })}
        />
      </FilterBar>

      <ListTable caption={t("tableCaption")} columns={columns} rowKey={(a) => a.id} query={list} params={listParams} />

      <FormDialog open={creating} onClose={() => setCreating(false)} title={t("form.createTitle")} wide>
        <AuditForm
          fiscalYear={fy}
          people={people}
          departments={departments}
          onCancel={() => setCreating(false)}
          onDone={(a) => {
            setCreating(false);
            setNotice(t("form.created"));
            void qc.invalidateQueries({ queryKey: ["audits"] });
            router.push(`/audits/${a.id}`);
          }}
        />
      </FormDialog>
    </div>
  );
}

export function Kpi({ label, value, tone, href, linkLabel }: { label: string; value: string; tone?: "red" | "amber"; href?: string; linkLabel?: string }) {
  const color = tone === "red" ? "text-red-700" : tone === "amber" ? "text-amber-700" : "text-slate-900";
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <p className="text-xs text-slate-600">{label}</p>
      <p className={`mt-1 text-xl font-bold ${color}`}>{value}</p>
      {href ? (
        <Link className="text-xs text-brand-700 underline" href={href}>
          {linkLabel}
        </Link>
      ) : null}
    </div>
  );
}
