import type { Role } from "@/lib/auth/roles";

/** Audits and findings (with their corrective actions) are written by the internal auditor and the privacy manager. */
export const AUDIT_WRITERS: readonly Role[] = ["privacy_manager", "auditor"];
/** The P-mark certificate and management reviews belong to the privacy manager; everyone reads. */
export const PMARK_OWNERS: readonly Role[] = ["privacy_manager"];
