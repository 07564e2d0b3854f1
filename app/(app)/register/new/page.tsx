import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ItemForm } from "@/components/register/item-form";
import { requirePageUser } from "@/lib/auth/session";
import { REGISTER_WRITERS } from "@/lib/register/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("register"))("newItem") };
}

export default async function NewRegisterItemPage() {
  await requirePageUser(REGISTER_WRITERS);
  return <ItemForm />;
}
