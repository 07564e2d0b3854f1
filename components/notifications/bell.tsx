"use client";

import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { useCallback, useId, useRef, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import { useDismiss } from "@/components/ui/use-dismiss";
import { formatDate } from "@/lib/dates";
import type { NotificationPage } from "@/lib/notifications/schema";
import { BELL_REFRESH_MS, notificationKeys } from "./keys";
import { StageBadge } from "./labels";

/**
 * The bell in the header: the unread count (asked for every minute), and on click a small panel with
 * the latest unread notifications — each a link to its record (opening one marks it read) — and a link
 * to the notifications page. A disclosure like the user menu: Escape or a click outside closes it.
 */
export function NotificationBell() {
  const t = useTranslations("notifications");
  const qc = useQueryClient();
  const panelId = useId();
  const pathname = usePathname();
  // Open for the page it was opened on: following one of its links closes it (as the phone menu does).
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (next: boolean | ((o: boolean) => boolean)) => setOpenOn((typeof next === "function" ? next(open) : next) ? pathname : null);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const unread = useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => apiFetch<{ unread: number }>("/api/v1/notifications/unread"),
    refetchInterval: BELL_REFRESH_MS,
  });
  const recent = useQuery({
    queryKey: notificationKeys.recent,
    queryFn: () => apiFetch<NotificationPage>("/api/v1/notifications?unread=true&pageSize=5"),
    enabled: open,
  });

  const closeMenu = useCallback(() => setOpenOn(null), []);
  useDismiss(open, closeMenu, root, toggle);

  const markRead = (id: number) => {
    void apiFetch("/api/v1/notifications/read", { method: "POST", json: { ids: [id] } })
      .then(() => qc.invalidateQueries({ queryKey: notificationKeys.all }))
      .catch(() => {});
  };

  const count = unread.data?.unread ?? 0;
  return (
    <div ref={root} className="relative">
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={count ? t("bellUnread", { count }) : t("bell")}
        onClick={() => setOpen((o) => !o)}
        className="relative rounded-md p-2 text-slate-700 hover:bg-slate-100"
      >
        <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20" fill="currentColor">
          <path d="M10 2a5 5 0 0 0-5 5v3.6L3.3 13.5A1 1 0 0 0 4.2 15h11.6a1 1 0 0 0 .9-1.5L15 10.6V7a5 5 0 0 0-5-5zm-2 14a2 2 0 0 0 4 0z" />
        </svg>
        {count ? (
          <span aria-hidden="true" data-testid="bell-count" className="absolute -right-0.5 -top-0.5 min-w-[1.25rem] rounded-full bg-red-700 px-1 text-center text-xs font-semibold leading-5 text-white">
            {count > 99 ? "99+" : count}
          </span>
        ) : null}
      </button>
      <div id={panelId} hidden={!open} className="fixed inset-x-2 top-14 z-40 rounded-md border border-slate-200 bg-white p-2 shadow-lg sm:absolute sm:inset-x-auto sm:right-0 sm:top-full sm:mt-1 sm:w-80">
        <p className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">{t("recent")}</p>
        {recent.isError ? (
          <p className="px-2 py-2 text-sm text-red-700">{t("loadFailed")}</p>
        ) : !recent.data ? (
          <p className="px-2 py-2 text-sm text-slate-600">{t("loading")}</p>
        ) : recent.data.items.length === 0 ? (
          <p className="px-2 py-2 text-sm text-slate-700">{t("bellEmpty")}</p>
        ) : (
          <ul className="max-h-80 space-y-1 overflow-y-auto">
            {recent.data.items.map((n) => (
              <li key={n.id}>
                <Link href={n.href} onClick={() => markRead(n.id)} className="block rounded px-2 py-2 text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100">
                  <span className="flex flex-wrap items-center gap-1">
                    <StageBadge stage={n.stage} />
                    <span className="text-xs text-slate-600">{t("dueOn", { date: formatDate(n.dueOn) })}</span>
                  </span>
                  <span className="mt-0.5 block">{n.summary}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <div className="mt-1 flex justify-between border-t border-slate-200 px-2 pt-2 text-sm">
          <Link href="/notifications" className="text-brand-700 underline">
            {t("bellAll")}
          </Link>
          <Link href="/notifications/preferences" className="text-brand-700 underline">
            {t("preferencesLink")}
          </Link>
        </div>
      </div>
    </div>
  );
}
