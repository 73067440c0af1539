"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/** What to say once the next page is shown; set just before navigating. */
let nextPageMessage: string | undefined;

/** Says `message` to screen readers once the next page is shown ("Job started…"). */
export function announceOnNextPage(message: string): void {
  nextPageMessage = message;
}

/**
 * After a client-side navigation to another page, moves focus to the new
 * page's heading (its `<h1>` in `<main>`), as a full page load would put a
 * screen reader at the top, and says what `announceOnNextPage` was given in a
 * live region that outlives the page. The first page load is left alone, and
 * so are changes of the query string (the list's filters).
 */
export function RouteFocus() {
  const pathname = usePathname();
  const shown = useRef(pathname);
  const [message, setMessage] = useState("");
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    const heading = document.querySelector<HTMLElement>("main h1");
    if (heading) {
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
    const said = nextPageMessage ?? "";
    nextPageMessage = undefined;
    // A live region announces a change, not its first text: set it after this render.
    const timer = setTimeout(() => setMessage(said), 50);
    return () => clearTimeout(timer);
  }, [pathname]);
  return (
    <p role="status" className="sr-only" data-testid="page-announcement">
      {message}
    </p>
  );
}
