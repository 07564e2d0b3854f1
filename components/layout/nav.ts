import type { Role } from "@/lib/auth/roles";
import { ADMINS, ANY_ROLE, TRAINING_WRITERS } from "@/lib/auth/roles";
import { REQUEST_READERS } from "@/lib/requests/roles";
import { RENEWAL_READERS } from "@/lib/renewal/roles";

/** The modules that exist, and who sees them in the sidebar (the server checks again on every request). */
export type NavItem = { href: string; key: string; roles: readonly Role[] };
export type NavGroup = { key: string; items: NavItem[] };

// In the order of the policy's §5 and §4(2): training, rules and structure, incidents, contractors.
/** A group of links: [href, message key] for everyone, or [href, message key, roles] when fewer may see it. */
function group(key: string, items: [href: string, key: string, roles?: readonly Role[]][]): NavGroup {
  return { key, items: items.map(([href, k, roles = ANY_ROLE]) => ({ href, key: k, roles })) };
}

export const NAV: NavGroup[] = [
  group("overview", [
    ["/dashboard", "dashboard"],
    ["/dashboard/score", "complianceScore"],
    ["/reports/management-review", "managementReviewReport"],
  ]),
  group("training", [
    ["/training", "trainingStatus"],
    ["/training/records", "trainingRecords"],
    ["/training/sessions", "trainingSessions"],
    ["/training/employees", "employees"],
    ["/training/departments", "departments"],
    ["/training/courses", "courses"],
    ["/training/import", "imports", TRAINING_WRITERS],
  ]),
  group("regulations", [
    ["/regulations", "regulationRegister"],
    ["/regulations/structure", "pmsStructure"],
  ]),
  group("personalInfo", [
    ["/register", "personalInfoRegister"],
    ["/register/purposes", "purposesOfUse"],
    ["/register/risks", "registerRisks"],
  ]),
  group("incidents", [
    ["/incidents", "incidentList"],
    ["/incidents/new", "incidentReport"],
  ]),
  group("contractors", [
    ["/contractors", "contractorRegister"],
    ["/contractors/templates", "contractorTemplates"],
  ]),
  group("requests", [
    ["/requests", "requestList", REQUEST_READERS],
    ["/provisions", "provisionList", REQUEST_READERS],
  ]),
  group("audits", [
    ["/audits", "auditPlan"],
    ["/audits/findings", "auditFindings"],
    ["/audits/management-reviews", "managementReviews"],
    ["/audits/pmark", "pmark"],
    ["/renewal", "renewalReadiness", RENEWAL_READERS],
    ["/audits/calendar", "auditCalendar"],
  ]),
  group("admin", [
    ["/users", "users", ADMINS],
    ["/settings", "settings", ADMINS],
    ["/notifications/deliveries", "notificationDeliveries", ADMINS],
    ["/api-docs", "apiDocs"],
  ]),
];

export function navFor(role: Role): NavGroup[] {
  return NAV.map((g) => ({ ...g, items: g.items.filter((i) => i.roles.includes(role)) })).filter((g) => g.items.length);
}
