import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { API_CONTENT_SECURITY_POLICY, BASE_SECURITY_HEADERS, EVIDENCE_CONTENT_SECURITY_POLICY } from "./lib/security/headers";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite ships ~15 MB of WASM and data; bundling it would copy them into the static folder.
  // drizzle-orm: one copy for the whole server — bundled, each layer (start-up, route handlers) had its
  // own, and Drizzle's instanceof checks failed across them (docs/architecture.md §5, "One Drizzle").
  serverExternalPackages: ["@electric-sql/pglite", "bcryptjs", "iconv-lite", "encoding-japanese", "drizzle-orm"],
  poweredByHeader: false,
  // Lets several dev servers (one per engineer) run side by side without sharing a build folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Security headers (docs/security.md, "Headers") for what the proxy does not see: /api/v1 answers
  // and static files. Pages and /api/auth get theirs, with a per-request CSP nonce, from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: [...BASE_SECURITY_HEADERS] },
      {
        // Data, never a document. A header set here wins over a route handler's own (Next.js keeps
        // the first value set), so Cache-Control is not set here but by the handlers themselves
        // (lib/api/handler.ts, lib/security/headers.ts apiCacheControl): no-store always, no-transform
        // too on an answer too small to gzip. A route that needs another Cache-Control is named below.
        source: "/api/v1/:path*",
        headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }],
      },
      {
        // The imports stream their progress: no-transform keeps `next start` from gzipping the answer,
        // which would hold the progress lines back until the end.
        source: "/api/v1/:resource/import",
        headers: [{ key: "Cache-Control", value: "no-store, no-transform" }],
      },
      {
        // A stored evidence file (docs/security.md, "Evidence files"): its own sandboxing policy, and
        // framed by the app's own preview only. Listed last: of two rules setting a header, the later wins.
        source: "/api/v1/evidence/files/:versionId/content",
        headers: [
          { key: "Content-Security-Policy", value: EVIDENCE_CONTENT_SECURITY_POLICY },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
          { key: "Cache-Control", value: "private, no-store" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
