import { ROLES, type Role } from "./roles";

/**
 * OpenID Connect providers and the password policy, from the environment (README, "Single sign-on";
 * docs/security.md). Pure: lib/env.ts validates them at start (a mistake stops the start), and the
 * Auth.js configuration builds one provider per entry.
 *
 *   PMS_OIDC_PROVIDERS=entra,okta                 ids, lower case (used in the redirect URL)
 *   PMS_OIDC_<ID>_ISSUER=https://…                the issuer URL (discovery at /.well-known/openid-configuration)
 *   PMS_OIDC_<ID>_CLIENT_ID=…  PMS_OIDC_<ID>_CLIENT_SECRET=…
 *   PMS_OIDC_<ID>_NAME=Microsoft Entra ID         the button's label (default: the id)
 *   PMS_OIDC_<ID>_ROLE_CLAIM=groups               a claim holding a string or a list of strings
 *   PMS_OIDC_<ID>_ROLES=pms-managers=privacy_manager,pms-hr=hr
 *                                                 claim value → role; several matches: the first listed wins
 *   PMS_OIDC_<ID>_SCOPE=openid email profile groups   scopes asked for (default: openid email profile)
 *   PMS_OIDC_<ID>_TRUST_EMAIL=true                the provider sends no email_verified claim but only
 *                                                 addresses its administrators assign (Entra ID)
 *   PMS_PASSWORD_SIGN_IN=off                      password sign-in off …
 *   PMS_BREAK_GLASS_EMAILS=admin@example.co.jp    … except for these privacy managers
 */

export type OidcProviderConfig = {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  roleClaim: string | null;
  /** In order: the first entry whose value the claim holds gives the role. */
  roleMap: { value: string; role: Role }[];
  /** Treat the `email` claim as verified without an `email_verified` claim (README: Entra ID). */
  trustEmail: boolean;
  scope: string;
};

export type SignInPolicy = { passwordSignIn: boolean; breakGlassEmails: string[] };

const ID = /^[a-z][a-z0-9-]{0,30}$/;

function envKey(id: string, field: string) {
  return `PMS_OIDC_${id.toUpperCase().replace(/-/g, "_")}_${field}`;
}

/** The providers the environment names, or the list of what is wrong with it. */
export function parseOidcProviders(source: Record<string, string | undefined>): { providers: OidcProviderConfig[]; errors: string[] } {
  const errors: string[] = [];
  const ids = (source.PMS_OIDC_PROVIDERS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const providers: OidcProviderConfig[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (!ID.test(id) || id === "credentials") {
      errors.push(`PMS_OIDC_PROVIDERS: "${id}" must be lower-case letters, digits and dashes, starting with a letter (and not "credentials")`);
      continue;
    }
    if (seen.has(id)) {
      errors.push(`PMS_OIDC_PROVIDERS: "${id}" is listed twice`);
      continue;
    }
    seen.add(id);
    const get = (field: string) => {
      const v = source[envKey(id, field)]?.trim();
      return v ? v : undefined;
    };
    const issuer = get("ISSUER");
    const clientId = get("CLIENT_ID");
    const clientSecret = get("CLIENT_SECRET");
    for (const [field, value] of [["ISSUER", issuer], ["CLIENT_ID", clientId], ["CLIENT_SECRET", clientSecret]] as const) {
      if (!value) errors.push(`${envKey(id, field)} is required for the provider "${id}"`);
    }
    if (issuer) {
      let url: URL | null = null;
      try {
        url = new URL(issuer);
      } catch {
        url = null;
      }
      if (!url || (url.protocol !== "https:" && !(url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)))) {
        errors.push(`${envKey(id, "ISSUER")} must be an https:// URL (http:// only for localhost)`);
      }
    }
    const roleClaim = get("ROLE_CLAIM") ?? null;
    const roleMap: OidcProviderConfig["roleMap"] = [];
    const rolesRaw = get("ROLES");
    if (rolesRaw && !roleClaim) errors.push(`${envKey(id, "ROLES")} needs ${envKey(id, "ROLE_CLAIM")} (the claim to read)`);
    for (const pair of (rolesRaw ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
      const at = pair.lastIndexOf("=");
      const value = at > 0 ? pair.slice(0, at).trim() : "";
      const role = at > 0 ? pair.slice(at + 1).trim() : "";
      if (!value || !(ROLES as readonly string[]).includes(role)) {
        errors.push(`${envKey(id, "ROLES")}: "${pair}" must be <claim value>=<role>, the role one of ${ROLES.join(", ")}`);
        continue;
      }
      roleMap.push({ value, role: role as Role });
    }
    const scope = get("SCOPE") ?? "openid email profile";
    if (!scope.split(/\s+/).includes("openid")) errors.push(`${envKey(id, "SCOPE")} must include openid`);
    const trust = (get("TRUST_EMAIL") ?? "false").toLowerCase();
    if (trust !== "true" && trust !== "false") errors.push(`${envKey(id, "TRUST_EMAIL")} must be "true" or "false"`);
    if (issuer && clientId && clientSecret) {
      providers.push({ id, name: get("NAME") ?? id, issuer, clientId, clientSecret, roleClaim, roleMap, trustEmail: trust === "true", scope });
    }
  }
  return { providers, errors };
}

export function parseSignInPolicy(source: Record<string, string | undefined>): { policy: SignInPolicy; errors: string[] } {
  const errors: string[] = [];
  const raw = (source.PMS_PASSWORD_SIGN_IN ?? "on").trim().toLowerCase();
  if (raw !== "on" && raw !== "off") errors.push(`PMS_PASSWORD_SIGN_IN must be "on" or "off"`);
  const breakGlassEmails = (source.PMS_BREAK_GLASS_EMAILS ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const e of breakGlassEmails) if (!/^[^\s@]+@[^\s@]+$/.test(e)) errors.push(`PMS_BREAK_GLASS_EMAILS: "${e}" is not an e-mail address`);
  return { policy: { passwordSignIn: raw !== "off", breakGlassEmails }, errors };
}

/** Whether a password sign-in may be tried for this e-mail (the role is checked once the account is known). */
export function passwordAllowedFor(policy: SignInPolicy, email: string): boolean {
  return policy.passwordSignIn || policy.breakGlassEmails.includes(email.trim().toLowerCase());
}

/** The role a provider's claims map to, or null (the account then waits for the privacy manager). */
export function roleFromClaims(provider: Pick<OidcProviderConfig, "roleClaim" | "roleMap">, claims: Record<string, unknown>): Role | null {
  if (!provider.roleClaim) return null;
  const raw = claims[provider.roleClaim];
  const values = Array.isArray(raw) ? raw.filter((v): v is string => typeof v === "string") : typeof raw === "string" ? [raw] : [];
  return provider.roleMap.find((m) => values.includes(m.value))?.role ?? null;
}

/** Whether the claims carry an e-mail address the provider vouches for. */
export function verifiedEmail(provider: Pick<OidcProviderConfig, "trustEmail">, claims: Record<string, unknown>): string | null {
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 200) return null;
  const verified = claims.email_verified === true || claims.email_verified === "true";
  return verified || provider.trustEmail ? email : null;
}
