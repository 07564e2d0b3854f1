import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/ui/card";

export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <div role="status" className="space-y-4">
      <span className="sr-only">{t("loading")}</span>
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-40 w-full" />
      <Skeleton className="h-64 w-full" />
    </div>
  );
}
