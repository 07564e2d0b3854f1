import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RegisterImport } from "@/components/register/register-import";
import { requirePageUser } from "@/lib/auth/session";
import { REGISTER_WRITERS } from "@/lib/register/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("register"))("importTitle") };
}

export default async function RegisterImportPage() {
  await requirePageUser(REGISTER_WRITERS);
  return <RegisterImport />;
}
