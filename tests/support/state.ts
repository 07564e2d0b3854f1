import type { SessionUser } from "@/lib/auth/roles";

export const testState: { user: SessionUser | null } = { user: null };
