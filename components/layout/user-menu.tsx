"use client";

import { useCallback, useId, useRef, useState } from "react";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import { useDismiss } from "@/components/ui/use-dismiss";
import type { SessionUser } from "@/lib/auth/roles";
import { ConfirmDialog } from "@/components/ui/dialog";
import { ActionMessage, useAction } from "@/components/ui/form";

/**
 * The signed-in user's own menu in the header: who is signed in, sign out (this session), and
 * "sign out everywhere" (every session of this user, on every device), the latter after a
 * confirmation. A disclosure: a button that shows a small panel of buttons; Escape or a click
 * outside closes it.
 */
export function UserMenu({ user, signOut }: { user: SessionUser; signOut: () => Promise<void> }) {
  const t = useTranslations();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  const closeMenu = useCallback(() => setOpen(false), []);
  useDismiss(open, closeMenu, root, toggle);

  const everywhere = useAction();
  const [leaving, setLeaving] = useState(false);
  const endEverywhere = async () => {
    const ok = await everywhere.run(() => apiFetch<{ sessionsEnded: number }>("/api/v1/me/sessions/revoke", { method: "POST" }));
    if (!ok) return;
    // Every session is over, this one too: clear this browser's cookie and go to the login page.
    setLeaving(true);
    await signOut();
  };

  const role = t(`roles.${user.role}`);
  const item = "block w-full rounded px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100";
  return (
    <div ref={root} className="relative">
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t("header.userMenu", { name: user.name, role })}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-1.5 rounded-md px-2 py-1 text-slate-800 hover:bg-slate-100"
      >
        <span className="hidden text-right leading-tight sm:block">
          <span className="block font-medium">{user.name}</span>
          <span className="block text-xs text-slate-600">{role}</span>
        </span>
        <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20" fill="currentColor" className="sm:hidden">
          <path d="M10 10a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 8a7 7 0 0 1 14 0z" />
        </svg>
        <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12" fill="currentColor" className={open ? "rotate-180" : ""}>
          <path d="M2 4l4 4 4-4z" />
        </svg>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-40 mt-1 w-64 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
      >
        <p className="border-b border-slate-100 px-3 py-2 text-xs text-slate-600">{t("header.signedInAs", { name: user.name, role })}</p>
        <Link href="/account/security" className={item} onClick={() => setOpen(false)}>
          {t("secondFactor.menuLink")}
        </Link>
        <form action={signOut}>
          <button type="submit" className={item}>
            {t("header.signOut")}
          </button>
        </form>
        <button
          type="button"
          className={item}
          onClick={() => {
            setOpen(false);
            everywhere.setMessage(null);
            setConfirming(true);
          }}
        >
          {t("header.signOutEverywhere")}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t("header.signOutEverywhereTitle")}
        body={
          <div className="space-y-3">
            <p>{t("header.signOutEverywhereBody")}</p>
            <ActionMessage message={everywhere.message} />
          </div>
        }
        confirmLabel={t("header.signOutEverywhereConfirm")}
        tone="danger"
        busy={everywhere.busy || leaving}
        onConfirm={() => void endEverywhere()}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
