import { E2E_SMTP } from "../playwright.config";
import { startSmtpCapture } from "../tests/support/smtp-capture";

/**
 * Before the first spec (after the web server has started): the run's one SMTP server, on E2E_SMTP_PORT
 * where the e2e server sends its mail (playwright.config.ts, MAIL_ENV). Every message it receives is
 * appended to E2E_SMTP.file; the specs, in other processes, find the file's path in
 * E2E_SMTP_CAPTURE_FILE and read it with readSmtpCaptureFile() (docs/testing.md, "E-mail in tests").
 * The function returned stops the server after the last spec.
 */
export default async function globalSetup() {
  const smtp = await startSmtpCapture({ port: E2E_SMTP.port, file: E2E_SMTP.file }).catch((err: Error) => {
    throw new Error(`${err.message} (another e2e run on this machine? set E2E_SMTP_PORT to a free port)`);
  });
  process.env.E2E_SMTP_CAPTURE_FILE = E2E_SMTP.file;
  return () => smtp.close();
}
