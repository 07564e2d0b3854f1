import type { Role } from "@/lib/auth/roles";

/**
 * Who sees requests from individuals and records of provision (docs/domain.md §7 "Who"): they hold the
 * requesters' and the persons' details, so — unlike the other modules — not every role reads them.
 * The privacy manager handles them; the auditor and the executive read them (audit, oversight); HR
 * reads none of them and sees only the counts on the dashboard.
 */
export const REQUEST_READERS: readonly Role[] = ["privacy_manager", "auditor", "executive"];
