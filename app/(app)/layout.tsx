import { requirePageUser } from "@/lib/auth/session";
import { AppShell } from "@/components/layout/app-shell";
import { navFor } from "@/components/layout/nav";
import { logoutAction } from "../(auth)/login/actions";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  return (
    <AppShell user={user} nav={navFor(user.role)} signOut={logoutAction}>
      {children}
    </AppShell>
  );
}
