/**
 * Incident workflow (docs/domain.md §3): reported → investigating → contained → resolved → closed.
 * A transition goes forward exactly one step. Closing needs every corrective action done and is the
 * privacy manager's approval. Pure; the queries enforce it inside the transaction.
 */

export const INCIDENT_STATUSES = ["reported", "investigating", "contained", "resolved", "closed"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const OPEN_STATUSES: readonly IncidentStatus[] = ["reported", "investigating", "contained", "resolved"];

export function nextStatus(from: IncidentStatus): IncidentStatus | null {
  const i = INCIDENT_STATUSES.indexOf(from);
  return i >= 0 && i < INCIDENT_STATUSES.length - 1 ? INCIDENT_STATUSES[i + 1] : null;
}

export type TransitionProblem = "closedAlready" | "notNextStep" | "openCorrectiveActions";

/** Why `from → to` is refused, or null when it is allowed. */
export function transitionProblem(from: IncidentStatus, to: IncidentStatus, openCorrectiveActions: number): TransitionProblem | null {
  if (from === "closed") return "closedAlready";
  if (nextStatus(from) !== to) return "notNextStep";
  if (to === "closed" && openCorrectiveActions > 0) return "openCorrectiveActions";
  return null;
}

/** Everything but closed is open. */
export function isOpen(status: IncidentStatus): boolean {
  return status !== "closed";
}
