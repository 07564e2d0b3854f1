import "server-only";
import { dashboardLinks as links } from "@/lib/dashboard/links";
import { failingDeliveries } from "../notification-outbox";

// Notifications (docs/domain.md, "Notifications"): e-mails and webhook calls that gave up or wait for
// another attempt after a failed one — the outbox's own rule, counted by the outbox.

export async function notificationsCard() {
  return { failing: await failingDeliveries(), href: links.notificationsFailing() };
}
