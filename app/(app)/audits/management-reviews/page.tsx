import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ManagementReviewList } from "@/components/audits/management-reviews";
import { PMARK_OWNERS } from "@/lib/audits/roles";
import { requirePageUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("managementReviews"))("title") };
}

export default async function ManagementReviewsPage() {
  const user = await requirePageUser();
  return <ManagementReviewList canEdit={PMARK_OWNERS.includes(user.role)} />;
}
