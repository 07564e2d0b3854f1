import { redirect } from "next/navigation";

// The executive dashboard comes with its own issue; until then the training overview is home.
export default function Home() {
  redirect("/training");
}
