"use client";

import NextLink, { useLinkStatus } from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * The dashboard's internal link: next/link, prefetching on intent (pointer
 * over it, keyboard focus, a touch) instead of for every link in view, so a
 * list of a hundred jobs does not fetch a hundred pages on load. While the
 * page it leads to loads, a small spinner beside its text says so.
 */
export function Link({
  href,
  children,
  onPointerEnter,
  onFocus,
  onTouchStart,
  ...props
}: ComponentProps<typeof NextLink>) {
  const router = useRouter();
  const prefetch = () => {
    if (typeof href === "string" && href.startsWith("/")) router.prefetch(href);
  };
  return (
    <NextLink
      href={href}
      prefetch={false}
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
      <PendingSpinner />
    </NextLink>
  );
}

function PendingSpinner() {
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
