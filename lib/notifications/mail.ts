import type { Locale } from "@/lib/i18n/config";
import type { NotificationStage } from "./enums";

/**
 * The e-mail of a notification, or of a day's digest (docs/domain.md, "Notifications"): plain text and
 * HTML in the recipient's language, a link back to each record, and nothing beyond what the recipient
 * sees in the app's own list (the deadline's summary, its day and stage). Pure: the outbox
 * (db/queries/notification-outbox.ts) translates and sends.
 */

export type MailItem = { summary: string; dueOn: string; stage: NotificationStage; href: string; escalated: boolean };
export type Translate = (key: string, values?: Record<string, string | number>) => string;
export type Mail = { subject: string; text: string; html: string };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** yyyy/MM/dd, the app's date format. */
function day(d: string): string {
  return d.replaceAll("-", "/");
}

function line(item: MailItem, t: Translate): string {
  return t(`notifications.mail.stage.${item.stage}`, { summary: item.summary, date: day(item.dueOn) });
}

function link(origin: string, href: string): string {
  return new URL(href, origin).toString();
}

function page(lines: { text: string; url: string; escalated: boolean }[], intro: string, footer: string, t: Translate): { text: string; html: string } {
  const text = [intro, "", ...lines.flatMap((l) => [(l.escalated ? `[${t("notifications.escalated")}] ` : "") + l.text, l.url, ""]), footer].join("\n");
  const items = lines
    .map((l) => `<li style="margin-bottom:12px">${l.escalated ? `<strong>[${escapeHtml(t("notifications.escalated"))}]</strong> ` : ""}<a href="${escapeHtml(l.url)}">${escapeHtml(l.text)}</a></li>`)
    .join("");
  const html = `<!doctype html><html><body style="font-family:sans-serif;color:#1e293b"><p>${escapeHtml(intro)}</p><ul>${items}</ul><p style="color:#475569;font-size:12px">${escapeHtml(footer)}</p></body></html>`;
  return { text, html };
}

/** One notification, sent at once. */
export function notificationMail(item: MailItem, origin: string, t: Translate): Mail {
  const text = line(item, t);
  const body = page([{ text, url: link(origin, item.href), escalated: item.escalated }], t("notifications.mail.intro"), t("notifications.mail.footer", { url: link(origin, "/notifications/preferences") }), t);
  return { subject: t("notifications.mail.subject", { text }), ...body };
}

/** The day's notifications of a user who chose the digest, in one mail. */
export function digestMail(items: MailItem[], dateOfDigest: string, origin: string, t: Translate): Mail {
  const lines = items.map((i) => ({ text: line(i, t), url: link(origin, i.href), escalated: i.escalated }));
  const body = page(lines, t("notifications.mail.digestIntro", { count: items.length }), t("notifications.mail.footer", { url: link(origin, "/notifications/preferences") }), t);
  return { subject: t("notifications.mail.digestSubject", { date: day(dateOfDigest), count: items.length }), ...body };
}

export type { Locale };
