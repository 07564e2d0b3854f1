"use client";

import Link from "@/components/ui/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { PageHeader, Skeleton } from "@/components/ui/card";
import { ScrollArea } from "@/components/ui/data-table";
import { FilterBar, useListParams } from "@/components/ui/list";
import { LoadError } from "@/components/ui/load-error";
import { apiFetch } from "@/lib/client/api";
import { listSearch } from "@/lib/list/params";
import { RISK_SCALE, riskLevel } from "@/lib/register/risk";
import { RATING_PHASES, heatMapViewQuery, listRisksQuery, type HeatMapDto, type RatingPhase } from "@/lib/register/risk-schema";
import { heatMapSearch, riskKeys } from "./keys";
import { LEVEL_CELL } from "./labels";
import { RiskFilterFields } from "./risk-filter-fields";
import { ThresholdCard } from "./threshold-card";

/**
 * The 5 × 5 heat map of the register's risks (docs/domain.md §6): a real table, likelihood in rows
 * (highest on top) and impact in columns, before or after the countermeasures; every cell names its
 * count and level in words and links to the risk list filtered to exactly that cell and these filters.
 */
export function RiskHeatMap({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("registerRisks");
  const params = useListParams(heatMapViewQuery);
  const v = params.values;
  const apiSearch = heatMapSearch(v);
  const heat = useQuery({
    queryKey: riskKeys.heatMap(apiSearch),
    queryFn: () => apiFetch<HeatMapDto>(`/api/v1/register/risks/heatmap${apiSearch}`),
    placeholderData: keepPreviousData,
  });
  const phase: RatingPhase = v.phase;
  const cellHref = (likelihood: number, impact: number) =>
    `/register/risks/list${listSearch(listRisksQuery, { itemId: v.itemId, stage: v.stage, threat: v.threat, accepted: v.accepted, phase, likelihood, impact })}`;

  return (
    <div className="space-y-4">
      <PageHeader title={t("heatMapTitle")} description={t("heatMapDescription")} />
      <FilterBar label={t("filters.label")} params={params} total={heat.data?.total}>
        <fieldset className="sm:col-span-2">
          <legend className="mb-1 text-sm font-medium text-slate-800">{t("phaseLabel")}</legend>
          <div className="inline-flex rounded-md border border-slate-300" role="group">
            {RATING_PHASES.map((p) => (
              <button
                key={p}
                type="button"
                aria-pressed={phase === p}
                onClick={() => params.update({ phase: p })}
                className={`px-3 py-2 text-sm first:rounded-l-md last:rounded-r-md focus:outline-none focus:ring-2 focus:ring-brand-600/40 ${
                  phase === p ? "bg-brand-700 text-white" : "bg-white text-slate-800 hover:bg-slate-50"
                }`}
              >
                {t(`phase.${p}`)}
              </button>
            ))}
          </div>
        </fieldset>
        <RiskFilterFields params={params} />
      </FilterBar>

      <section className="rounded-lg border border-slate-200 bg-white p-4">
        {heat.isPending ? (
          <Skeleton className="h-72 w-full" />
        ) : heat.isError ? (
          <LoadError onRetry={() => heat.refetch()} />
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-700" aria-live="polite">
              {t("heat.total", { count: heat.data.total })}
            </p>
            {heat.data.total === 0 ? <p className="mb-3 text-sm text-slate-600">{t("heat.empty")}</p> : null}
            <ScrollArea label={t("heat.caption", { phase: t(`phase.${phase}`) })}>
              <table className="w-full min-w-[28rem] border-separate border-spacing-1 text-sm">
                <caption className="mb-2 text-left font-medium text-slate-900">{t("heat.caption", { phase: t(`phase.${phase}`) })}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="p-2 text-left text-xs font-medium text-slate-600">
                      {t("heat.likelihoodAxis")} \ {t("heat.impactAxis")}
                    </th>
                    {RISK_SCALE.map((i) => (
                      <th key={i} scope="col" className="whitespace-nowrap p-2 text-center font-medium text-slate-800">
                        <abbr title={t(`impactScale.${i as 1}`)} className="no-underline">
                          {t("heat.impactAxis")} {i}
                        </abbr>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {[...RISK_SCALE].reverse().map((l) => (
                    <tr key={l}>
                      <th scope="row" className="whitespace-nowrap p-2 text-left font-medium text-slate-800">
                        <abbr title={t(`likelihoodScale.${l as 1}`)} className="no-underline">
                          {t("heat.likelihoodAxis")} {l}
                        </abbr>
                      </th>
                      {RISK_SCALE.map((i) => {
                        const count = heat.data[phase][l - 1][i - 1];
                        const level = riskLevel({ likelihood: l, impact: i });
                        return (
                          <td key={i} className={`h-14 rounded text-center ${LEVEL_CELL[level]}`}>
                            <Link
                              href={cellHref(l, i)}
                              aria-label={t("heat.cellLink", { count, likelihood: l, impact: i, level: t(`level.${level}`) })}
                              className="flex h-full w-full flex-col items-center justify-center rounded p-1 underline-offset-2 hover:underline focus:outline-none focus:ring-2 focus:ring-brand-600"
                            >
                              <span className={`text-lg ${count ? "font-semibold" : "text-slate-500"}`}>{count}</span>
                              <span className="text-[11px]">{t(`level.${level}`)}</span>
                            </Link>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
            <p className="mt-2 text-xs text-slate-600">{t("heat.legend")}</p>
          </>
        )}
      </section>

      <Scales />
      <ThresholdCard canEdit={canEdit} />
    </div>
  );
}

/** The two scales and the level bands, as documented (docs/domain.md §6). */
export function Scales() {
  const t = useTranslations("registerRisks");
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <summary className="cursor-pointer font-medium text-slate-900">{t("scales")}</summary>
      <p className="mt-2 text-slate-700">{t("scalesIntro")}</p>
      <div className="mt-2 grid gap-4 md:grid-cols-2">
        {(["likelihood", "impact"] as const).map((axis) => (
          <div key={axis}>
            <h3 className="font-medium text-slate-900">{t(`fields.${axis}`)}</h3>
            <ol className="mt-1 space-y-1 text-slate-700">
              {RISK_SCALE.map((n) => (
                <li key={n}>{t(`${axis}Scale.${n as 1}`)}</li>
              ))}
            </ol>
          </div>
        ))}
      </div>
    </details>
  );
}
