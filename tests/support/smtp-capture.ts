import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server (smtp-server) that keeps every message it receives, for the tests that send
 * e-mail (docs/testing.md, "E-mail in tests"). Each message is kept with its envelope and raw text and
 * read back with a MIME parser (mailparser), as a mail client would. No TLS, no authentication asked
 * for: it listens on 127.0.0.1 only.
 *
 * - In the test's own process (integration tests): `startSmtpCapture()` on port 0, `received`,
 *   `waitFor(n)`, `clear()`, `close()`.
 * - Across processes (the browser tests): the Playwright global setup starts one with `file`, and it
 *   appends every message to that file as one JSON line (`CapturedLine`) before it answers the sender;
 *   a spec reads it with `readSmtpCaptureFile(file)`.
 */

/** One message as received: the envelope (MAIL FROM, RCPT TO), the raw message and the message parsed. */
export type CapturedMail = { from: string; rcpt: string[]; raw: string; mail: ParsedMail };

/** A line of the capture file: the envelope and the raw message (UTF-8), in order of arrival. */
export type CapturedLine = { at: string; from: string; rcpt: string[]; raw: string };

export type WaitOptions = {
  /** Only the messages this keeps count (default: all). */
  match?: (m: CapturedMail) => boolean;
  /** What is waited for, for the message on time-out (e.g. "reminders to x@example.com"). */
  what?: string;
  /** Milliseconds (default 10 s). */
  timeout?: number;
};

export type SmtpCapture = {
  port: number;
  /** SMTP_URL for the app: smtp://127.0.0.1:<port>. */
  url: string;
  /** Every message received since the start or the last clear(), in order of arrival. */
  readonly received: CapturedMail[];
  /** Resolves with the matching messages once there are at least `count`; throws, listing what came, after the time-out. */
  waitFor(count: number, options?: WaitOptions): Promise<CapturedMail[]>;
  /** Forgets what was received (and empties the file, when there is one). */
  clear(): void;
  /** Stops listening; start another on the same port to bring "the server" back. */
  close(): Promise<void>;
};

const envelope = (address: false | { address: string }) => (address ? address.address : "");

/** Starts the server on 127.0.0.1 (port 0: any free port). With `file`, the file is emptied now and every message appended to it. */
export async function startSmtpCapture(options: { port?: number; file?: string } = {}): Promise<SmtpCapture> {
  const { file } = options;
  const received: CapturedMail[] = [];
  const errors: Error[] = [];
  if (file) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, "");
  }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // A sender still connected when the test closes the server is cut off after this long.
    closeTimeout: 2_000,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const bytes = Buffer.concat(chunks);
        const raw = bytes.toString("utf8");
        const from = envelope(session.envelope.mailFrom);
        const rcpt = session.envelope.rcptTo.map((r) => r.address);
        simpleParser(bytes).then(
          (mail) => {
            received.push({ from, rcpt, raw, mail });
            // Written before the sender hears "250 OK": once it has, a reader of the file finds the message.
            if (file) appendFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), from, rcpt, raw } satisfies CapturedLine)}\n`);
            done();
          },
          (err: Error) => done(err),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    const failed = (err: Error) => reject(new Error(`SMTP capture: cannot listen on 127.0.0.1:${options.port ?? 0}: ${err.message}`));
    server.once("error", failed);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", failed);
      resolve();
    });
  });
  // A sender that breaks off in the middle of a message: noted (and shown when a wait times out), not thrown.
  server.on("error", (err: Error) => errors.push(err));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitFor: function waitFor(count, waitOptions) {
      return waitForMails(() => received, count, waitOptions, errors, callSite(waitFor));
    },
    clear() {
      received.length = 0;
      errors.length = 0;
      if (file) writeFileSync(file, "");
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The messages of a capture file so far (another process's `startSmtpCapture({ file })`), parsed.
 * A reader keeps what it parsed and parses only the new lines; a line still being written is left for
 * the next read.
 */
export function readSmtpCaptureFile(file: string) {
  let parsed: { line: string; mail: CapturedMail }[] = [];
  const read = async (): Promise<CapturedMail[]> => {
    if (!existsSync(file)) throw new Error(`SMTP capture: no file ${file} (is the capture server running? see docs/testing.md)`);
    const lines = readFileSync(file, "utf8").split("\n").slice(0, -1);
    // Emptied by clear() in the meantime: start again.
    if (lines.length < parsed.length || parsed.some((p, i) => p.line !== lines[i])) parsed = [];
    for (const line of lines.slice(parsed.length)) {
      const { from, rcpt, raw } = JSON.parse(line) as CapturedLine;
      parsed.push({ line, mail: { from, rcpt, raw, mail: await simpleParser(raw) } });
    }
    return parsed.map((p) => p.mail);
  };
  function waitFor(count: number, options?: WaitOptions) {
    return waitForMails(read, count, options, [], callSite(waitFor));
  }
  return { read, waitFor };
}

/** The caller's stack (without `fn`), so that a time-out points at the test's line, not at this file. */
function callSite(fn: (...args: never[]) => unknown): string {
  const site: { stack?: string } = {};
  Error.captureStackTrace(site, fn);
  return (site.stack ?? "").split("\n").slice(1).join("\n");
}

const describeMail = (m: CapturedMail) => `  ${m.rcpt.join(", ")}: ${m.mail.subject ?? "(no subject)"}`;

async function waitForMails(read: () => CapturedMail[] | Promise<CapturedMail[]>, count: number, options: WaitOptions = {}, errors: Error[], stack: string): Promise<CapturedMail[]> {
  const { match = () => true, what = "messages", timeout = 10_000 } = options;
  const deadline = Date.now() + timeout;
  for (;;) {
    const all = await read();
    const found = all.filter(match);
    if (found.length >= count) return found;
    if (Date.now() >= deadline) {
      const others = all.filter((m) => !found.includes(m));
      const lines = [
        `SMTP capture: waited ${timeout} ms for ${count} ${what}; ${found.length} came (${all.length} messages in all).`,
        ...(found.length ? ["Those that came:", ...found.map(describeMail)] : []),
        ...(others.length ? [others.length > 10 ? `The last 10 of ${others.length} others:` : "Others:", ...others.slice(-10).map(describeMail)] : []),
        ...errors.map((e) => `Server error: ${e.message}`),
      ];
      const error = new Error(lines.join("\n"));
      error.stack = `Error: ${error.message}\n${stack}`;
      throw error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
