import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Tests read arbitrary JSON answers.
    files: ["tests/**/*.ts", "e2e/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // One link for the app (components/ui/link.tsx: prefetch on intent, not on sight).
    files: ["app/**/*.tsx", "components/**/*.tsx", "lib/**/*.tsx"],
    ignores: ["components/ui/link.tsx"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Use @/components/ui/link (prefetches on intent; docs/architecture.md, \"Links\")." }] }],
    },
  },
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", ".data/**", "drizzle/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "public/**"],
  },
];
export default config;
