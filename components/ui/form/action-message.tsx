"use client";

import { Alert } from "@/components/ui/card";
import type { ActionMessage as Message } from "./use-action";

/** The message of the last action (useAction), announced to screen readers by the Alert's role. */
export function ActionMessage({ message }: { message: Message | null }) {
  if (!message) return null;
  return <Alert tone={message.tone}>{message.text}</Alert>;
}
