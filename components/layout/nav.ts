import type { Role } from "@/lib/auth/roles";
import { ADMINS, ANY_ROLE, TRAINING_WRITERS } from "@/lib/auth/roles";

/** The modules that exist, and who sees them in the sidebar (the server checks again on every request). */
export type NavItem = { href: string; key: string; roles: readonly Role[] };
export type NavGroup = { key: string; items: NavItem[] };

// In the order of the policy's §5 and §4(2): training, rules and structure, incidents, contractors.
export const NAV: NavGroup[] = [
  {
    key: "overview",
    items: [
      { href: "/dashboard", key: "dashboard", roles: ANY_ROLE },
      { href: "/dashboard/score", key: "complianceScore", roles: ANY_ROLE },
      { href: "/reports/management-review", key: "managementReviewReport", roles: ANY_ROLE },
    ],
  },
  {
    key: "training",
    items: [
      { href: "/training", key: "trainingStatus", roles: ANY_ROLE },
      { href: "/training/records", key: "trainingRecords", roles: ANY_ROLE },
      { href: "/training/employees", key: "employees", roles: ANY_ROLE },
      { href: "/training/departments", key: "departments", roles: ANY_ROLE },
      { href: "/training/courses", key: "courses", roles: ANY_ROLE },
      { href: "/training/import", key: "imports", roles: TRAINING_WRITERS },
    ],
  },
  {
    key: "regulations",
    items: [
      { href: "/regulations", key: "regulationRegister", roles: ANY_ROLE },
      { href: "/regulations/structure", key: "pmsStructure", roles: ANY_ROLE },
    ],
  },
  {
    key: "incidents",
    items: [
      { href: "/incidents", key: "incidentList", roles: ANY_ROLE },
      { href: "/incidents/new", key: "incidentReport", roles: ANY_ROLE },
    ],
  },
  {
    key: "contractors",
    items: [
      { href: "/contractors", key: "contractorRegister", roles: ANY_ROLE },
      { href: "/contractors/templates", key: "contractorTemplates", roles: ANY_ROLE },
    ],
  },
  {
    key: "audits",
    items: [
      { href: "/audits", key: "auditPlan", roles: ANY_ROLE },
      { href: "/audits/findings", key: "auditFindings", roles: ANY_ROLE },
      { href: "/audits/management-reviews", key: "managementReviews", roles: ANY_ROLE },
      { href: "/audits/pmark", key: "pmark", roles: ANY_ROLE },
      { href: "/audits/calendar", key: "auditCalendar", roles: ANY_ROLE },
    ],
  },
  {
    key: "admin",
    items: [
      { href: "/users", key: "users", roles: ADMINS },
      { href: "/settings", key: "settings", roles: ADMINS },
      { href: "/api-docs", key: "apiDocs", roles: ANY_ROLE },
    ],
  },
];

export function navFor(role: Role): NavGroup[] {
  return NAV.map((g) => ({ ...g, items: g.items.filter((i) => i.roles.includes(role)) })).filter((g) => g.items.length);
}
