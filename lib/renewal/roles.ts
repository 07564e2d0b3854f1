import type { Role } from "@/lib/auth/roles";

/**
 * Renewal readiness and the correspondence table (docs/domain.md, "Renewal readiness"): prepared by the
 * privacy manager, read by the executive and the auditor (the renewal is theirs to answer for and to
 * assess); HR has no part in it.
 */
export const RENEWAL_READERS: readonly Role[] = ["privacy_manager", "executive", "auditor"];
/** Only the privacy manager keeps the correspondence table. */
export const CORRESPONDENCE_WRITERS: readonly Role[] = ["privacy_manager"];
