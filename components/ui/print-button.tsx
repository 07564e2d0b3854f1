"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog (A4 portrait by the page's @page rule; "Save as PDF" for a PDF). */
export function PrintButton({ label }: { label: string }) {
  return <Button onClick={() => window.print()}>{label}</Button>;
}
