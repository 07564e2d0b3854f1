/** Message key (import.encodings.*) of an encoding as the API names it. */
export function encodingKey(encoding: string): "shift_jis" | "utf8" | "utf8bom" {
  if (encoding === "shift_jis") return "shift_jis";
  if (encoding === "utf-8-bom") return "utf8bom";
  return "utf8";
}

/** Query key of the recent-imports list (shared by the page's prefetch and the client list). */
export const importHistoryKey = ["training-imports", "history"] as const;
