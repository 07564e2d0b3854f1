import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(__dirname),
  // `server-only` throws outside React Server Components; in tests it means nothing.
  "server-only": path.resolve(__dirname, "tests/support/empty.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "messages/**/*.test.ts", "db/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/support/setup-integration.ts"],
          // next-auth imports "next/server" without an extension, which Node's ESM loader cannot resolve:
          // let Vite load it (tests/integration/sessions.test.ts signs in through Auth.js's handlers).
          server: { deps: { inline: ["next-auth"] } },
          // One database per file; files run one after another so a real Postgres is not shared concurrently.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
