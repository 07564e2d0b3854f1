"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Badge, Card, Skeleton } from "@/components/ui/card";
import { LoadError } from "@/components/ui/load-error";
import { apiFetch } from "@/lib/client/api";
import { formatDate, formatDateTime } from "@/lib/dates";
import type { DeliveryStatus } from "@/lib/notifications/enums";
import type { EmployeeReminderDto, TrainingReminderSettingsDto } from "@/lib/notifications/training-reminders";
import { TRAINING_REMINDER_SETTINGS_KEY } from "@/components/settings/training-reminder-settings";

const STATUS_TONE: Record<DeliveryStatus, "slate" | "blue" | "green" | "red"> = { pending: "slate", sending: "blue", sent: "green", failed: "red" };

/** The training reminders sent to one employee (HR and the privacy manager, on the employee's page). */
export function EmployeeReminders({ employeeId }: { employeeId: number }) {
  const t = useTranslations("notifications.employeeReminders");
  const td = useTranslations("notifications.deliveries");
  const q = useQuery({ queryKey: ["employees", "training-reminders", employeeId], queryFn: () => apiFetch<EmployeeReminderDto[]>(`/api/v1/employees/${employeeId}/training-reminders`) });
  const settings = useQuery({ queryKey: TRAINING_REMINDER_SETTINGS_KEY, queryFn: () => apiFetch<TrainingReminderSettingsDto>("/api/v1/settings/training-reminders") });
  const off = settings.data && (!settings.data.enabled || !settings.data.emailEnabled);
  return (
    <Card title={t("title")}>
      <div className="space-y-3 text-sm">
        {off ? <Alert tone="info">{settings.data?.enabled ? t("noEmail") : t("off")}</Alert> : null}
        {q.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : q.isError ? (
          <LoadError onRetry={() => q.refetch()} />
        ) : q.data.length === 0 ? (
          <p className="text-slate-600">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {q.data.map((r) => (
              <li key={r.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
                <div>
                  <p className="font-medium">
                    <span className="font-mono text-xs text-slate-600">{r.courseCode}</span> {r.courseTitle}
                  </p>
                  <p className="text-slate-700">
                    {t("line", { number: r.number, max: r.max, fiscalYear: String(r.fiscalYear) })}
                    {" · "}
                    {t(r.overdue ? "overdueSince" : "dueOn", { date: formatDate(r.dueOn) })}
                  </p>
                  {r.lastError ? <p className="text-xs break-all text-red-700">{r.lastError}</p> : null}
                </div>
                <div className="sm:text-right">
                  <Badge tone={STATUS_TONE[r.status]}>{td(`status.${r.status}`)}</Badge>
                  <p className="mt-1 text-xs text-slate-600">{formatDateTime(r.sentAt ?? r.createdAt)}</p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
