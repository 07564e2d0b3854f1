import { DefinitionList } from "@/components/ui/definition-list";
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
      <DefinitionList rows={rows} />
    </Card>
  );
}
