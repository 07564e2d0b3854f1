"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import { formatDateTime } from "@/lib/dates";
import { Button } from "@/components/ui/button";
import { Badge, Card, Skeleton } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { ActionMessage, useAction } from "@/components/ui/form";
import { LoadError } from "@/components/ui/load-error";
import { EnrolmentSecret, RecoveryCodes } from "./totp-enrolment";

type Status = { enrolled: boolean; confirmedAt: string | null; recoveryCodesLeft: number };
const KEY = ["me", "second-factor"] as const;

/** The signed-in user's second factor: status, enrolment (QR, confirming code) and the recovery codes shown once. */
export function SecondFactorPanel() {
  const t = useTranslations("secondFactor");
  const status = useQuery({ queryKey: KEY, queryFn: () => apiFetch<Status>("/api/v1/me/second-factor") });
  const action = useAction({ invalidate: [[...KEY]] });
  const [enrolment, setEnrolment] = useState<{ qrSvg: string; secret: string } | null>(null);
  const [code, setCode] = useState("");
  const [codes, setCodes] = useState<string[] | null>(null);

  let body;
  if (status.isPending) body = <Skeleton className="h-10 w-full" />;
  else if (status.isError) body = <LoadError onRetry={() => status.refetch()} />;
  else if (codes)
    body = (
      <div className="space-y-3">
        <ActionMessage message={{ tone: "success", text: t("done") }} />
        <RecoveryCodes codes={codes} />
      </div>
    );
  else if (status.data.enrolled)
    body = (
      <div className="space-y-2 text-sm">
        <p>
          <Badge tone="green">{t("enrolled", { date: formatDateTime(status.data.confirmedAt!) })}</Badge>
        </p>
        <p>{t("recoveryLeft", { count: status.data.recoveryCodesLeft })}</p>
        <p className="text-slate-600">{t("resetHelp")}</p>
      </div>
    );
  else if (enrolment)
    body = (
      <form
        className="space-y-3"
        onSubmit={async (e) => {
          e.preventDefault();
          await action.run(async () => {
            const r = await apiFetch<{ recoveryCodes: string[] }>("/api/v1/me/second-factor", { method: "POST", json: { code } });
            setCodes(r.recoveryCodes);
            setEnrolment(null);
          });
        }}
      >
        <EnrolmentSecret qrSvg={enrolment.qrSvg} secret={enrolment.secret} />
        <ActionMessage message={action.message} />
        <TextField label={t("codeLabel")} name="code" autoComplete="one-time-code" inputMode="numeric" value={code} onChange={(e) => setCode(e.target.value)} required />
        <Button type="submit" disabled={action.busy || !code.trim()}>
          {t("confirm")}
        </Button>
      </form>
    );
  else
    body = (
      <div className="space-y-3 text-sm">
        <p>
          <Badge tone="amber">{t("notEnrolled")}</Badge>
        </p>
        <ActionMessage message={action.message} />
        <Button
          disabled={action.busy}
          onClick={() =>
            action.run(async () => {
              setEnrolment(await apiFetch<{ qrSvg: string; secret: string }>("/api/v1/me/second-factor", { method: "POST", json: {} }));
              setCode("");
            })
          }
        >
          {t("start")}
        </Button>
      </div>
    );

  return (
    <Card title={t("title")}>
      <p className="mb-3 text-sm text-slate-700">{t("description")}</p>
      {body}
    </Card>
  );
}
