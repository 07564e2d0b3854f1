"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Alert, Card, Skeleton } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/field";
import { ActionMessage, useAction } from "@/components/ui/form";
import { apiFetch } from "@/lib/client/api";
import { formatDateTime } from "@/lib/dates";
import type { CreatedFeed, FeedStatus } from "@/lib/calendar/schema";
import { calendarKeys } from "./calendar-view";

/**
 * The iCalendar subscription: create a secret URL (shown once, with a copy button), replace it, or
 * revoke it; how to add it to Google Calendar and Outlook.
 */
export function SubscribePanel() {
  const t = useTranslations("calendar.subscribe");
  const locale = useLocale() as "ja" | "en";
  const [feedLocale, setFeedLocale] = useState<"ja" | "en">(locale);
  const [created, setCreated] = useState<CreatedFeed | null>(null);
  const [copied, setCopied] = useState(false);
  const [confirm, setConfirm] = useState<"replace" | "revoke" | null>(null);
  // The button that created the URL is disabled while it works, which drops the focus: move it to the
  // new URL (selected, shown once) so that the keyboard and a screen reader land where the result is.
  const urlRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (created) urlRef.current?.focus();
  }, [created]);

  const status = useQuery({ queryKey: calendarKeys.feed, queryFn: () => apiFetch<FeedStatus>("/api/v1/calendar/feed") });
  const a = useAction({ invalidate: [calendarKeys.feed] });
  const create = async () => {
    await a.run(async () => {
      setCreated(await apiFetch<CreatedFeed>("/api/v1/calendar/feed", { method: "POST", json: { locale: feedLocale } }));
      setCopied(false);
    });
    setConfirm(null);
  };
  const revoke = async () => {
    await a.run(async () => {
      await apiFetch<FeedStatus>("/api/v1/calendar/feed/revoke", { method: "POST", json: {} });
      setCreated(null);
    });
    setConfirm(null);
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  const active = status.data?.active ?? false;

  return (
    <Card title={t("title")}>
      <div className="space-y-3 text-sm text-slate-700">
        <p>{t("intro")}</p>
        {status.isPending ? (
          <Skeleton className="h-9 w-64" />
        ) : status.isError ? (
          <Alert tone="error">{t("loadError")}</Alert>
        ) : (
          <>
            <p role="status">{active ? t("active", { date: formatDateTime(status.data.createdAt) }) : t("inactive")}</p>
            {created ? (
              <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3">
                <p className="font-medium text-amber-900">{t("onceWarning")}</p>
                <label className="block">
                  <span className="mb-1 block text-xs font-medium text-slate-700">{t("urlLabel")}</span>
                  <input
                    ref={urlRef}
                    readOnly
                    value={created.url}
                    onFocus={(e) => e.currentTarget.select()}
                    className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs"
                  />
                </label>
                <div className="flex items-center gap-2">
                  <Button variant="primary" onClick={copy}>
                    {t("copy")}
                  </Button>
                  <span role="status" className="text-xs text-green-800">
                    {copied ? t("copied") : ""}
                  </span>
                </div>
              </div>
            ) : null}
            <div className="flex flex-wrap items-end gap-2">
              <SelectField label={t("language")} value={feedLocale} onChange={(e) => setFeedLocale(e.target.value === "en" ? "en" : "ja")} className="w-40">
                <option value="ja">日本語</option>
                <option value="en">English</option>
              </SelectField>
              <Button variant={active ? "secondary" : "primary"} onClick={() => (active ? setConfirm("replace") : void create())} disabled={a.busy}>
                {active ? t("replace") : t("create")}
              </Button>
              {active ? (
                <Button variant="danger" onClick={() => setConfirm("revoke")} disabled={a.busy}>
                  {t("revoke")}
                </Button>
              ) : null}
            </div>
            <ActionMessage message={a.message} />
          </>
        )}
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer font-medium">{t("howTo")}</summary>
          <div className="mt-2 space-y-2">
            <h3 className="font-semibold">Google Calendar</h3>
            <ol className="list-decimal space-y-1 pl-5">
              <li>{t("google.1")}</li>
              <li>{t("google.2")}</li>
              <li>{t("google.3")}</li>
            </ol>
            <h3 className="font-semibold">Outlook</h3>
            <ol className="list-decimal space-y-1 pl-5">
              <li>{t("outlook.1")}</li>
              <li>{t("outlook.2")}</li>
              <li>{t("outlook.3")}</li>
            </ol>
            <p className="text-xs text-slate-600">{t("refreshNote")}</p>
          </div>
        </details>
      </div>
      <ConfirmDialog
        open={confirm === "replace"}
        title={t("replaceTitle")}
        body={t("replaceBody")}
        confirmLabel={t("replace")}
        tone="primary"
        busy={a.busy}
        onConfirm={() => void create()}
        onCancel={() => setConfirm(null)}
      />
      <ConfirmDialog
        open={confirm === "revoke"}
        title={t("revokeTitle")}
        body={t("revokeBody")}
        confirmLabel={t("revoke")}
        busy={a.busy}
        onConfirm={() => void revoke()}
        onCancel={() => setConfirm(null)}
      />
    </Card>
  );
}
