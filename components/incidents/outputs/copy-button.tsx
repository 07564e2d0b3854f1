"use client";

import { useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Puts text on the clipboard: the Clipboard API, else (an insecure origin) a selected hidden textarea. */
async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, not focused): try the selection below.
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/**
 * A copy button labelled with what it copies ("Copy 原因"); the result is announced in a polite live
 * region ("Copied: 原因", or how to copy by hand when the browser refuses) and shown on the button.
 */
export function CopyButton({ text, field, label, variant = "secondary" }: { text: string; field: string; label?: string; variant?: "primary" | "secondary" }) {
  const t = useTranslations("incidents.outputs");
  const locale = useLocale();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);
  const copy = async () => {
    const ok = await writeClipboard(text);
    setState(ok ? "copied" : "failed");
    if (timer.current) clearTimeout(timer.current);
    if (ok) timer.current = setTimeout(() => setState("idle"), 4000);
  };
  return (
    <span className="no-print inline-flex shrink-0 flex-col items-end gap-1" lang={locale}>
      <Button type="button" variant={variant} onClick={() => void copy()} disabled={!text} aria-label={label ? undefined : t("copyLabel", { field })}>
        {state === "copied" ? t("copiedShort") : (label ?? t("copy"))}
      </Button>
      <span role="status" aria-live="polite" className={state === "failed" ? "max-w-56 text-right text-xs text-red-700" : "sr-only"}>
        {state === "copied" ? t("copied", { field }) : state === "failed" ? t("copyFailed") : ""}
      </span>
    </span>
  );
}
