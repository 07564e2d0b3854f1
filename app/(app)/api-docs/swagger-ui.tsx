"use client";

import Script from "next/script";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Alert, Skeleton } from "@/components/ui/card";
import { inlineRefs, inlineSubtree } from "@/lib/api-docs/inline-refs";
import { watchSwaggerDom } from "./swagger-a11y";
import "./swagger-theme.css";

type SwaggerUIBundleFn = ((opts: Record<string, unknown>) => unknown) & { presets: { apis: unknown } };

declare global {
  interface Window {
    SwaggerUIBundle?: SwaggerUIBundleFn;
  }
}

const ASSETS = "/api-docs/assets";

type Doc = Parameters<typeof inlineRefs>[0];

/**
 * Swagger UI plugins (its plugin API: https://swagger.io/docs/open-source-tools/swagger-ui/customization/plugin-api/):
 * - references resolved by a direct walk instead of ApiDOM (lib/api-docs/inline-refs.ts: seconds → milliseconds);
 * - no "Servers" picker: the document has one server, this one, and the picker is an unlabelled
 *   select (axe "select-name").
 */
const PLUGINS = [
  () => ({
    fn: {
      resolve: async ({ spec }: { spec: Doc }) => ({ spec: inlineRefs(spec), errors: [] }),
      resolveSubtree: async (spec: Doc, path: string[]) => ({ spec: inlineSubtree(spec, path), errors: [] }),
    },
  }),
  () => ({ components: { ServersContainer: () => null } }),
];

/**
 * Mounts Swagger UI (swagger-ui-dist, loaded as a script) on the document at `url`. The document is
 * fetched while the script loads, and handed over as an object (Swagger UI would otherwise fetch it
 * only once its script has run, and parse it as YAML).
 */
export function SwaggerUI({ url }: { url: string }) {
  const t = useTranslations("apiDocs");
  const host = useRef<HTMLDivElement>(null);
  const mounted = useRef(false);
  const [doc, setDoc] = useState<Doc | null>(null);
  const [scriptReady, setScriptReady] = useState(false);
  const [state, setState] = useState<"loading" | "ready" | "error">("loading");

  useEffect(() => {
    let live = true;
    fetch(url, { credentials: "same-origin", headers: { accept: "application/json" } })
      .then((res) => (res.ok ? (res.json() as Promise<Doc>) : Promise.reject(new Error(String(res.status)))))
      .then((d) => live && setDoc(d))
      .catch(() => live && setState("error"));
    return () => {
      live = false;
    };
  }, [url]);

  const mount = useCallback(() => {
    const SwaggerUIBundle = window.SwaggerUIBundle;
    if (!SwaggerUIBundle || !doc || !host.current || mounted.current) return;
    mounted.current = true;
    SwaggerUIBundle({
      spec: doc,
      domNode: host.current,
      presets: [SwaggerUIBundle.presets.apis],
      plugins: PLUGINS,
      layout: "BaseLayout",
      // Deep links put a link inside each operation's toggle button (axe "nested-interactive").
      deepLinking: false,
      // Tags closed: a user opens the ones they need. Swagger UI 5 stops rendering when it is asked
      // for all of this document's 200+ operations at once (only the first few ever appear).
      docExpansion: "none",
      defaultModelsExpandDepth: 0,
      displayOperationId: true,
      // Plain white-on-dark code blocks: the highlighter's colours fall below 4.5:1 on its background.
      syntaxHighlight: { activated: false },
      // Same-origin requests carry the session cookie: "Try it out" acts as the signed-in user.
      withCredentials: true,
      onComplete: () => setState("ready"),
    });
  }, [doc]);

  // The script loaded (now, or earlier in the session) and the document arrived, in either order.
  useEffect(() => {
    if (scriptReady || window.SwaggerUIBundle) mount();
  }, [scriptReady, mount]);

  useEffect(() => {
    if (!host.current) return;
    const observer = watchSwaggerDom(host.current);
    return () => observer.disconnect();
  }, []);

  return (
    <>
      {/* Swagger UI's own stylesheet, served from the installed package (assets/[file]/route.ts). */}
      <link rel="stylesheet" href={`${ASSETS}/swagger-ui.css`} />
      <Script src={`${ASSETS}/swagger-ui-bundle.js`} strategy="afterInteractive" onReady={() => setScriptReady(true)} onError={() => setState("error")} />
      {state === "loading" ? (
        <div role="status" className="space-y-3">
          <span className="sr-only">{t("loading")}</span>
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-40 w-full" />
        </div>
      ) : null}
      {state === "error" ? <Alert tone="error">{t("loadError")}</Alert> : null}
      {/* Swagger UI's own labels ("Parameters", "Try it out") and the document are in English. */}
      <div ref={host} className="swagger-host rounded-lg border border-slate-200 bg-white" lang="en" />
    </>
  );
}
