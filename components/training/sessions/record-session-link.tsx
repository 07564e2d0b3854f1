import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { sessionOfRecord } from "@/db/queries/training-sessions";
import { formatDate } from "@/lib/dates";
import { sessionName } from "@/lib/training/sessions-schema";

/** On a training record's page: the session it was entered with (bulk entry), where the attendance sheet lies. Nothing for other records. */
export async function RecordSessionLink({ recordId }: { recordId: number }) {
  const session = await sessionOfRecord(recordId);
  if (!session) return null;
  const t = await getTranslations("sessions");
  return (
    <p className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-800">
      {t.rich("recordLink", {
        name: sessionName(session),
        date: formatDate(session.heldOn),
        link: (chunks) => (
          <Link href={`/training/sessions/${session.id}`} className="font-medium text-brand-700 underline underline-offset-2">
            {chunks}
          </Link>
        ),
      })}
    </p>
  );
}
