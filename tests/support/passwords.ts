import bcrypt from "bcryptjs";

/**
 * The password hash of a user a test makes: bcrypt, as the app hashes (lib/auth/password.ts), at its
 * lowest cost, so that each check of it takes about 2 ms instead of about 170. For tests of the sign-in
 * rules and sessions, which check a password many times but are not about the hash's cost; the app's
 * own hashes are checked where they are made (tests/integration/seed-large.test.ts signs the seeded
 * accounts in with verifyPassword). docs/testing.md.
 */
export function testPasswordHash(plain: string): Promise<string> {
  return bcrypt.hash(plain, 4);
}
