import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/card";
import { registeredOperations } from "@/lib/api/contracts";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { referenceOf, type OpenApiDoc, type Reference } from "@/lib/api-docs/reference";
import { Overview, SharedSchemas, TagOperations, roleNamer } from "./reference-view";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiDocs");
  return { title: t("title") };
}

/** The same document /api/v1/openapi.json serves, read once per process. */
let cached: Reference | undefined;
function reference(): Reference {
  cached ??= referenceOf(buildOpenApiDocument(registeredOperations()) as OpenApiDoc);
  return cached;
}

/**
 * The API reference: the OpenAPI document of /api/v1 drawn on the server (lib/api-docs/reference.ts)
 * — an overview of every operation by tag, and one tag's operations in full (`?tag=`). Every
 * signed-in role may read it.
 */
export default async function ApiDocsPage({ searchParams }: { searchParams: Promise<{ tag?: string | string[] }> }) {
  await requirePageUser();
  const t = await getTranslations("apiDocs");
  const ref = reference();
  const sp = await searchParams;
  const wanted = Array.isArray(sp.tag) ? sp.tag[0] : sp.tag;
  const current = wanted ? ref.tags.find((x) => x.name === wanted) : undefined;
  const roleName = await roleNamer();
  return (
    <div className="max-w-6xl">
      <PageHeader
        title={t("title")}
        description={t("intro", { count: ref.operationCount })}
        actions={
          <a href="/api/v1/openapi.json" className="text-sm text-brand-700 underline" target="_blank" rel="noreferrer">
            {t("rawDocument")}
          </a>
        }
      />
      <ul className="mb-4 list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>{t("rolesNote")}</li>
        <li>{t("errorsNote")}</li>
        <li>{t("callNote")}</li>
        <li>{t("languageNote")}</li>
      </ul>
      <div className="flex flex-col gap-6 lg:flex-row lg:items-start">
        <nav aria-label={t("tagsNav")} className="shrink-0 rounded-lg border border-slate-200 bg-white p-3 lg:sticky lg:top-4 lg:w-56">
          <ul className="space-y-0.5 text-sm">
            <li>
              <Link href="/api-docs" aria-current={current ? undefined : "page"} className={`block rounded px-2 py-1 ${current ? "text-brand-700 underline" : "bg-brand-50 font-semibold text-brand-800"}`}>
                {t("overview")}
              </Link>
            </li>
            {ref.tags.map((tag) => {
              const here = tag.name === current?.name;
              return (
                <li key={tag.name}>
                  <Link
                    href={`/api-docs?tag=${encodeURIComponent(tag.name)}`}
                    aria-current={here ? "page" : undefined}
                    className={`flex justify-between gap-2 rounded px-2 py-1 ${here ? "bg-brand-50 font-semibold text-brand-800" : "text-brand-700 underline"}`}
                  >
                    <span className="break-all">{tag.name}</span>
                    <span className="text-slate-700">{tag.operations.length}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="min-w-0 flex-1">
          {wanted && !current ? (
            <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("unknownTag", { tag: wanted })}
            </p>
          ) : null}
          {current ? <TagOperations tag={current} roleName={roleName} /> : <Overview tags={ref.tags} />}
          <SharedSchemas schemas={ref.schemas} />
        </div>
      </div>
    </div>
  );
}
