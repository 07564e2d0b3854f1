import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { userIdentities, users } from "@/db/schema";
import { roleFromClaims, verifiedEmail, type OidcProviderConfig } from "@/lib/auth/oidc-config";
import type { Role } from "@/lib/auth/roles";
import { recordAudit } from "./audit";
import { recordSignInEvent } from "./auth";

/**
 * Who an OpenID Connect sign-in is (docs/security.md, "Single sign-on"):
 * 1. an identity already linked (provider + `sub`) is that user;
 * 2. else a user with the same e-mail — verified by the provider — is linked to it;
 * 3. else a user is created just in time, with the role the provider's claims map to, or without one
 *    (they see "waiting for access" until the privacy manager gives them one).
 * A deactivated user is refused whatever the provider says. A sign-in without a verified e-mail is
 * refused. Every outcome is audited.
 */

export type SsoAccount = { id: number; email: string; name: string; role: Role | null };
export type SsoOutcome = { ok: true; user: SsoAccount; created: boolean; linked: boolean } | { ok: false; reason: "email_unverified" | "deactivated" | "no_subject"; user?: { id: number; email: string } };

function displayName(claims: Record<string, unknown>, email: string): string {
  const name = typeof claims.name === "string" ? claims.name.trim() : "";
  const parts = [claims.family_name, claims.given_name].filter((v): v is string => typeof v === "string" && v.trim() !== "");
  return (name || parts.join(" ") || email).slice(0, 100);
}

export async function signInWithOidc(provider: Pick<OidcProviderConfig, "id" | "roleClaim" | "roleMap" | "trustEmail">, claims: Record<string, unknown>, now = new Date()): Promise<SsoOutcome> {
  const method = `oidc:${provider.id}`;
  const subject = typeof claims.sub === "string" ? claims.sub : "";
  const email = verifiedEmail(provider, claims);
  const db = await getDb();
  if (!subject || !email) {
    const reason = !subject ? "no_subject" : "email_unverified";
    const typed = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : null;
    await recordSignInEvent({ ok: false, email: typed, reason, method });
    return { ok: false, reason };
  }
  const outcome = await db.transaction(async (tx): Promise<SsoOutcome> => {
    const [known] = await tx
      .select({ identityId: userIdentities.id, userId: userIdentities.userId })
      .from(userIdentities)
      .where(and(eq(userIdentities.provider, provider.id), eq(userIdentities.subject, subject)));
    let created = false;
    let linked = false;
    let [user] = known
      ? await tx.select().from(users).where(eq(users.id, known.userId)).for("update")
      : await tx.select().from(users).where(sql`lower(${users.email}) = ${email}`).for("update");
    if (!user) {
      const role = roleFromClaims(provider, claims);
      [user] = await tx.insert(users).values({ email, name: displayName(claims, email), role, passwordHash: null }).returning();
      created = true;
      const { passwordHash: _omit, ...after } = user;
      void _omit;
      await recordAudit(tx, user, { action: "create", entity: "user", entityId: user.id, after: { ...after, source: method, roleFromClaims: role } });
    }
    if (!user.active) return { ok: false, reason: "deactivated", user: { id: user.id, email: user.email } };
    if (known) {
      await tx.update(userIdentities).set({ email, lastSignInAt: now }).where(eq(userIdentities.id, known.identityId));
    } else {
      await tx.insert(userIdentities).values({ userId: user.id, provider: provider.id, subject, email, lastSignInAt: now });
      linked = !created;
      await recordAudit(tx, user, { action: "link", entity: "user_identity", entityId: user.id, after: { provider: provider.id, subject, email } });
    }
    // An account still waiting for a role gets one as soon as the provider's claims map to one.
    if (!user.role && !created) {
      const role = roleFromClaims(provider, claims);
      if (role) {
        [user] = await tx.update(users).set({ role, version: sql`${users.version} + 1`, updatedAt: now }).where(eq(users.id, user.id)).returning();
        await recordAudit(tx, user, { action: "update", entity: "user", entityId: user.id, before: { role: null }, after: { role, source: method } });
      }
    }
    await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
    return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role }, created, linked };
  });
  if (outcome.ok) await recordSignInEvent({ ok: true, user: outcome.user, method });
  else await recordSignInEvent({ ok: false, user: outcome.user ?? null, email, reason: outcome.reason, method });
  return outcome;
}
