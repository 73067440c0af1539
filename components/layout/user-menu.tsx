"use client";

import { useState } from "react";

import { buttonClasses } from "@/components/ui/button";

/** The signed-in person and how to sign out, at the end of the header. */
export function UserMenu({
  identity,
  name,
  signOutUrl,
  nextAuth,
}: {
  identity: string;
  name: string | undefined;
  /** Where a trusted proxy signs people out (a plain link), if anywhere. */
  signOutUrl: string | undefined;
  /** True when the dashboard itself signed the person in (next-auth). */
  nextAuth: boolean;
}) {
  const [pending, setPending] = useState(false);
  const shown = name && name !== identity ? name : identity;
  return (
    <div className="flex min-w-0 items-center gap-3 text-sm">
      <p className="min-w-0 truncate text-slate-700" title={identity}>
        <span className="sr-only">Signed in as </span>
        <span className="font-medium text-slate-900" data-testid="signed-in-person">
          {shown}
        </span>
        {shown !== identity && (
          <span className="hidden text-slate-500 sm:inline"> · {identity}</span>
        )}
      </p>
      {nextAuth ? (
        <button
          type="button"
          className={buttonClasses("ghost", "min-h-8 shrink-0 px-2.5 py-1")}
          disabled={pending}
          onClick={() => {
            setPending(true);
            // next-auth's browser client is loaded on this click only, so no page carries it otherwise.
            import("next-auth/react")
              .then(({ signOut }) => signOut({ callbackUrl: "/sign-in?signedOut=1" }))
              .catch(() => setPending(false));
          }}
        >
          {pending ? "Signing out…" : "Sign out"}
        </button>
      ) : (
        signOutUrl && (
          <a href={signOutUrl} className={buttonClasses("ghost", "min-h-8 shrink-0 px-2.5 py-1")}>
            Sign out
          </a>
        )
      )}
    </div>
  );
}
