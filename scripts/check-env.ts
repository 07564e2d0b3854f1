/**
 * `npm start` runs this first (the `prestart` script): a production start with a missing or invalid
 * setting stops here with the message and a non-zero exit, before the server listens. The same check
 * runs again inside the server (instrumentation.ts) for starts that bypass npm. See docs/security.md.
 */
import { readEnv } from "../lib/env";

try {
  // `next start` always runs in production mode, whatever the shell says.
  readEnv({ ...process.env, NODE_ENV: "production" });
} catch (err) {
  console.error(`[pms] cannot start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
