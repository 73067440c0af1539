import { Link } from "@/components/ui/link";
import { currentViewer, type Viewer } from "@/lib/auth/session";
import { serviceConfig } from "@/lib/config";

import { UserMenu } from "./user-menu";

/** The navigation, present on every page (error pages included), with the signed-in person. */
export async function SiteHeader() {
  const { isLocalService, endpoint, region } = serviceConfig();
  const viewer: Viewer | undefined = await currentViewer().catch(() => undefined);
  // With sign-in on, a visitor who has not signed in sees no links that would only lead back to sign-in.
  const signedIn = viewer !== undefined;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="text-base font-semibold tracking-tight text-slate-900">
          Clean Rooms ML <span className="font-normal text-slate-500">Audiences</span>
        </Link>
        {signedIn && (
          <nav aria-label="Main" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            <Link href="/" className="text-slate-700 hover:text-slate-950">
              Jobs
            </Link>
            <Link href="/jobs/new" className="text-slate-700 hover:text-slate-950">
              New job
            </Link>
            <Link href="/schedules" className="text-slate-700 hover:text-slate-950">
              Schedules
            </Link>
            <Link href="/exports" className="text-slate-700 hover:text-slate-950">
              Exports
            </Link>
            <Link href="/costs" className="text-slate-700 hover:text-slate-950">
              Costs
            </Link>
          </nav>
        )}
        <div className="ml-auto flex min-w-0 items-center gap-4">
          {/* Where the dashboard points is for the people who use it, not for visitors. */}
          {signedIn && (
            <p className="text-xs text-slate-500" title={endpoint ?? `AWS ${region}`}>
              {isLocalService
                ? "Local service"
                : endpoint
                  ? `Service: ${endpoint}`
                  : `AWS · ${region}`}
            </p>
          )}
          {viewer?.user && (
            <UserMenu
              identity={viewer.user.identity}
              name={viewer.user.name}
              nextAuth={viewer.mode === "oidc"}
              signOutUrl={viewer.mode === "proxy" ? viewer.signOutUrl : undefined}
            />
          )}
        </div>
      </div>
    </header>
  );
}
