import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("common");
  const ta = await getTranslations("auth");
  return (
    <main className="flex min-h-[60vh] items-center justify-center p-4">
      <div className="max-w-md space-y-3 text-center">
        <h1 className="text-xl font-bold">{t("notFoundTitle")}</h1>
        <p className="text-slate-700">{t("notFoundBody")}</p>
        <ButtonLink href="/">{ta("backHome")}</ButtonLink>
      </div>
    </main>
  );
}
