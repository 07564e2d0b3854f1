import { describe, expect, it } from "vitest";
import { parseOidcProviders, parseSignInPolicy, passwordAllowedFor, roleFromClaims, verifiedEmail } from "./oidc-config";

const entra = {
  PMS_OIDC_PROVIDERS: "entra, okta",
  PMS_OIDC_ENTRA_ISSUER: "https://login.microsoftonline.com/0000/v2.0",
  PMS_OIDC_ENTRA_CLIENT_ID: "id",
  PMS_OIDC_ENTRA_CLIENT_SECRET: "secret",
  PMS_OIDC_ENTRA_NAME: "Microsoft",
  PMS_OIDC_ENTRA_ROLE_CLAIM: "roles",
  PMS_OIDC_ENTRA_ROLES: "PMS.Manager=privacy_manager, PMS.HR=hr",
  PMS_OIDC_ENTRA_TRUST_EMAIL: "true",
  PMS_OIDC_OKTA_ISSUER: "https://example.okta.com/oauth2/default",
  PMS_OIDC_OKTA_CLIENT_ID: "id2",
  PMS_OIDC_OKTA_CLIENT_SECRET: "secret2",
};

describe("OpenID Connect providers from the environment", () => {
  it("reads several providers with their names, role mapping and scope", () => {
    const { providers, errors } = parseOidcProviders(entra);
    expect(errors).toEqual([]);
    expect(providers.map((p) => [p.id, p.name, p.trustEmail, p.scope])).toEqual([
      ["entra", "Microsoft", true, "openid email profile"],
      ["okta", "okta", false, "openid email profile"],
    ]);
    expect(providers[0].roleMap).toEqual([
      { value: "PMS.Manager", role: "privacy_manager" },
      { value: "PMS.HR", role: "hr" },
    ]);
  });

  it("says what is missing or wrong", () => {
    const { errors } = parseOidcProviders({
      PMS_OIDC_PROVIDERS: "Bad_Id,x,x,y",
      PMS_OIDC_X_ISSUER: "http://idp.example.com",
      PMS_OIDC_X_CLIENT_ID: "a",
      PMS_OIDC_X_ROLES: "grp=admin",
      PMS_OIDC_Y_ISSUER: "https://idp.example.com",
      PMS_OIDC_Y_CLIENT_ID: "a",
      PMS_OIDC_Y_CLIENT_SECRET: "b",
      PMS_OIDC_Y_SCOPE: "email",
    });
    expect(errors.join("\n")).toMatch(/"Bad_Id" must be lower-case/);
    expect(errors.join("\n")).toMatch(/"x" is listed twice/);
    expect(errors.join("\n")).toMatch(/PMS_OIDC_X_CLIENT_SECRET is required/);
    expect(errors.join("\n")).toMatch(/PMS_OIDC_X_ISSUER must be an https:\/\/ URL/);
    expect(errors.join("\n")).toMatch(/PMS_OIDC_X_ROLES needs PMS_OIDC_X_ROLE_CLAIM/);
    expect(errors.join("\n")).toMatch(/"grp=admin" must be <claim value>=<role>/);
    expect(errors.join("\n")).toMatch(/PMS_OIDC_Y_SCOPE must include openid/);
  });

  it("maps a claim (string or list) to the first role listed that it holds, else none", () => {
    const [p] = parseOidcProviders(entra).providers;
    expect(roleFromClaims(p, { roles: ["PMS.HR", "PMS.Manager"] })).toBe("privacy_manager");
    expect(roleFromClaims(p, { roles: "PMS.HR" })).toBe("hr");
    expect(roleFromClaims(p, { roles: ["Other"] })).toBeNull();
    expect(roleFromClaims(p, {})).toBeNull();
    expect(roleFromClaims({ roleClaim: null, roleMap: [] }, { roles: "PMS.HR" })).toBeNull();
  });

  it("takes an e-mail only when the provider says it is verified (or is trusted to)", () => {
    expect(verifiedEmail({ trustEmail: false }, { email: "A@B.jp", email_verified: true })).toBe("a@b.jp");
    expect(verifiedEmail({ trustEmail: false }, { email: "a@b.jp", email_verified: false })).toBeNull();
    expect(verifiedEmail({ trustEmail: false }, { email: "a@b.jp" })).toBeNull();
    expect(verifiedEmail({ trustEmail: true }, { email: "a@b.jp" })).toBe("a@b.jp");
    expect(verifiedEmail({ trustEmail: true }, { email: "not an address" })).toBeNull();
  });
});

describe("password sign-in policy", () => {
  it("is on by default; off lets only the break-glass e-mails try", () => {
    expect(parseSignInPolicy({}).policy).toEqual({ passwordSignIn: true, breakGlassEmails: [] });
    const { policy, errors } = parseSignInPolicy({ PMS_PASSWORD_SIGN_IN: "off", PMS_BREAK_GLASS_EMAILS: " Admin@Example.co.jp ,ops@example.co.jp" });
    expect(errors).toEqual([]);
    expect(passwordAllowedFor(policy, "admin@example.co.jp")).toBe(true);
    expect(passwordAllowedFor(policy, "ADMIN@example.co.jp ")).toBe(true);
    expect(passwordAllowedFor(policy, "someone@example.co.jp")).toBe(false);
    expect(parseSignInPolicy({ PMS_PASSWORD_SIGN_IN: "maybe" }).errors).toHaveLength(1);
    expect(parseSignInPolicy({ PMS_BREAK_GLASS_EMAILS: "nope" }).errors).toHaveLength(1);
  });
});
