import { getTranslations } from "next-intl/server";
import { PageSkeleton } from "@/components/ui/card";

// Also the placeholder of /dashboard/score (a loading.tsx covers the segments below it).
export default async function Loading() {
  const t = await getTranslations("common");
  return <PageSkeleton loadingLabel={t("loading")} cards={3} />;
}
