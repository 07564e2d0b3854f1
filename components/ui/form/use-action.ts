"use client";

import { useState } from "react";
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { classifyFailure } from "./problem";

export type ActionMessage = { tone: "success" | "error" | "warning"; text: string };

/**
 * One-click writes outside a form (a transition, verify, retire, restore): busy while it runs, a message
 * after it, the page's data refreshed after success and after a conflict. A conflict here has no input to
 * keep, so the behaviour is: say that someone else changed the record and show the latest (refetch).
 * Replaces the hand-written `setBusy / try / finally` flows (docs/architecture.md, "Forms").
 */
export function useAction({ invalidate = [] }: { invalidate?: QueryKey[] } = {}) {
  const t = useTranslations("form");
  const tc = useTranslations("common");
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const refresh = async () => {
    for (const key of invalidate) await qc.invalidateQueries({ queryKey: key });
  };

  /**
   * Runs `fn`; on success shows `success` (when given) and refreshes. Errors become the message, except
   * when `rethrow(err)` says the caller shows it itself (e.g. a field error inside a dialog). Resolves to
   * true when `fn` succeeded.
   */
  const run = async (fn: () => Promise<unknown>, opts: { success?: string; rethrow?: (err: unknown) => boolean } = {}): Promise<boolean> => {
    setBusy(true);
    setMessage(null);
    try {
      await fn();
      if (opts.success) setMessage({ tone: "success", text: opts.success });
      await refresh();
      return true;
    } catch (err) {
      if (opts.rethrow?.(err)) throw err;
      const f = classifyFailure(err);
      if (f.kind === "conflict") {
        setMessage({ tone: "warning", text: `${f.message} ${t("conflict.refreshed")}` });
        await refresh();
      } else if (f.kind === "fields") setMessage({ tone: "error", text: f.unshown[0] ?? f.message });
      else setMessage({ tone: "error", text: f.message ?? tc("errorBody") });
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { busy, message, setMessage, run, refresh };
}
