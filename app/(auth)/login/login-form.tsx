"use client";

import { useActionState, useRef, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { loginAction, ssoAction, type LoginState } from "./actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { EnrolmentSecret, RecoveryCodes } from "@/components/auth/totp-enrolment";

const input = "block w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

export function LoginForm({
  callbackUrl,
  demo,
  sso,
  passwordSignIn,
  notice,
}: {
  callbackUrl: string;
  demo: { email: string; role: string }[];
  /** OpenID Connect providers of the environment: one button each. */
  sso: { id: string; name: string }[];
  /** False when password sign-in is off (only break-glass accounts may use it). */
  passwordSignIn: boolean;
  /** A message from a refused single sign-on (the ?error= of the page). */
  notice?: string;
}) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, {});
  // A deep link's fragment (/audits/5#finding-7 from the calendar feed) never reaches the server:
  // the browser carries it over the redirect to this page, and it goes back onto the target here.
  const hash = useSyncExternalStore(subscribeToHash, () => window.location.hash, () => "");
  const target = hash && !callbackUrl.includes("#") ? `${callbackUrl}${hash}` : callbackUrl;
  const step = state.step ?? "password";
  const hidden = <input type="hidden" name="callbackUrl" value={target} />;
  const error = state.error ? <Alert tone="error">{t(state.error)}</Alert> : null;

  if (step === "code")
    return (
      <form action={action} className="space-y-4" noValidate>
        {hidden}
        <input type="hidden" name="intent" value="code" />
        {error}
        <p className="text-sm text-slate-700">{t("codeHelp")}</p>
        <div className="space-y-1">
          <label htmlFor="code" className="block text-sm font-medium">
            {t("code")}
          </label>
          <input id="code" name="code" autoComplete="one-time-code" autoFocus required className={input} aria-describedby="code-hint" />
          <p id="code-hint" className="text-xs text-slate-600">
            {t("codeHint")}
          </p>
        </div>
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? t("submitting") : t("verify")}
        </Button>
      </form>
    );

  if (step === "enrol")
    return (
      <div className="space-y-4">
        {error}
        <Alert tone="info">{t("enrolRequired")}</Alert>
        {state.enrol ? (
          <form action={action} className="space-y-4" noValidate>
            {hidden}
            <input type="hidden" name="intent" value="enrol-confirm" />
            <EnrolmentSecret qrSvg={state.enrol.qrSvg} secret={state.enrol.secret} />
            <div className="space-y-1">
              <label htmlFor="code" className="block text-sm font-medium">
                {t("confirmCode")}
              </label>
              <input id="code" name="code" autoComplete="one-time-code" inputMode="numeric" required className={input} />
            </div>
            <Button type="submit" className="w-full" disabled={pending}>
              {pending ? t("submitting") : t("confirmEnrolment")}
            </Button>
          </form>
        ) : (
          <form action={action}>
            {hidden}
            <input type="hidden" name="intent" value="enrol-begin" />
            <Button type="submit" className="w-full" disabled={pending}>
              {t("startEnrolment")}
            </Button>
          </form>
        )}
      </div>
    );

  if (step === "recovery")
    return (
      <form action={action} className="space-y-4">
        {hidden}
        <input type="hidden" name="intent" value="finish" />
        {error}
        <RecoveryCodes codes={state.recoveryCodes ?? []} />
        <Button type="submit" className="w-full" disabled={pending}>
          {t("continue")}
        </Button>
      </form>
    );

  return (
    <div className="space-y-6">
      {notice ? <Alert tone="error">{notice}</Alert> : null}
      {sso.length ? (
        <form action={ssoAction} className="space-y-2">
          {/* Its own name: the password form's callbackUrl is the page's one field of that name. */}
          <input type="hidden" name="ssoCallbackUrl" value={target} />
          {sso.map((p) => (
            <Button key={p.id} type="submit" name="provider" value={p.id} variant="secondary" className="w-full">
              {t("ssoButton", { name: p.name })}
            </Button>
          ))}
        </form>
      ) : null}
      {passwordSignIn ? (
        <PasswordForm action={action} state={state} pending={pending} hidden={hidden} demo={demo} />
      ) : (
        <details className="rounded-md border border-slate-200 p-3" open={!!state.error}>
          <summary className="cursor-pointer text-sm font-medium">{t("breakGlassTitle")}</summary>
          <p className="mt-2 text-sm text-slate-600">{t("breakGlassHelp")}</p>
          <div className="mt-3">
            <PasswordForm action={action} state={state} pending={pending} hidden={hidden} demo={[]} />
          </div>
        </details>
      )}
    </div>
  );
}

function PasswordForm({
  action,
  state,
  pending,
  hidden,
  demo,
}: {
  action: (form: FormData) => void;
  state: LoginState;
  pending: boolean;
  hidden: React.ReactNode;
  demo: { email: string; role: string }[];
}) {
  const t = useTranslations("auth");
  const tr = useTranslations("roles");
  const email = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);
  return (
    <div className="space-y-6">
      <form action={action} className="space-y-4" noValidate>
        {hidden}
        <input type="hidden" name="intent" value="password" />
        {state.error ? <Alert tone="error">{t(state.error)}</Alert> : null}
        <div className="space-y-1">
          <label htmlFor="email" className="block text-sm font-medium">
            {t("email")}
          </label>
          <input ref={email} id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email} className={input} />
        </div>
        <div className="space-y-1">
          <label htmlFor="password" className="block text-sm font-medium">
            {t("password")}
          </label>
          <input ref={password} id="password" name="password" type="password" autoComplete="current-password" required className={input} />
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
