"use client";

/** The problem+json the API answers with, as a throwable error for forms and queries. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly fieldErrors: Record<string, string>,
  ) {
    super(detail ?? title);
  }
}

export async function apiFetch<T>(url: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  const { json, ...rest } = init ?? {};
  const res = await fetch(url, {
    ...rest,
    headers: { ...(json !== undefined ? { "content-type": "application/json" } : {}), accept: "application/json", ...rest.headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  if (res.status === 401 && typeof window !== "undefined") {
    window.location.href = "/login";
  }
  if (!res.ok) {
    let body: { title?: string; detail?: string; errors?: { field: string; message: string }[] } = {};
    try {
      body = await res.json();
    } catch {
      /* not JSON */
    }
    const fields: Record<string, string> = {};
    for (const e of body.errors ?? []) fields[e.field] ??= e.message;
    throw new ApiProblem(res.status, body.title ?? res.statusText, body.detail, fields);
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Query string from a filter object: empty values dropped, arrays repeated. */
export function toQueryString(params: Record<string, string | number | boolean | null | undefined | (string | number)[]>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v)) v.forEach((x) => sp.append(k, String(x)));
    else sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
}
