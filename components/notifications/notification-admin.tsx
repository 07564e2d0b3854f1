"use client";

import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Badge, Card, PageHeader } from "@/components/ui/card";
import type { Column } from "@/components/ui/data-table";
import { EnumSelect, TextField } from "@/components/ui/field";
import { Form, useForm } from "@/components/ui/form";
import { FilterBar, FlagCheckbox, ListTable, useListParams } from "@/components/ui/list";
import { apiFetch } from "@/lib/client/api";
import { formatDate, formatDateTime } from "@/lib/dates";
import { DELIVERY_STATUSES, type DeliveryStatus } from "@/lib/notifications/enums";
import { MAX_LEAD_DAYS, type LeadDays } from "@/lib/notifications/rules";
import { deliveryQuery, updateLeadDaysSchema, type DeliveryDto, type WebhookHook } from "@/lib/notifications/schema";
import type { Page } from "@/lib/list/page";
import { notificationKeys } from "./keys";
import { WebhooksCard } from "./webhooks-card";

type StoredLead = LeadDays & { version: number };
type Deliveries = Page<DeliveryDto> & { failing: number; emailEnabled: boolean };
const LEAD_TYPES = ["training", "regulation", "contractor", "audit", "finding", "review_action", "pmark", "evidence", "register", "request"] as const satisfies readonly (keyof LeadDays)[];
const leadValues = (l: StoredLead) => Object.fromEntries(LEAD_TYPES.map((k) => [k, String(l[k])])) as Record<(typeof LEAD_TYPES)[number], string>;
const STATUS_TONE: Record<DeliveryStatus, "slate" | "blue" | "green" | "red"> = { pending: "slate", sending: "blue", sent: "green", failed: "red" };

/** The privacy manager's view: lead times (a setting) and the outbox — delivery status and failures. */
export function NotificationAdmin({ initialLead, initialWebhooks }: { initialLead: StoredLead; initialWebhooks: { hooks: WebhookHook[]; version: number } }) {
  const t = useTranslations("notifications");
  return (
    <div className="space-y-6">
      <PageHeader title={t("deliveries.title")} description={t("deliveries.description")} />
      <LeadDaysForm initial={initialLead} />
      <WebhooksCard initial={initialWebhooks} />
      <DeliveryList />
    </div>
  );
}

function LeadDaysForm({ initial }: { initial: StoredLead }) {
  const t = useTranslations("notifications");
  const qc = useQueryClient();
  const lead = useQuery({ queryKey: notificationKeys.leadDays, queryFn: () => apiFetch<StoredLead>("/api/v1/notifications/lead-days"), initialData: initial });
  const [saved, setSaved] = useState(false);
  const f = useForm({
    initial: leadValues(lead.data),
    record: lead.data,
    followRecord: true,
    schema: updateLeadDaysSchema,
    submit: (body) => apiFetch<StoredLead>("/api/v1/notifications/lead-days", { method: "PUT", json: body }),
    onSaved: (l) => {
      qc.setQueryData(notificationKeys.leadDays, l);
      setSaved(true);
    },
    loadLatest: () => apiFetch<StoredLead>("/api/v1/notifications/lead-days"),
    compare: Object.fromEntries(LEAD_TYPES.map((k) => [k, t(`types.${k}`)])),
    toValues: leadValues,
  });
  return (
    <Card title={t("leadDays.title")}>
      <Form form={f}>
        <p className="text-sm text-slate-700">{t("leadDays.description")}</p>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {LEAD_TYPES.map((k) => {
            const field = f.field(k);
            return (
              <TextField
                key={k}
                label={t("leadDays.days", { type: t(`types.${k}`) })}
                type="number"
                inputMode="numeric"
                min={0}
                max={MAX_LEAD_DAYS}
                {...field}
                onChange={(e) => {
                  field.onChange(e);
                  setSaved(false);
                }}
              />
            );
          })}
        </div>
        {saved ? <Alert tone="success">{t("leadDays.saved")}</Alert> : null}
      </Form>
    </Card>
  );
}

