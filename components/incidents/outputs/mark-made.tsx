"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Alert, Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { Form, useForm } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import { formatDate } from "@/lib/dates";
import { madeOnOf, markOutputMadeSchema, type IncidentDetail, type IncidentDto, type IncidentOutput } from "@/lib/incidents/schema";
import { incidentKeys } from "../common";

type MadeRecord = { version: number; madeOn: string | null };

/**
 * "Made on": the day an output (a PPC report, the notice, the statement) was made, saved on the
 * incident through PUT /api/v1/incidents/{id}/outputs/{output} — the clocks read the report and
 * notice dates. Empty = not made yet. The page is rendered on the server: a save refreshes it.
 */
export function MarkMadeForm({ incidentId, output, record }: { incidentId: number; output: IncidentOutput; record: MadeRecord }) {
  const t = useTranslations("incidents.outputs.mark");
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const f = useForm({
    initial: { madeOn: record.madeOn ?? "" },
    record,
    followRecord: true,
    schema: markOutputMadeSchema,
    submit: (body) => apiFetch<IncidentDto>(`/api/v1/incidents/${incidentId}/outputs/${output}`, { method: "PUT", json: body }),
    invalidate: [incidentKeys.all],
    onSaved: () => {
      setSaved(true);
      router.refresh();
    },
    loadLatest: async () => {
      const d = await apiFetch<IncidentDetail>(`/api/v1/incidents/${incidentId}`);
      return { version: d.incident.version, madeOn: madeOnOf(d.incident, output) };
    },
    compare: { madeOn: t(output) },
    toValues: (r) => ({ madeOn: r.madeOn ?? "" }),
  });
  return (
    <Form form={f} className="space-y-3" submitLabel={t("save")}>
      {saved ? <Alert tone="success">{f.values.madeOn ? t("savedOn", { date: formatDate(f.values.madeOn) }) : t("savedNone")}</Alert> : null}
      <TextField type="date" label={t(output)} hint={t("hint")} {...f.field("madeOn")} />
    </Form>
  );
}

/** The panel of one or more "made on" forms, for the privacy manager only (the page decides). */
export function MarkMadePanel({ incidentId, version, outputs, intro }: { incidentId: number; version: number; outputs: { output: IncidentOutput; madeOn: string | null }[]; intro: string }) {
  const t = useTranslations("incidents.outputs.mark");
  return (
    <Card title={t("heading")} className="no-print">
      <p className="mb-3 text-sm text-slate-600">{intro}</p>
      <div className={`grid gap-4 ${outputs.length > 1 ? "sm:grid-cols-2" : ""}`}>
        {outputs.map((o) => (
          <MarkMadeForm key={o.output} incidentId={incidentId} output={o.output} record={{ version, madeOn: o.madeOn }} />
        ))}
      </div>
    </Card>
  );
}
