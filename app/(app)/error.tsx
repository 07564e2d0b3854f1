"use client";

import { PageError, type ErrorBoundaryProps } from "@/components/layout/page-error";

/** A page of the signed-in app failed: "database unavailable, retrying" or the general error. */
export default function AppError(props: ErrorBoundaryProps) {
  return <PageError {...props} />;
}
