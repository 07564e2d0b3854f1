"use client";

import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { NavGroup } from "./nav";
import type { SessionUser } from "@/lib/auth/roles";
import { NotificationBell } from "@/components/notifications/bell";
import { LanguageSwitch } from "./language-switch";
import { UserMenu } from "./user-menu";

export function AppShell({ user, nav, signOut, children }: { user: SessionUser; nav: NavGroup[]; signOut: () => Promise<void>; children: React.ReactNode }) {
  const t = useTranslations();
  const pathname = usePathname();
  // The phone menu is open for the page it was opened on: navigating closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  // The most specific item wins: on /regulations/structure only "PMS体制" is current, not "/regulations" too.
  const under = (href: string) => pathname === href || pathname.startsWith(href + "/");
  const hrefs = nav.flatMap((g) => g.items.map((i) => i.href));
  const isActive = (href: string) =>
    under(href) && !hrefs.some((h) => h.length > href.length && h.startsWith(href + "/") && under(h));

  const sidebar = (
    <nav aria-label={t("nav.label")} className="space-y-5 p-4">
      {nav.map((g) => (
        <div key={g.key}>
          <p className="mb-1 px-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{t(`nav.${g.key}` as "nav.training")}</p>
          <ul className="space-y-0.5">
            {g.items.map((i) => (
              <li key={i.href}>
                <Link
                  href={i.href}
                  aria-current={isActive(i.href) ? "page" : undefined}
                  className={`block rounded-md px-2 py-1.5 text-sm ${
                    isActive(i.href) ? "bg-brand-600 font-medium text-white" : "text-slate-700 hover:bg-slate-100"
                  }`}
                >
                  {t(`nav.${i.key}` as "nav.training")}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );

  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        {t("app.skipToContent")}
      </a>
      <header className="no-print sticky top-0 z-30 flex h-14 items-center justify-between gap-2 border-b border-slate-200 bg-white px-3 md:px-5">
        <div className="flex min-w-0 items-center gap-2">
          <button
            type="button"
            className="rounded-md p-2 text-slate-700 hover:bg-slate-100 md:hidden"
            aria-expanded={open}
            aria-controls="mobile-nav"
            onClick={() => setOpenOn(open ? null : pathname)}
          >
            <span className="sr-only">{open ? t("nav.closeMenu") : t("nav.openMenu")}</span>
            <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20" fill="currentColor">
              <path d="M3 5h14v2H3zM3 9h14v2H3zM3 13h14v2H3z" />
            </svg>
          </button>
          {/* On a phone the bell, the language switch and the user menu leave room for "PMS" only: the full name stays the link's name. */}
          <Link href="/" aria-label={t("app.name")} className="truncate text-sm font-bold text-brand-800 sm:text-base">
            <span aria-hidden="true" className="sm:hidden">
              PMS
            </span>
            <span aria-hidden="true" className="hidden sm:inline">
              {t("app.name")}
            </span>
          </Link>
        </div>
        <div className="flex shrink-0 items-center gap-2 text-sm">
          <NotificationBell />
          <LanguageSwitch />
          <UserMenu user={user} signOut={signOut} />
        </div>
      </header>
      <div className="flex">
        <aside className="no-print hidden w-56 shrink-0 border-r border-slate-200 bg-white md:block md:min-h-[calc(100vh-3.5rem)]">{sidebar}</aside>
        {open ? (
          <div id="mobile-nav" className="fixed inset-x-0 top-14 bottom-0 z-20 overflow-y-auto bg-white md:hidden">
            <p className="border-b border-slate-200 px-6 py-2 text-sm text-slate-700 sm:hidden">
              {user.name} — {t(`roles.${user.role}`)}
            </p>
            {sidebar}
          </div>
        ) : null}
        <main id="main" className="min-w-0 flex-1 p-4 md:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
