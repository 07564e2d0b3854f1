"use client";

import NextLink from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * The app's link: next/link, prefetching the page when the reader shows the intent to open it (the
 * pointer over it, keyboard focus on it, a finger on it) instead of as soon as it is on screen.
 * A dashboard shows some fifty links (the sidebar and every figure's drill-down); prefetching each on
 * sight made every page view some fifty server renders and kept the browser's main thread busy while
 * the page became usable (docs/architecture.md, "Links"). A caller's own `prefetch` wins.
 */
export default function Link({ prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof NextLink>) {
  const [intent, setIntent] = useState(false);
  return (
    <NextLink
      {...props}
      prefetch={prefetch !== undefined ? prefetch : intent ? null : false}
      onMouseEnter={(e) => {
        setIntent(true);
        onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        setIntent(true);
        onFocus?.(e);
      }}
      onTouchStart={(e) => {
        setIntent(true);
        onTouchStart?.(e);
      }}
    />
  );
}
