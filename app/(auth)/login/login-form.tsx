"use client";

import { useActionState, useRef, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { loginAction, type LoginState } from "./actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";

export function LoginForm({ callbackUrl, demo }: { callbackUrl: string; demo: { email: string; role: string }[] }) {
  const t = useTranslations("auth");
  const tr = useTranslations("roles");
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, {});
  const email = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);
  // A deep link's fragment (/audits/5#finding-7 from the calendar feed) never reaches the server:
  // the browser carries it over the redirect to this page, and it goes back onto the target here.
  const hash = useSyncExternalStore(subscribeToHash, () => window.location.hash, () => "");
  const target = hash && !callbackUrl.includes("#") ? `${callbackUrl}${hash}` : callbackUrl;
  return (
    <div className="space-y-6">
      <form action={action} className="space-y-4" noValidate>
        <input type="hidden" name="callbackUrl" value={target} />
        {state.error ? <Alert tone="error">{t(state.error)}</Alert> : null}
        <div className="space-y-1">
          <label htmlFor="email" className="block text-sm font-medium">
            {t("email")}
          </label>
          <input
            ref={email}
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={state.email}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="password" className="block text-sm font-medium">
            {t("password")}
          </label>
          <input
            ref={password}
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </div>
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
      </form>
      {demo.length ? (
        <section aria-labelledby="demo-title" className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
          <h2 id="demo-title" className="font-semibold">
            {t("demoTitle")}
          </h2>
          <p className="mt-1 text-slate-600">{t("demoHelp", { password: "demo-password" })}</p>
          <ul className="mt-2 space-y-1">
            {demo.map((d) => (
              <li key={d.email} className="flex items-center justify-between gap-2">
                <span>
                  <span className="font-mono">{d.email}</span> <span className="text-slate-600">— {tr(d.role)}</span>
                </span>
                <button
                  type="button"
                  className="text-brand-700 underline"
                  aria-label={t("useAccount", { email: d.email })}
                  onClick={() => {
                    if (email.current) email.current.value = d.email;
                    if (password.current) password.current.value = "demo-password";
                  }}
                >
                  {t("use")}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function subscribeToHash(onChange: () => void) {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}
