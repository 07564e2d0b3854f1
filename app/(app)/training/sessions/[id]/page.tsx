import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EvidenceSection } from "@/components/evidence/evidence-section";
import { SessionDetail } from "@/components/training/sessions/session-detail";
import { getTrainingSession } from "@/db/queries/training-sessions";
import { TRAINING_WRITERS } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { sessionIdParams, sessionName } from "@/lib/training/sessions-schema";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const parsed = sessionIdParams.safeParse(await params);
  const detail = parsed.success ? await getTrainingSession(parsed.data.id) : null;
  return { title: detail ? sessionName(detail.session) : (await getTranslations("sessions"))("title") };
}

export default async function TrainingSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const parsed = sessionIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  const detail = await getTrainingSession(parsed.data.id);
  if (!detail) notFound();
  return (
    <div className="space-y-6">
      <SessionDetail id={parsed.data.id} initial={detail} canEdit={TRAINING_WRITERS.includes(user.role)} />
      {/* The attendance sheet and the material handed out: the session's own evidence. */}
      <EvidenceSection user={user} kind="training_session" recordId={parsed.data.id} />
    </div>
  );
}
