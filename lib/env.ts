import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { z } from "zod";

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
  PMS_DATA_DIR: z.string().optional(),
  PMS_SEED_ON_FIRST_START: z.enum(["true", "false"]).optional(),
});

export type Env = z.infer<typeof schema> & { dataDir: string; usesEmbeddedDb: boolean };

let cached: Env | undefined;

export function env(): Env {
  cached ??= readEnv(process.env);
  return cached;
}

/** Reads and validates an environment; throws an Error saying what is wrong or missing. */
export function readEnv(source: Record<string, string | undefined>): Env {
  const raw = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, source[k] === "" ? undefined : source[k]]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
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
  return { ...e, dataDir: path.resolve(e.PMS_DATA_DIR ?? path.join(process.cwd(), ".data")), usesEmbeddedDb };
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
