"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";

export type LoginState = { error?: "invalid" | "rateLimited"; email?: string };

export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "");
  const callbackUrl = String(form.get("callbackUrl") ?? "/");
  try {
    await signIn("credentials", {
      email,
      password: String(form.get("password") ?? ""),
      // Only paths on this site: never an open redirect.
      redirectTo: callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/",
    });
    return {};
  } catch (err) {
    // signIn throws a redirect on success: only Auth.js errors are ours to handle.
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code;
      return { error: code === "rate_limited" ? "rateLimited" : "invalid", email };
    }
    throw err;
  }
}

export async function logoutAction() {
  const { signOut } = await import("@/lib/auth");
  await signOut({ redirectTo: "/login" });
}
