import { redirect } from "next/navigation";

// Home is the dashboard; it orders its cards for the signed-in role.
export default function Home() {
  redirect("/dashboard");
}
