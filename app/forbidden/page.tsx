import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";

export default async function ForbiddenPage() {
  const t = await getTranslations("auth");
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="max-w-md space-y-3 text-center">
        <h1 className="text-xl font-bold">{t("forbiddenTitle")}</h1>
        <p className="text-slate-700">{t("forbiddenBody")}</p>
        <ButtonLink href="/">{t("backHome")}</ButtonLink>
      </div>
    </main>
  );
}
