/**
 * A request answered 401: the session has ended (signed out elsewhere, revoked, expired). A full page
 * load of the login page (so no client state of the old session survives), with the page the user was on
 * as the place to return to; the login page accepts only same-site paths there (docs/security.md,
 * "Redirects"). The URL is absolute so no client-side router is involved.
 */
export function loginUrlFor(current: { origin: string; pathname: string; search: string }): string {
  const url = new URL("/login", current.origin);
  const back = `${current.pathname}${current.search}`;
  if (back !== "/" && !current.pathname.startsWith("/login")) url.searchParams.set("callbackUrl", back);
  return url.href;
}

export function toLoginAfterSessionEnded(): void {
  if (typeof window === "undefined") return;
  window.location.assign(loginUrlFor(window.location));
}
