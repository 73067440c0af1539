"use client";

import NextLink, { useLinkStatus } from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

type LinkProps = Omit<ComponentProps<typeof NextLink>, "href" | "prefetch"> & {
  /** A path of this dashboard ("/jobs/new?from=…"), or any other URL. */
  href: string;
};

/**
 * The dashboard's internal link: `next/link` with prefetching on intent
 * (pointer over it, keyboard focus, a touch) instead of for every link in
 * view, so a list of a hundred jobs does not fetch a hundred pages on load.
 * While the page it leads to loads, a small spinner beside its text says so
 * (`useLinkStatus`).
 */
export function Link({ href, children, onMouseEnter, onFocus, onTouchStart, ...props }: LinkProps) {
  const router = useRouter();
  const internal = href.startsWith("/") && !href.startsWith("//");
  const prefetch = () => {
    if (internal) router.prefetch(href);
  };
  return (
    <NextLink
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        prefetch();
        onMouseEnter?.(event);
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
      <Pending />
    </NextLink>
  );
}

function Pending() {
  const { pending } = useLinkStatus();
  if (!pending) return null;
  return (
    <span
      aria-hidden
      data-testid="link-pending"
      className="ml-1.5 inline-block size-3 animate-spin rounded-full border-2 border-current border-t-transparent align-[-0.125em] opacity-70"
    />
  );
}
