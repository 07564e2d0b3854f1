"use client";

import { startTransition, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { probeDatabase } from "@/lib/client/health";
import { DatabaseUnavailableNotice, useDatabaseRecovery } from "./database-notice";

export type ErrorBoundaryProps = {
  error: Error & { digest?: string };
  reset: () => void;
  /** Next 16.4+: refreshes the server components and resets the boundary. */
  retry?: () => void;
};

/**
 * What an error boundary shows (app/error.tsx, app/(app)/error.tsx). A production build hides the
 * server's error from the browser, so the boundary asks /api/v1/health: when the database does not
 * answer, it shows "the database is unavailable, retrying" and loads the page again by itself once
 * the database is back (docs/security.md, "Database outages"); otherwise the general error with a
 * retry button.
 */
export function PageError({ reset, retry }: ErrorBoundaryProps) {
  const t = useTranslations("common");
  const router = useRouter();
  const [cause, setCause] = useState<{ kind: "checking" } | { kind: "database"; retryAfterSeconds: number | undefined } | { kind: "other" }>({ kind: "checking" });
  const reload = () => {
    if (retry) return retry();
    startTransition(() => {
      router.refresh();
      reset();
    });
  };
  useEffect(() => {
    let alive = true;
    void probeDatabase().then((r) => {
      if (alive) setCause(r.ok ? { kind: "other" } : { kind: "database", retryAfterSeconds: r.retryAfterSeconds });
    });
    return () => {
      alive = false;
    };
  }, []);
  const recovery = useDatabaseRecovery({
    active: cause.kind === "database",
    firstDelaySeconds: cause.kind === "database" ? cause.retryAfterSeconds : undefined,
    onRecovered: reload,
  });

  if (cause.kind === "checking") {
    return (
      <p role="status" className="py-16 text-center text-slate-600">
        {t("loading")}
      </p>
    );
  }
  if (cause.kind === "database") return <DatabaseUnavailableNotice variant="page" recovery={recovery} />;
  return (
    <div role="alert" className="mx-auto max-w-md space-y-3 py-16 text-center">
      <h1 className="text-xl font-bold">{t("errorTitle")}</h1>
      <p className="text-slate-700">{t("errorBody")}</p>
      <Button onClick={reload}>{t("retry")}</Button>
    </div>
  );
}
