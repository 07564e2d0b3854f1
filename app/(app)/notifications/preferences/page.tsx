import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { getPreferences } from "@/db/queries/notifications";
import { requirePageUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("preferences.title") };
}

export default async function NotificationPreferencesPage() {
  const user = await requirePageUser();
  const locale = (await getLocale()) === "en" ? "en" : "ja";
  return <PreferencesForm initial={await getPreferences(user, locale)} role={user.role} />;
}
