import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { requirePageUser } from "@/lib/auth/session";
import { TRAINING_WRITERS } from "@/lib/auth/roles";
import { listRecentImports } from "@/db/queries/training-import";
import { PageHeader } from "@/components/ui/card";
import { TrainingImport } from "@/components/training/import/training-import";
import { ImportHistory } from "@/components/training/import/import-history";
import { importHistoryKey } from "@/components/training/import/labels";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("import");
  return { title: t("title") };
}

export default async function TrainingImportPage() {
  await requirePageUser(TRAINING_WRITERS);
  const t = await getTranslations("import");
  const history = await listRecentImports(20);
  const qc = new QueryClient();
  qc.setQueryData(importHistoryKey, { items: history });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        {/* First-timers see the format opened; once imports exist it stays folded. */}
        <TrainingImport guideOpen={history.length === 0} />
        <ImportHistory />
      </div>
    </HydrationBoundary>
  );
}
