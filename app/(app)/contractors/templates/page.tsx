import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TemplateEditor } from "@/components/contractors/template-editor";
import { listTemplates } from "@/db/queries/assessments";
import { requirePageUser } from "@/lib/auth/session";
import { CONTRACTOR_WRITERS } from "@/lib/contractors/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("assessments.templates"))("title") };
}

export default async function TemplatesPage() {
  const user = await requirePageUser();
  const templates = await listTemplates({ all: true });
  return <TemplateEditor initial={templates} canEdit={(CONTRACTOR_WRITERS as readonly string[]).includes(user.role)} />;
}
