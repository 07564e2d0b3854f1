import type { Role } from "@/lib/auth/roles";

/** The register, reviews and the PMS structure are written by the privacy manager; everyone reads. */
export const REGULATION_WRITERS: readonly Role[] = ["privacy_manager"];
