"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { DatabaseStatusBanner } from "@/components/layout/database-notice";
import { queryRetryDelay, shouldRetryQuery } from "@/lib/client/retry";

export function Providers({ children }: { children: React.ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // A 503 (database unavailable) is retried with backoff; a write never is (lib/client/retry.ts).
          queries: { staleTime: 30_000, retry: shouldRetryQuery, retryDelay: queryRetryDelay },
          mutations: { retry: false },
        },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      {children}
      <DatabaseStatusBanner />
    </QueryClientProvider>
  );
}
