"use client";

import { useRouter } from "next/navigation";
import { useTransition, type AnchorHTMLAttributes, type MouseEvent } from "react";

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & {
  /** A path of this dashboard ("/jobs/new?from=…"); any other URL is a plain link. */
  href: string;
  /** Replace the current history entry instead of adding one. */
  replace?: boolean;
  /** Scroll to the top of the new page (the default), or keep the position. */
  scroll?: boolean;
};

/** A click the browser should handle itself: a new tab or window, a download, another target. */
function leavesToBrowser(event: MouseEvent<HTMLAnchorElement>): boolean {
  const { target } = event.currentTarget;
  return (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey ||
    (target !== "" && target !== "_self") ||
    event.currentTarget.hasAttribute("download")
  );
}

/**
 * The dashboard's internal link: an `<a>` that navigates in the app
 * (`router.push`), prefetching on intent (pointer over it, keyboard focus, a
 * touch) instead of for every link in view, so a list of a hundred jobs does
 * not fetch a hundred pages on load. While the page it leads to loads, a small
 * spinner beside its text says so (the navigation runs in a transition).
 *
 * Not next/link: with its viewport prefetching off, what it adds is this
 * click handling, for 3 KiB compressed on every page (README, "Page weight").
 */
export function Link({
  href,
  replace = false,
  scroll = true,
  children,
  onClick,
  onPointerEnter,
  onFocus,
  onTouchStart,
  ...props
}: LinkProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const internal = href.startsWith("/") && !href.startsWith("//");
  const prefetch = () => {
    if (internal) router.prefetch(href);
  };
  return (
    <a
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (!internal || leavesToBrowser(event)) return;
        event.preventDefault();
        startTransition(() => {
          if (replace) router.replace(href, { scroll });
          else router.push(href, { scroll });
        });
      }}
      onPointerEnter={(event) => {
        prefetch();
        onPointerEnter?.(event);
      }}
      onFocus={(event) => {
        prefetch();
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        prefetch();
        onTouchStart?.(event);
      }}
      {...props}
    >
      {children}
      {pending && (
        <span
          aria-hidden
          data-testid="link-pending"
          className="ml-1.5 inline-block size-3 animate-spin rounded-full border-2 border-current border-t-transparent align-[-0.125em] opacity-70"
        />
      )}
    </a>
  );
}
