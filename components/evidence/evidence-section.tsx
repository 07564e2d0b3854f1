import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { listEvidence } from "@/db/queries/evidence";
import type { SessionUser } from "@/lib/auth/roles";
import { todayInTokyo } from "@/lib/dates";
import type { EvidenceRecordKind } from "@/lib/evidence/kinds";
import { EvidencePanel } from "./evidence-panel";
import { evidenceKeys } from "./keys";

/**
 * The evidence panel as a record page places it: one line in the page (server component), the list
 * prefetched under the panel's query key so it renders with the page. A failed prefetch leaves the
 * panel to load (and show its error) itself.
 */
export async function EvidenceSection({ user, kind, recordId }: { user: SessionUser; kind: EvidenceRecordKind; recordId: number }) {
  const qc = new QueryClient();
  await qc.prefetchQuery({ queryKey: evidenceKeys.list(kind, recordId), queryFn: () => listEvidence(user, kind, recordId) });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <EvidencePanel kind={kind} recordId={recordId} today={todayInTokyo()} />
    </HydrationBoundary>
  );
}
