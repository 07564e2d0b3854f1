"use client";

import Link from "@/components/ui/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Badge, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import type { Column } from "@/components/ui/data-table";
import { EnumSelect } from "@/components/ui/field";
import { FilterBar, FlagCheckbox, ListTable, useListParams } from "@/components/ui/list";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import type { Page } from "@/lib/list/page";
import { listSearch } from "@/lib/list/params";
import { RISK_LEVELS } from "@/lib/register/risk";
import { RATING_PHASES, heatMapViewQuery, listRisksQuery, type RiskDto } from "@/lib/register/risk-schema";
import { riskKeys } from "./keys";
import { Rating } from "./labels";
import { RiskFilterFields } from "./risk-filter-fields";

/** The risks of the register, filtered as the heat map's cell or the dashboard's figure asked (all in the URL). */
export function RiskList() {
  const t = useTranslations("registerRisks");
  const params = useListParams(listRisksQuery);
  const v = params.values;
  const list = useQuery({
    queryKey: riskKeys.list(params.search),
    queryFn: () => apiFetch<Page<RiskDto>>(`/api/v1/register/risks${params.search}`),
    placeholderData: keepPreviousData,
  });

  const acceptance = (r: RiskDto) =>
    r.acceptedOn ? <Badge tone="green">{t("accepted", { date: formatDate(r.acceptedOn), name: r.acceptedByName ?? "" })}</Badge> : <Badge tone="slate">{t("notAccepted")}</Badge>;

  const columns: Column<RiskDto>[] = [
    {
      key: "item",
      header: t("fields.item"),
      sort: "item",
      cell: (r) => (
        <Link href={`/register/${r.itemId}`} className="block min-w-32 text-brand-700 underline-offset-2 hover:underline">
          <span className="font-mono text-xs">{r.itemCode}</span> {r.itemName}
        </Link>
      ),
    },
    { key: "stage", header: t("fields.stage"), sort: "stage", className: "whitespace-nowrap", cell: (r) => t(`stage.${r.stage}`) },
    {
      key: "risk",
      header: t("fields.threat"),
      cell: (r) => (
        <span className="block min-w-48">
          <span className="font-medium">{t(`threat.${r.threat}`)}</span> {r.description}
          {r.retired ? (
            <span className="ml-2">
              <Badge tone="slate">{t("retired")}</Badge>
            </span>
          ) : null}
        </span>
      ),
    },
    { key: "before", header: t("fields.inherent"), sort: "score", cell: (r) => <Rating likelihood={r.likelihood} impact={r.impact} score={r.score} level={r.level} /> },
    {
      key: "after",
      header: t("fields.after"),
      sort: "residualScore",
      cell: (r) => <Rating likelihood={r.residualLikelihood} impact={r.residualImpact} score={r.residualScore} level={r.residualLevel} />,
    },
    { key: "acceptance", header: t("fields.acceptance"), cell: acceptance },
  ];

  const cell = v.likelihood && v.impact ? t("filters.cellValue", { likelihood: v.likelihood, impact: v.impact }) : null;

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("listTitle")}
        description={t("listDescription")}
        actions={
          <ButtonLink href={`/register/risks${listSearch(heatMapViewQuery, { itemId: v.itemId, stage: v.stage, threat: v.threat, accepted: v.accepted, phase: v.phase })}`}>
            {t("filters.backToHeatMap")}
          </ButtonLink>
        }
      />
      <FilterBar label={t("filters.label")} params={params} search={{ label: t("filters.search") }} total={list.data?.total}>
        <RiskFilterFields params={params} />
        <EnumSelect
          label={t("phaseLabel")}
          values={RATING_PHASES}
          value={v.phase}
          optionLabel={(p) => t(`phase.${p}`)}
          onValueChange={(phase) => params.update({ phase: phase || undefined })}
        />
        <EnumSelect
          label={t("fields.level")}
          values={RISK_LEVELS}
          value={v.level}
          empty={t("filters.allLevels")}
          optionLabel={(l) => t(`level.${l}`)}
          onValueChange={(level) => params.update({ level: level || undefined })}
        />
        <div className="flex flex-col justify-end gap-1 pb-2">
          <FlagCheckbox label={t("filters.highOnly")} params={params} name="high" />
          <FlagCheckbox label={t("filters.showRetired")} params={params} name="retired" />
        </div>
        {cell ? (
          <p className="text-sm text-slate-800 sm:col-span-2">
            <span className="font-medium">{t("filters.cell")}</span> {cell}
          </p>
        ) : null}
      </FilterBar>
      <ListTable
        caption={t("listTitle")}
        columns={columns}
        rowKey={(r) => r.id}
        query={list}
        params={params}
        empty={t("empty")}
        cards={(r) => (
          <div className="space-y-1 text-sm">
            <Link href={`/register/${r.itemId}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {r.itemCode} {r.itemName}
            </Link>
            <p>
              {t(`stage.${r.stage}`)} / <span className="font-medium">{t(`threat.${r.threat}`)}</span> {r.description}
            </p>
            <p className="flex flex-wrap gap-2">
              <span className="text-slate-600">{t("fields.inherent")}</span>
              <Rating likelihood={r.likelihood} impact={r.impact} score={r.score} level={r.level} />
            </p>
            <p className="flex flex-wrap gap-2">
              <span className="text-slate-600">{t("fields.after")}</span>
              <Rating likelihood={r.residualLikelihood} impact={r.residualImpact} score={r.residualScore} level={r.residualLevel} />
            </p>
            <p>{acceptance(r)}</p>
          </div>
        )}
      />
    </div>
  );
}
