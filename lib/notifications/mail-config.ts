import { z } from "zod";

/**
 * The mail settings, from the environment (README, "E-mail notifications"): SMTP_URL
 * (smtp://user:password@host:587, or smtps:// for TLS from the start) and PMS_MAIL_FROM (the
 * sender, e.g. "PMS <pms@example.co.jp>"). Without SMTP_URL the app notifies in the app only, and
 * the notification settings say so.
 */
const schema = z.object({
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, "SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.co.jp:587")
    .optional(),
  PMS_MAIL_FROM: z.string().min(3, "PMS_MAIL_FROM must be the sender address, e.g. PMS <pms@example.co.jp>").optional(),
});

export type MailConfig = { smtpUrl: string; from: string };

/** null: e-mail is off. Throws, saying what is wrong, on a bad value or an SMTP_URL without a sender. */
export function readMailConfig(source: Record<string, string | undefined> = process.env): MailConfig | null {
  const parsed = schema.safeParse({ SMTP_URL: source.SMTP_URL || undefined, PMS_MAIL_FROM: source.PMS_MAIL_FROM || undefined });
  if (!parsed.success) throw new Error(`Invalid mail settings: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const { SMTP_URL, PMS_MAIL_FROM } = parsed.data;
  if (!SMTP_URL) return null;
  if (!PMS_MAIL_FROM) throw new Error("Invalid mail settings: SMTP_URL is set but PMS_MAIL_FROM (the sender address) is not");
  return { smtpUrl: SMTP_URL, from: PMS_MAIL_FROM };
}

/** Whether e-mail is configured (a bad configuration counts as not: the outbox reports the error on each attempt). */
export function mailEnabled(source: Record<string, string | undefined> = process.env): boolean {
  try {
    return readMailConfig(source) !== null;
  } catch {
    return false;
  }
}
