import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import Provider from "oidc-provider";

/**
 * A real OpenID Provider on this machine for the tests (docs/testing.md): panva's oidc-provider
 * (OpenID Certified), with signing keys generated at start, one confidential client for the app,
 * authorization code + PKCE, and its development login form (any login name is an account; the
 * accounts below give it claims). The integration tests drive it with fetch; the browser test signs
 * in through its form.
 */

export type TestAccount = { email: string; email_verified: boolean; name: string; groups?: string[] };

export const TEST_CLIENT = { id: "pms-dashboard", secret: "test-client-secret-that-is-long-enough" };

export type RunningProvider = {
  issuer: string;
  /** The private signing key (RS256), to make tokens the provider would have signed. */
  privateJwk: JWK;
  close: () => Promise<void>;
};

export async function startOidcProvider(opts: { port?: number; redirectUris: string[]; accounts: Record<string, TestAccount> }): Promise<RunningProvider> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid: "test-key", use: "sig", alg: "RS256" };
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: opts.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [privateJwk] },
    async findAccount(_ctx, id) {
      const account = opts.accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    // The claims of the scopes asked for go into the ID token itself (what the app reads).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    cookies: { keys: ["test-cookie-key-test-cookie-key"] },
    features: { devInteractions: { enabled: true } },
  });
  server.on("request", provider.callback());
  return {
    issuer,
    privateJwk,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Signs in at the provider as a browser would, following its redirects and its development login and
 * consent forms; returns the URL it sends the browser back to (the app's callback with code and state).
 * `rewrite` may change the authorization request first (a test uses it to send another nonce).
 */
export async function loginAtProvider(authorizationUrl: string, login: string, rewrite?: (url: URL) => void): Promise<string> {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const start = new URL(authorizationUrl);
  rewrite?.(start);
  let url = start.toString();
  const origin = start.origin;
  for (let hop = 0; hop < 20; hop++) {
    if (!url.startsWith(origin)) return url;
    const res = await fetch(url, { redirect: "manual", headers: { cookie: cookie() } });
    keep(res);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get("location")!, url).toString();
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`the provider answered ${res.status}: ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form on the provider's page: ${html.slice(0, 300)}`);
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    const body = new URLSearchParams(prompt === "login" ? { prompt, login, password: "any" } : { prompt: prompt ?? "consent" });
    const post = await fetch(new URL(action, url), {
      method: "POST",
      redirect: "manual",
      headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    keep(post);
    url = new URL(post.headers.get("location")!, url).toString();
  }
  throw new Error("the provider kept redirecting");
}
