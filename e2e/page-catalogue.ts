import type { APIRequestContext } from "@playwright/test";
import { NAV } from "../components/layout/nav";
import { ADMINS, ANY_ROLE, TRAINING_WRITERS, type Role } from "../lib/auth/roles";
import { CONTRACTOR_WRITERS } from "../lib/contractors/schema";
import { REGISTER_WRITERS } from "../lib/register/schema";
import { PACK_READERS } from "../lib/renewal/pack";
import { RENEWAL_READERS } from "../lib/renewal/roles";
import { REQUEST_READERS } from "../lib/requests/roles";

/**
 * Every page of the app, for the specs that visit them all (layout.spec.ts, a11y.spec.ts), with the
 * roles that may open it (the page's requirePageUser): the sidebar's pages (nav.ts), the pages the
 * sidebar does not list, and the pages of a record, opened on the first record a list API answers.
 * page-catalogue.spec.ts checks that every app/**\/page.tsx is here or in EXCLUDED, so a new page
 * cannot be forgotten.
 */
export type CataloguePage = { route: string; roles: readonly Role[] };
/** Pages of one record: `[id]` in each route becomes the id of the first item `list` answers (that `pick` accepts). */
export type RecordPages = { list: string; pick?: (item: Record<string, unknown>) => boolean; pages: CataloguePage[] };

const page = (route: string, roles: readonly Role[] = ANY_ROLE): CataloguePage => ({ route, roles });

export const SIDEBAR_PAGES: CataloguePage[] = NAV.flatMap((g) => g.items.map((i) => page(i.href, i.roles)));

/** Pages reached from a page's buttons and links rather than from the sidebar. */
export const OTHER_PAGES: CataloguePage[] = [
  page("/account/security"),
  page("/notifications"),
  page("/notifications/preferences"),
  page("/training/status"),
  page("/training/records/session", TRAINING_WRITERS),
  page("/training/employees/import", TRAINING_WRITERS),
  page("/register/new", REGISTER_WRITERS),
  page("/register/import", REGISTER_WRITERS),
  page("/register/risks/list"),
  page("/contractors/new", CONTRACTOR_WRITERS),
  page("/contractors/import", CONTRACTOR_WRITERS),
  page("/requests/new", ADMINS),
  page("/provisions/new", ADMINS),
  page("/provisions/joint-uses", REQUEST_READERS),
  page("/renewal/correspondence", RENEWAL_READERS),
  page("/renewal/pack", PACK_READERS),
];

export const RECORD_PAGES: RecordPages[] = [
  {
    list: "/api/v1/incidents",
    pages: [page("/incidents/[id]"), page("/incidents/[id]/report"), page("/incidents/[id]/notice"), page("/incidents/[id]/statement")],
  },
  { list: "/api/v1/regulations", pages: [page("/regulations/[id]")] },
  { list: "/api/v1/register/items", pages: [page("/register/[id]"), page("/register/[id]/edit", REGISTER_WRITERS)] },
  { list: "/api/v1/audits", pages: [page("/audits/[id]")] },
  { list: "/api/v1/management-reviews", pages: [page("/audits/management-reviews/[id]")] },
  {
    list: "/api/v1/contractors",
    pages: [page("/contractors/[id]"), page("/contractors/[id]/edit", CONTRACTOR_WRITERS), page("/contractors/[id]/assess", CONTRACTOR_WRITERS)],
  },
  { list: "/api/v1/requests", pages: [page("/requests/[id]", REQUEST_READERS)] },
  // The answer letter exists once a request is answered, until its details are disposed of.
  { list: "/api/v1/requests?stage=answered&pageSize=50", pick: (r) => !r.disposedOn, pages: [page("/requests/[id]/letter", REQUEST_READERS)] },
  { list: "/api/v1/provision-records", pages: [page("/provisions/[id]", REQUEST_READERS)] },
  { list: "/api/v1/employees", pages: [page("/training/employees/[id]")] },
  { list: "/api/v1/courses", pages: [page("/training/courses/[id]")] },
  { list: "/api/v1/training-records", pages: [page("/training/records/[id]")] },
  { list: "/api/v1/training-sessions", pages: [page("/training/sessions/[id]")] },
];

/** Pages no spec here visits, and why (page-catalogue.spec.ts keeps this list honest). */
export const EXCLUDED: Record<string, string> = {
  // The (app) root only redirects to /dashboard.
  "/": "redirects to /dashboard",
  // The layout spec checks the login page on its own (signed out); the a11y spec too.
  "/login": "checked signed out by each spec's own /login test",
  "/forbidden": "shown only when a role opens a page it may not; needs no data, reached by redirect",
  "/waiting-for-access": "needs a signed-in account without a role (single sign-on, sso.spec.ts)",
  "/request": "the public intake page, off by default (settings: requests.publicIntake)",
};

/** Every route the catalogue visits, as app/ spells it (`[id]` kept). */
export function cataloguedRoutes(): string[] {
  return [...SIDEBAR_PAGES, ...OTHER_PAGES, ...RECORD_PAGES.flatMap((r) => r.pages)].map((p) => p.route);
}

/**
 * The pages `role` may open, as hrefs: the sidebar's, the others, then each record's (from the first
 * item of its list; a list the role may not read (403) leaves its pages out).
 */
export async function pagesFor(request: APIRequestContext, role: Role): Promise<string[]> {
  const records = await Promise.all(
    RECORD_PAGES.map(async ({ list, pick, pages }) => {
      const mine = pages.filter((p) => p.roles.includes(role));
      if (!mine.length) return [];
      const res = await request.get(list.includes("pageSize=") ? list : `${list}${list.includes("?") ? "&" : "?"}pageSize=1`);
      if (res.status() === 403) return [];
      if (!res.ok()) throw new Error(`${list}: ${res.status()}`);
      const body = (await res.json()) as { items: Record<string, unknown>[] };
      const item = body.items.find((i) => !pick || pick(i));
      if (!item) throw new Error(`${list} has no record for ${mine.map((p) => p.route).join(", ")}`);
      return mine.map((p) => p.route.replace("[id]", String(item.id)));
    }),
  );
  const statics = [...SIDEBAR_PAGES, ...OTHER_PAGES].filter((p) => p.roles.includes(role)).map((p) => p.route);
  return [...statics, ...records.flat()];
}
