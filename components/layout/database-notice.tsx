"use client";

import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { databaseAnswered, getDatabaseStatus, getServerDatabaseStatus, subscribeDatabaseStatus } from "@/lib/client/database-status";
import { probeDatabase } from "@/lib/client/health";
import { nextProbeDelaySeconds } from "@/lib/client/retry";

/**
 * "The database is unavailable, retrying" (docs/security.md, "Database outages"): asks
 * /api/v1/health again after a visible countdown (Retry-After, then backing off to 30 s) or at once
 * on "Retry now", and calls `onRecovered` as soon as it answers.
 */
export type Recovery = { phase: "waiting" | "checking"; secondsLeft: number; totalSeconds: number; retryNow: () => void };

export function useDatabaseRecovery({ active, firstDelaySeconds, onRecovered }: { active: boolean; firstDelaySeconds?: number; onRecovered: () => void }): Recovery {
  const first = nextProbeDelaySeconds(1, firstDelaySeconds);
  const [cycle, setCycle] = useState({ phase: "waiting" as Recovery["phase"], until: 0, total: first });
  const [now, setNow] = useState(0);
  const recovered = useRef(onRecovered);
  const retryNow = useRef<() => void>(() => {});
  useEffect(() => {
    recovered.current = onRecovered;
  });

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failed = 0;
    let checking = false;
    const wait = (seconds: number) => {
      setCycle({ phase: "waiting", until: Date.now() + seconds * 1000, total: seconds });
      timer = setTimeout(probe, seconds * 1000);
    };
    const probe = async () => {
      if (checking) return;
      checking = true;
      clearTimeout(timer);
      setCycle((c) => ({ ...c, phase: "checking" }));
      const r = await probeDatabase();
      checking = false;
      if (stopped) return;
      if (r.ok) return recovered.current();
      failed += 1;
      wait(nextProbeDelaySeconds(failed + 1, r.retryAfterSeconds));
    };
    retryNow.current = () => void probe();
    timer = setTimeout(() => wait(first), 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
      retryNow.current = () => {};
    };
  }, [active, first]);

  useEffect(() => {
    if (!active || cycle.phase !== "waiting") return;
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [active, cycle.phase]);

  const secondsLeft = cycle.until && now ? Math.max(0, Math.ceil((cycle.until - now) / 1000)) : cycle.total;
  return { phase: cycle.phase, secondsLeft, totalSeconds: cycle.total, retryNow: () => retryNow.current() };
}

/**
 * The notice itself. Its title and explanation are announced once when it appears (`role`: alert for
 * a page that could not be shown, status for the banner); the countdown is text and a progress bar
 * outside that live region, so a screen reader is not interrupted every second.
 */
export function DatabaseUnavailableNotice({ variant, recovery }: { variant: "page" | "banner"; recovery: Recovery }) {
  const t = useTranslations("databaseStatus");
  const titleId = useId();
  const Heading = variant === "page" ? "h1" : "h2";
  return (
    <section
      aria-labelledby={titleId}
      className={
        variant === "page"
          ? "mx-auto max-w-md space-y-3 py-16 text-center"
          : "space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 shadow-lg"
      }
    >
      <div role={variant === "page" ? "alert" : "status"}>
        <Heading id={titleId} className={variant === "page" ? "text-xl font-bold" : "font-semibold"}>
          {t("title")}
        </Heading>
        <p className={variant === "page" ? "mt-3 text-slate-700" : "mt-1"}>{t(variant === "page" ? "pageBody" : "bannerBody")}</p>
      </div>
      <div className={`flex flex-wrap items-center gap-3 ${variant === "page" ? "justify-center" : ""}`}>
        <p className="tabular-nums">{recovery.phase === "checking" ? t("checking") : t("nextAttempt", { seconds: recovery.secondsLeft })}</p>
        <progress
          aria-label={t("progress")}
          max={recovery.totalSeconds}
          value={recovery.phase === "checking" ? recovery.totalSeconds : recovery.totalSeconds - recovery.secondsLeft}
          className="h-2 w-32 accent-amber-600"
        />
        <Button variant="secondary" onClick={recovery.retryNow} disabled={recovery.phase === "checking"}>
          {t("retryNow")}
        </Button>
      </div>
    </section>
  );
}

/**
 * App-wide: shown while the last API answer was a 503 (lib/client/api.ts reports it). When the
 * database answers again, the queries that failed or are waiting to retry are fetched at once. A
 * failed write is not repeated: its form shows the failure and keeps what the user entered.
 */
export function DatabaseStatusBanner() {
  const status = useSyncExternalStore(subscribeDatabaseStatus, getDatabaseStatus, getServerDatabaseStatus);
  const queryClient = useQueryClient();
  const t = useTranslations("databaseStatus");
  const [announcement, setAnnouncement] = useState("");
  const recovery = useDatabaseRecovery({
    active: status.unavailable,
    firstDelaySeconds: status.unavailable ? status.retryAfterSeconds : undefined,
    onRecovered: databaseAnswered,
  });
  // Back, whoever noticed first (the health probe or any API answer): say so, and fetch at once the
  // queries that failed or are waiting for their next retry.
  useEffect(() => {
    let was = getDatabaseStatus().unavailable;
    return subscribeDatabaseStatus(() => {
      const is = getDatabaseStatus().unavailable;
      if (was && !is) {
        setAnnouncement(t("back"));
        void queryClient.refetchQueries({ type: "active", predicate: (q) => q.state.status === "error" || q.state.fetchFailureCount > 0 });
      }
      was = is;
    });
  }, [queryClient, t]);
  useEffect(() => {
    if (!announcement) return;
    const clear = setTimeout(() => setAnnouncement(""), 5000);
    return () => clearTimeout(clear);
  }, [announcement]);

  return (
    <>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {status.unavailable ? (
        <div className="no-print fixed inset-x-3 top-16 z-40 sm:left-auto sm:right-4 sm:w-96">
          <DatabaseUnavailableNotice variant="banner" recovery={recovery} />
        </div>
      ) : null}
    </>
  );
}
