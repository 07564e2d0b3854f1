"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "./card";
import { Button } from "./button";

/**
 * A part of the page whose data did not load: the message ("could not load" unless given) and a retry
 * button that fetches again (a query's `refetch`).
 */
export function LoadError({ onRetry, children }: { onRetry?: () => unknown; children?: ReactNode }) {
  const t = useTranslations("common");
  return (
    <Alert tone="error">
      {children ?? t("error")}{" "}
      {onRetry ? (
        <Button variant="ghost" onClick={() => void onRetry()}>
          {t("retry")}
        </Button>
      ) : null}
    </Alert>
  );
}
