import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";

/** Read-only facts an administrator needs when asking for help: which database, which version. */
export async function SystemInfo({ dbKind, version }: { dbKind: "pglite" | "postgres"; version: string }) {
  const t = await getTranslations("settings.system");
  const rows: [string, React.ReactNode][] = [
    [
      t("database"),
      dbKind === "pglite" ? (
        <>
          {t("pglite")}
          <span className="block text-xs text-slate-600">{t("pgliteNote")}</span>
        </>
      ) : (
        t("postgres")
      ),
    ],
    [t("version"), <span key="v" className="font-mono">{version}</span>],
    [t("timeZone"), t("timeZoneValue")],
  ];
  return (
    <Card title={t("title")}>
      <dl className="divide-y divide-slate-100 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="grid gap-1 py-2 sm:grid-cols-3 sm:gap-4">
            <dt className="font-medium text-slate-700">{k}</dt>
            <dd className="text-slate-900 sm:col-span-2">{v}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
