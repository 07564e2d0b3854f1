"use client";

import { useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Dialog } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";

export type TemporaryPassword = { email: string; password: string; reason: "created" | "reset" };

/** Shows a temporary password exactly once; closing the dialog forgets it. */
export function TemporaryPasswordDialog({ value, onClose }: { value: TemporaryPassword | null; onClose: () => void }) {
  const t = useTranslations("users");
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  async function copyPassword() {
    if (!value) return;
    try {
      await navigator.clipboard.writeText(value.password);
      setCopy("copied");
    } catch {
      // No clipboard permission (or not a secure context): select the text so the user can copy it.
      input.current?.select();
      setCopy(document.execCommand?.("copy") ? "copied" : "failed");
    }
  }

  function close() {
    setCopy("idle");
    onClose();
  }

  return (
    <Dialog open={!!value} onClose={close} title={t("tempTitle")}>
      {value ? (
        <div className="space-y-4 text-sm">
          <p className="text-slate-800">{value.reason === "created" ? t("tempCreated", { email: value.email }) : t("tempReset", { email: value.email })}</p>
          <div className="space-y-1">
            <label htmlFor={`${id}-pw`} className="block font-medium text-slate-800">
              {t("tempLabel")}
            </label>
            <div className="flex gap-2">
              <input
                ref={input}
                id={`${id}-pw`}
                readOnly
                value={value.password}
                aria-describedby={`${id}-once`}
                onFocus={(e) => e.currentTarget.select()}
                className="block w-full min-w-0 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-base tracking-wider"
                data-testid="temporary-password"
              />
              <Button variant="secondary" className="shrink-0 whitespace-nowrap" onClick={copyPassword}>
                {t("copy")}
              </Button>
            </div>
            <p role="status" className="min-h-4 text-xs text-green-800">
              {copy === "copied" ? t("copied") : ""}
            </p>
            {copy === "failed" ? <Alert tone="error">{t("copyFailed")}</Alert> : null}
          </div>
          <div id={`${id}-once`}>
            <Alert tone="warning">{t("tempOnce")}</Alert>
          </div>
          <div className="flex justify-end">
            <Button onClick={close}>{t("tempDone")}</Button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
