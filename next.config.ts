import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite ships ~15 MB of WASM and data; bundling it would copy them into the static folder.
  serverExternalPackages: ["@electric-sql/pglite", "bcryptjs", "iconv-lite", "encoding-japanese"],
  poweredByHeader: false,
  // Lets several dev servers (one per engineer) run side by side without sharing a build folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default withNextIntl(nextConfig);
