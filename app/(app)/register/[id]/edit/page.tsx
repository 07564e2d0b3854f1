import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ItemForm } from "@/components/register/item-form";
import { getItem } from "@/db/queries/register";
import { requirePageUser } from "@/lib/auth/session";
import { REGISTER_WRITERS, itemIdParams } from "@/lib/register/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("register"))("editItem") };
}

export default async function EditRegisterItemPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser(REGISTER_WRITERS);
  const parsed = itemIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  const item = await getItem(parsed.data.id);
  if (!item || item.retiredAt) notFound();
  return <ItemForm item={item} />;
}
