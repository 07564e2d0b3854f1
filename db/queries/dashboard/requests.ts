import "server-only";
import { dashboardLinks } from "@/lib/dashboard/links";
import type { DashboardSummaryDto } from "@/lib/dashboard/schema";
import { countDisposableProvisions } from "../provisions";
import { listOpenRequests, listRequestsForExport } from "../requests";

/**
 * Requests from individuals and provision records on the dashboard (docs/domain.md §7): the open
 * requests with the nearest due date, the late ones (open past the due date, or answered late), and
 * the provision records past their retention. Requests are few: their clock is judged by
 * lib/requests/clock.ts on every open request (listOpenRequests), the same code the list uses, so the
 * drill-down shows the same count (tests/integration/dashboard-drilldowns.test.ts).
 */
export async function requestsCard(today: string): Promise<DashboardSummaryDto["requests"]> {
  const [open, disposable, late] = await Promise.all([
    listOpenRequests(today),
    countDisposableProvisions(today),
    listRequestsForExport({ late: "true", sort: "receivedOn", dir: "desc" }, today),
  ]);
  const next = open[0];
  return {
    open: open.length,
    openHref: dashboardLinks.requests({ stage: "open" }),
    late: late.length,
    lateHref: dashboardLinks.requests({ late: true }),
    nextDue: next ? { reference: next.reference, dueOn: next.dueOn, daysLeft: next.daysLeft ?? 0, href: dashboardLinks.request(next.id) } : null,
    provisionsDisposable: disposable,
    provisionsDisposableHref: dashboardLinks.provisions({ retention: "disposable" }),
  };
}
