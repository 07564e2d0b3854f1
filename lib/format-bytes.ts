/** Byte counts as people read them; pure, so the browser and the server say the same (lib/security/body.ts, the evidence list). */

const MIB = 1024 * 1024;

/** "20 MB", "512 KB", "300 bytes": the limit as a user reads it (binary units, as the import pages write them). */
export function formatBytes(n: number): string {
  const round = (x: number) => String(Math.round(x * 10) / 10);
  if (n >= MIB) return `${round(n / MIB)} MB`;
  if (n >= 1024) return `${round(n / 1024)} KB`;
  return `${n} bytes`;
}
