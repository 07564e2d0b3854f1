"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

/** Remembered in a cookie for a year; the server renders in that language from the next request on. */
function rememberLocale(locale: string) {
  document.cookie = `NEXT_LOCALE=${locale}; path=/; max-age=31536000; samesite=lax`;
}

export function LanguageSwitch() {
  const locale = useLocale();
  const t = useTranslations("header");
  const router = useRouter();
  const [pending, start] = useTransition();
  const choose = (next: string) => {
    rememberLocale(next);
    start(() => router.refresh());
  };
  return (
    <div role="group" aria-label={t("language")} className="inline-flex shrink-0 overflow-hidden rounded-md border border-slate-300 text-sm" aria-busy={pending || undefined}>
      {[
        ["ja", "日本語"],
        ["en", "English"],
      ].map(([code, label]) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={locale === code}
          onClick={() => choose(code)}
          className={`whitespace-nowrap px-2 py-1 ${locale === code ? "bg-brand-600 text-white" : "bg-white text-slate-700 hover:bg-slate-100"}`}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
