"use client";

import Link from "@/components/ui/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Badge, PageHeader } from "@/components/ui/card";
import { Button, ButtonLink } from "@/components/ui/button";
import type { Column } from "@/components/ui/data-table";
import { EnumSelect } from "@/components/ui/field";
import { ActionMessage, useAction } from "@/components/ui/form";
import { FilterBar, FlagCheckbox, ListTable, useListParams } from "@/components/ui/list";
import { apiFetch } from "@/lib/client/api";
import { formatDate, formatDateTime } from "@/lib/dates";
import { NOTIFICATION_TYPES } from "@/lib/notifications/rules";
import { listNotificationsQuery, type NotificationDto, type NotificationPage } from "@/lib/notifications/schema";
import { notificationKeys } from "./keys";
import { StageBadge } from "./labels";

/** The signed-in user's notifications: filter (unread, type), mark read one by one or all, each linking to its record. */
export function NotificationList() {
  const t = useTranslations("notifications");
  const tc = useTranslations("common");
  const qc = useQueryClient();
  const listParams = useListParams(listNotificationsQuery);
  const { values: filters, search: qs, update } = listParams;
  const list = useQuery({ queryKey: notificationKeys.list(qs), queryFn: () => apiFetch<NotificationPage>(`/api/v1/notifications${qs}`) });
  const action = useAction({ invalidate: [notificationKeys.all] });
  const mark = async (body: { ids: number[] } | { all: true }) => {
    let updated = 0;
    const ok = await action.run(async () => {
      updated = (await apiFetch<{ updated: number }>("/api/v1/notifications/read", { method: "POST", json: body })).updated;
    });
    if (ok) action.setMessage({ tone: "success", text: t("markedRead", { count: updated }) });
  };
  const open = (n: NotificationDto) => {
    if (!n.readAt) void apiFetch("/api/v1/notifications/read", { method: "POST", json: { ids: [n.id] } }).then(() => qc.invalidateQueries({ queryKey: notificationKeys.all }), () => {});
  };

  const summary = (n: NotificationDto) => (
    <div className="min-w-[14rem]">
      <Link href={n.href} onClick={() => open(n)} className={`text-brand-700 underline ${n.readAt ? "" : "font-semibold"}`}>
        {n.summary}
      </Link>
      {n.escalated ? (
        <p className="mt-1 text-xs text-slate-700">
          <Badge tone="red">{t("escalated")}</Badge> {t("escalatedHint")}
        </p>
      ) : null}
    </div>
  );
  const readCell = (n: NotificationDto) =>
    n.readAt ? (
      <span className="text-xs text-slate-600">{formatDateTime(n.readAt)}</span>
    ) : (
      <Button variant="secondary" onClick={() => void mark({ ids: [n.id] })} disabled={action.busy} aria-label={`${t("markRead")}: ${n.summary}`}>
        {t("markRead")}
      </Button>
    );
  const columns: Column<NotificationDto>[] = [
    { key: "stage", header: t("columns.stage"), cell: (n) => <StageBadge stage={n.stage} /> },
    { key: "summary", header: t("columns.summary"), cell: summary },
    { key: "type", header: t("filterType"), cell: (n) => t(`types.${n.type}`) },
    { key: "due", header: t("columns.due"), cell: (n) => <span className="whitespace-nowrap">{formatDate(n.dueOn)}</span> },
    { key: "created", header: t("columns.created"), cell: (n) => <span className="whitespace-nowrap">{formatDateTime(n.createdAt)}</span> },
    { key: "read", header: t("columns.read"), cell: readCell },
  ];
  const unread = list.data?.unread ?? 0;
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => void mark({ all: true })} disabled={action.busy || unread === 0}>
              {t("markAllRead")}
            </Button>
            <ButtonLink href="/notifications/preferences">{t("preferencesLink")}</ButtonLink>
          </div>
        }
      />
      <ActionMessage message={action.message} />
      <FilterBar label={tc("filter")} params={listParams} total={list.data?.total}>
        <EnumSelect
          label={t("filterType")}
          values={NOTIFICATION_TYPES}
          value={filters.type}
          empty={t("allTypes")}
          optionLabel={(v) => t(`types.${v}`)}
          onValueChange={(type) => update({ type: type || undefined })}
        />
        <div className="pb-2">
          <FlagCheckbox label={t("filterUnread")} params={listParams} name="unread" />
        </div>
      </FilterBar>
      <ListTable
        caption={t("title")}
        columns={columns}
        rowKey={(n) => n.id}
        query={list}
        params={listParams}
        empty={filters.unread ? t("emptyUnread") : t("empty")}
        cards={(n) => (
          <div className="space-y-2">
            <div className="flex flex-wrap items-center gap-2">
              <StageBadge stage={n.stage} />
              <span className="text-xs text-slate-600">{t("dueOn", { date: formatDate(n.dueOn) })}</span>
              {n.readAt ? null : <Badge tone="blue">{t("unreadLabel")}</Badge>}
            </div>
            {summary(n)}
            {n.readAt ? null : readCell(n)}
          </div>
        )}
      />
    </div>
  );
}
