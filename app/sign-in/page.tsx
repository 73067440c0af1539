import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { Alert } from "@/components/ui/alert";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { authConfig } from "@/lib/auth/config";
import { currentViewer } from "@/lib/auth/session";

import { SignInButton } from "./sign-in-button";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** next-auth's error codes, in words a marketer can act on. */
function errorMessage(code: string): { title: string; body: string } {
  if (code === "AccessDenied") {
    return {
      title: "That account may not use this dashboard",
      body: "You signed in, but your email domain or groups are not on the dashboard's list. Ask whoever runs the dashboard to add them, or sign in with your work account.",
    };
  }
  if (code === "SessionRequired") {
    return { title: "Please sign in", body: "Your session ended. Sign in again to continue." };
  }
  return {
    title: "Sign-in did not complete",
    body: "The identity provider did not confirm who you are. Try again; if it keeps failing, tell whoever runs the dashboard.",
  };
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  // Only a page of this dashboard: never send someone elsewhere after sign-in.
  const callbackUrl = safeCallbackPath(one(params.callbackUrl));
  const config = authConfig();
  if (config.mode === "none") redirect(callbackUrl);
  if (await currentViewer()) redirect(callbackUrl);

  const error = one(params.error);
  const signedOut = one(params.signedOut) !== undefined;
  return (
    <section aria-labelledby="sign-in-title" className="mx-auto max-w-md py-6 sm:py-12">
      <div className="rounded-lg border border-slate-200 bg-white px-5 py-6 shadow-xs sm:px-8 sm:py-8">
        <h1 id="sign-in-title" className="text-2xl font-semibold tracking-tight text-slate-900">
          Sign in
        </h1>
        <p className="mt-2 text-sm text-slate-600">
          This dashboard starts, exports and deletes audiences with your team&apos;s AWS account, so
          it needs to know who you are.
        </p>
        <div className="mt-5 space-y-3">
          {error && (
            <Alert tone="danger" role="alert" title={errorMessage(error).title}>
              {errorMessage(error).body}
            </Alert>
          )}
          {signedOut && !error && (
            <Alert tone="success" role="status" title="You are signed out">
              Sign in again whenever you need the dashboard.
            </Alert>
          )}
        </div>
        <div className="mt-6">
          {config.mode === "oidc" ? (
            <SignInButton providerName={config.providerName} callbackUrl={callbackUrl} />
          ) : (
            <p className="text-sm text-slate-700">
              Sign-in is handled by your organisation&apos;s sign-in page in front of the dashboard.
              Open the dashboard&apos;s usual address to sign in.
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
