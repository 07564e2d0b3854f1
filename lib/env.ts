import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { z } from "zod";
import { parseOidcProviders, parseSignInPolicy, type OidcProviderConfig, type SignInPolicy } from "./auth/oidc-config";

/**
 * The environment, read and validated once. With nothing set the app runs on the embedded
 * database under .data/ and keeps a generated auth secret there; a production deployment on a
 * real Postgres must say DATABASE_URL, AUTH_SECRET and its public URL (AUTH_URL).
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters (try: openssl rand -base64 32)").optional(),
  AUTH_URL: z.string().url("AUTH_URL must be the public URL of the app, e.g. https://pms.example.co.jp").optional(),
  /** Owner role for migrations on a real Postgres; the runtime DATABASE_URL role then only gets DML (docs/security.md). */
  DATABASE_MIGRATION_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_MIGRATION_URL must be a postgres:// or postgresql:// URL")
    .optional(),
  PMS_DATA_DIR: z.string().optional(),
  PMS_SEED_ON_FIRST_START: z.enum(["true", "false"]).optional(),
  /** Reverse proxies in front of the app whose X-Forwarded-For entries are trusted (0: use the socket address). */
  PMS_TRUSTED_PROXIES: z.coerce.number().int("PMS_TRUSTED_PROXIES must be a whole number").min(0).max(10).default(0),
  /** A session ends this many hours after sign-in, whatever the activity. */
  PMS_SESSION_MAX_HOURS: z.coerce.number().positive("PMS_SESSION_MAX_HOURS must be positive").max(24 * 30).default(12),
  /** A session ends after this many minutes without a request. */
  PMS_SESSION_IDLE_MINUTES: z.coerce.number().positive("PMS_SESSION_IDLE_MINUTES must be positive").max(24 * 60).default(60),
  /** Incident reports one user may file per hour (any role may report). */
  PMS_INCIDENT_REPORTS_PER_HOUR: z.coerce.number().int().positive("PMS_INCIDENT_REPORTS_PER_HOUR must be positive").default(30),
  /** Largest JSON request body, in bytes. */
  PMS_MAX_JSON_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  /** Largest upload, in bytes: the imports (CSV, Excel) and the cap on evidence files' own limit. */
  PMS_MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
});

export type Env = z.infer<typeof schema> & {
  dataDir: string;
  usesEmbeddedDb: boolean;
  /** Single sign-on providers and the password policy (lib/auth/oidc-config.ts). */
  oidcProviders: OidcProviderConfig[];
  signInPolicy: SignInPolicy;
};

let cached: Env | undefined;

export function env(): Env {
  cached ??= readEnv(process.env);
  return cached;
}

/** Reads and validates an environment; throws an Error saying what is wrong or missing. */
export function readEnv(source: Record<string, string | undefined>): Env {
  const raw = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, source[k] === "" ? undefined : source[k]]));
  const parsed = schema.safeParse(raw);
  const oidc = parseOidcProviders(source);
  const policy = parseSignInPolicy(source);
  if (!parsed.success || oidc.errors.length || policy.errors.length) {
    const lines = [...(parsed.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? []), ...oidc.errors, ...policy.errors].map((l) => `  - ${l}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const usesEmbeddedDb = !e.DATABASE_URL;
  // A real Postgres means a real deployment: it must not run on a secret generated on one host.
  if (!usesEmbeddedDb && e.NODE_ENV === "production" && source.NEXT_PHASE !== "phase-production-build") {
    const missing = [!e.AUTH_SECRET && "AUTH_SECRET", !e.AUTH_URL && "AUTH_URL"].filter(Boolean);
    if (missing.length) {
      throw new Error(
        `Missing environment for a production deployment on DATABASE_URL: ${missing.join(", ")}. ` +
          `Set AUTH_SECRET (openssl rand -base64 32) and AUTH_URL (the public URL, e.g. https://pms.example.co.jp).`,
      );
    }
  }
  return {
    ...e,
    dataDir: path.resolve(e.PMS_DATA_DIR ?? path.join(process.cwd(), ".data")),
    usesEmbeddedDb,
    oidcProviders: oidc.providers,
    signInPolicy: policy.policy,
  };
}

/** AUTH_SECRET, or a random one generated on first start and kept under .data/. */
export function authSecret(): string {
  const e = env();
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  const file = path.join(e.dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(e.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
    return secret;
  } catch (err) {
    // Another worker wrote it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw err;
  }
}
