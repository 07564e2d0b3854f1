import type { Role } from "@/lib/auth/roles";

/** The dashboard's sections; each role reads them in the order that fits its work. */
export const DASHBOARD_SECTIONS = ["score", "training", "incidents", "regulations", "register", "requests", "contractors", "audits", "pmark"] as const;
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

const FIRST: Record<Role, readonly DashboardSection[]> = {
  // HR logs training: its own figures first.
  hr: ["training", "score"],
  // The audit lead plans audits and follows findings; the P-mark assessment is theirs too.
  auditor: ["audits", "pmark", "score"],
  // The executive and the privacy manager read the overall state first.
  executive: ["score"],
  privacy_manager: ["score"],
};

/** Every section once: the role's first ones, then the rest in the default order. */
export function sectionOrder(role: Role): DashboardSection[] {
  const first = FIRST[role] ?? ["score"];
  return [...first, ...DASHBOARD_SECTIONS.filter((s) => !first.includes(s))];
}
