"use client";

import { useTranslations } from "next-intl";
import { EnumSelect } from "@/components/ui/field";
import { FLAG_VALUES, type ParamValue } from "@/lib/list/params";
import { LIFECYCLE_STAGES, RISK_THREATS, type LifecycleStage, type RiskThreat } from "@/lib/register/enums";

type RiskFilterKey = "stage" | "threat" | "accepted";

/** What the fields need of useListParams (the heat map's and the risk list's both fit). */
type RiskFilterParams = {
  values: { stage?: LifecycleStage; threat?: RiskThreat; accepted?: (typeof FLAG_VALUES)[number] };
  update(patch: Partial<Record<RiskFilterKey, ParamValue>>): void;
};

/**
 * The filters the heat map and the risk list share — stage, risk, accepted — so that a cell's link and
 * the list behind it offer the same choices with the same words. Placed inside a FilterBar.
 */
export function RiskFilterFields({ params }: { params: RiskFilterParams }) {
  const t = useTranslations("registerRisks");
  const v = params.values;
  return (
    <>
      <EnumSelect
        label={t("fields.stage")}
        values={LIFECYCLE_STAGES}
        value={v.stage}
        empty={t("filters.allStages")}
        optionLabel={(s) => t(`stage.${s}`)}
        onValueChange={(stage) => params.update({ stage: stage || undefined })}
      />
      <EnumSelect
        label={t("fields.threat")}
        values={RISK_THREATS}
        value={v.threat}
        empty={t("filters.allThreats")}
        optionLabel={(s) => t(`threat.${s}`)}
        onValueChange={(threat) => params.update({ threat: threat || undefined })}
      />
      <EnumSelect
        label={t("filters.accepted")}
        values={FLAG_VALUES}
        value={v.accepted}
        empty={t("filters.any")}
        optionLabel={(f) => (f === "true" ? t("filters.acceptedYes") : t("filters.acceptedNo"))}
        onValueChange={(accepted) => params.update({ accepted: accepted || undefined })}
      />
    </>
  );
}
