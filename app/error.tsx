"use client";

import { PageError, type ErrorBoundaryProps } from "@/components/layout/page-error";

/**
 * Errors above the (app) boundary — the (app) layout itself, which reads the signed-in user from the
 * database on every request — and in the sign-in pages.
 */
export default function RootError(props: ErrorBoundaryProps) {
  return (
    <main id="main" className="min-h-screen p-4">
      <PageError {...props} />
    </main>
  );
}