function DeliveryList() {
  const t = useTranslations("notifications");
  const tc = useTranslations("common");
  const listParams = useListParams(deliveryQuery);
  const { values: filters, search: qs, update } = listParams;
  const list = useQuery({ queryKey: notificationKeys.deliveries(qs), queryFn: () => apiFetch<Deliveries>(`/api/v1/notifications/deliveries${qs}`) });
  const columns: Column<DeliveryDto>[] = [
    { key: "status", header: t("deliveries.filterStatus"), cell: (d) => <Badge tone={STATUS_TONE[d.status]}>{t(`deliveries.status.${d.status}`)}</Badge> },
    { key: "channel", header: t("deliveries.channelLabel"), cell: (d) => t(`deliveries.channel.${d.channel}`) },
    {
      key: "recipient",
      header: t("deliveries.recipient"),
      cell: (d) => (
        <span>
          {d.recipient}
          {d.digestOn ? <span className="block text-xs text-slate-600">{t("deliveries.digest", { date: formatDate(d.digestOn) })}</span> : null}
          {d.trainingReminder ? (
            <span className="block text-xs text-slate-600">{t("deliveries.trainingReminder", { course: d.trainingReminder.courseCode, number: d.trainingReminder.number, max: d.trainingReminder.max })}</span>
          ) : null}
        </span>
      ),
    },
    { key: "attempts", header: t("deliveries.attempts"), cell: (d) => d.attempts },
    {
      key: "when",
      header: t("deliveries.sentAt"),
      cell: (d) => (
        <span className="whitespace-nowrap text-sm">
          {d.sentAt ? formatDateTime(d.sentAt) : d.nextAttemptAt ? `${t("deliveries.nextAttempt")}: ${formatDateTime(d.nextAttemptAt)}` : "—"}
        </span>
      ),
    },
    { key: "error", header: t("deliveries.lastError"), cell: (d) => <span className="break-all text-xs text-slate-700">{d.lastError ?? "—"}</span> },
  ];
  return (
    <Card title={t("deliveries.listTitle")}>
      <div className="space-y-3">
        {list.data && !list.data.emailEnabled ? <Alert tone="info">{t("deliveries.emailOff")}</Alert> : null}
        {list.data && list.data.failing > 0 ? <Alert tone="warning">{t("deliveries.failing", { count: list.data.failing })}</Alert> : null}
        <FilterBar label={tc("filter")} params={listParams} total={list.data?.total}>
          <EnumSelect
            label={t("deliveries.filterStatus")}
            values={DELIVERY_STATUSES}
            value={filters.status}
            empty={t("deliveries.allStatuses")}
            optionLabel={(s) => t(`deliveries.status.${s}`)}
            onValueChange={(status) => update({ status: status || undefined })}
          />
          <div className="pb-2">
            <FlagCheckbox label={t("deliveries.filterFailing")} params={listParams} name="failing" />
          </div>
        </FilterBar>
        <ListTable
          caption={t("deliveries.listTitle")}
          columns={columns}
          rowKey={(d) => d.id}
          query={list}
          params={listParams}
          empty={t("deliveries.empty")}
          cards={(d) => (
            <div className="space-y-1 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <Badge tone={STATUS_TONE[d.status]}>{t(`deliveries.status.${d.status}`)}</Badge>
                <span>{t(`deliveries.channel.${d.channel}`)}</span>
                <span>{d.recipient}</span>
              </p>
              {d.trainingReminder ? <p className="text-xs text-slate-600">{t("deliveries.trainingReminder", { course: d.trainingReminder.courseCode, number: d.trainingReminder.number, max: d.trainingReminder.max })}</p> : null}
              <p className="text-xs text-slate-700">
                {t("deliveries.attempts")}: {d.attempts}
                {d.lastError ? `${tc("dot")}${d.lastError}` : ""}
              </p>
            </div>
          )}
        />
      </div>
    </Card>
  );
}
