import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/card";
import { SwaggerUI } from "./swagger-ui";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiDocs");
  return { title: t("title") };
}

/** The OpenAPI document of /api/v1, rendered by Swagger UI. Every signed-in role may read it. */
export default async function ApiDocsPage() {
  await requirePageUser();
  const t = await getTranslations("apiDocs");
  return (
    <div className="max-w-6xl">
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <a href="/api/v1/openapi.json" className="text-sm text-brand-700 underline" target="_blank" rel="noreferrer">
            {t("rawDocument")}
          </a>
        }
      />
      <ul className="mb-4 list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>{t("rolesNote")}</li>
        <li>{t("errorsNote")}</li>
        <li>{t("tryItNote")}</li>
      </ul>
      <SwaggerUI url="/api/v1/openapi.json" />
    </div>
  );
}
