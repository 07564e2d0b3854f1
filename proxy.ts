import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

// Only redirects the unsigned to /login; every page and route handler checks the user and role itself.
export const { auth: proxyAuth } = NextAuth(authConfig);
export const proxy = proxyAuth;

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt|swagger-ui/).*)"],
};
