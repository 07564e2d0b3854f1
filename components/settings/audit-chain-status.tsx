import { DefinitionList } from "@/components/ui/definition-list";
import { getTranslations } from "next-intl/server";
import { Badge, Card, Skeleton } from "@/components/ui/card";
import { verifyAuditChain } from "@/db/queries/audit";
import type { AuditChainReport } from "@/lib/security/audit-chain";

/**
 * The audit trail's hash chain, checked when the page is shown (docs/security.md, "Audit trail"):
 * intact, or the first broken link. For the privacy manager; the same check as npm run audit:verify.
 */
export async function AuditChainStatus() {
  const t = await getTranslations("settings.auditChain");
  let report: AuditChainReport | null = null;
  try {
    report = await verifyAuditChain();
  } catch (err) {
    console.error("[pms] audit chain check failed", err);
  }
  const b = report?.firstBroken;
  const rows: [string, React.ReactNode][] = [
    [
      t("state"),
      !report ? (
        <span className="text-slate-700">{t("failed")}</span>
      ) : report.ok ? (
        <>
          <Badge tone="green">{t("intact")}</Badge>
          <span className="mt-1 block text-xs text-slate-600">{t("intactDetail", { rows: report.rows })}</span>
        </>
      ) : (
        <>
          <Badge tone="red">{t("broken")}</Badge>
          <span className="mt-1 block" role="alert">
            {t("brokenDetail", { seq: String(b!.seq ?? "—"), id: String(b!.id), reason: t(`reason.${b!.reason}`) })}
          </span>
          <span className="mt-1 block text-xs text-slate-600">{t("brokenAdvice")}</span>
        </>
      ),
    ],
  ];
  if (report?.head) {
    rows.push([
      t("head"),
      <>
        {t("headValue", { seq: String(report.head.seq) })}
        <span className="block break-all font-mono text-xs text-slate-600">{report.head.hash}</span>
      </>,
    ]);
  }
  return (
    <Card title={t("title")}>
      <DefinitionList rows={rows} />
      <p className="mt-2 text-xs text-slate-600">{t("command")}</p>
    </Card>
  );
}

/** Same frame while the chain is being checked (it reads every row). */
export function AuditChainStatusSkeleton({ title }: { title: string }) {
  return (
    <Card title={title}>
      <div className="space-y-3 py-2" aria-busy="true">
        <Skeleton className="h-5 w-24" />
        <Skeleton className="h-4 w-2/3" />
        <Skeleton className="h-4 w-1/2" />
      </div>
    </Card>
  );
}
