"use client";

import Script from "next/script";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Alert, Skeleton } from "@/components/ui/card";

type SwaggerUIBundleFn = ((opts: Record<string, unknown>) => unknown) & { presets: { apis: unknown } };

declare global {
  interface Window {
    SwaggerUIBundle?: SwaggerUIBundleFn;
  }
}

const ASSETS = "/api-docs/assets";

/** Mounts Swagger UI (swagger-ui-dist, loaded as a script) on the document at `url`. */
export function SwaggerUI({ url }: { url: string }) {
  const t = useTranslations("apiDocs");
  const host = useRef<HTMLDivElement>(null);
  const mounted = useRef(false);
  const [state, setState] = useState<"loading" | "ready" | "error">("loading");

  const mount = useCallback(() => {
    const SwaggerUIBundle = window.SwaggerUIBundle;
    if (!SwaggerUIBundle || !host.current || mounted.current) return;
    mounted.current = true;
    SwaggerUIBundle({
      url,
      domNode: host.current,
      presets: [SwaggerUIBundle.presets.apis],
      layout: "BaseLayout",
      deepLinking: true,
      docExpansion: "list",
      defaultModelsExpandDepth: 0,
      displayOperationId: true,
      // Same-origin requests carry the session cookie: "Try it out" acts as the signed-in user.
      withCredentials: true,
      onComplete: () => setState("ready"),
    });
  }, [url]);

  // Coming back to the page in the same session: the script is already loaded.
  useEffect(() => {
    mount();
  }, [mount]);

  return (
    <>
      {/* Swagger UI's own stylesheet, served from the installed package (assets/[file]/route.ts). */}
      <link rel="stylesheet" href={`${ASSETS}/swagger-ui.css`} />
      <Script src={`${ASSETS}/swagger-ui-bundle.js`} strategy="afterInteractive" onReady={mount} onError={() => setState("error")} />
      {state === "loading" ? (
        <div role="status" className="space-y-3">
          <span className="sr-only">{t("loading")}</span>
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-40 w-full" />
        </div>
      ) : null}
      {state === "error" ? <Alert tone="error">{t("loadError")}</Alert> : null}
      <div ref={host} className="swagger-host rounded-lg border border-slate-200 bg-white" lang="en" />
    </>
  );
}
