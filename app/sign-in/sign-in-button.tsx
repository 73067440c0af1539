"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

import { Button } from "@/components/ui/button";

/** Starts the OpenID Connect sign-in; the identity provider's page follows. */
export function SignInButton({
  providerName,
  callbackUrl,
}: {
  providerName: string;
  callbackUrl: string;
}) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      className="w-full"
      disabled={pending}
      onClick={() => {
        setPending(true);
        signIn("oidc", { callbackUrl }).catch(() => setPending(false));
      }}
    >
      {pending ? "Opening sign-in…" : `Sign in with ${providerName}`}
    </Button>
  );
}
