import Link from "next/link";

import { serviceConfig } from "@/lib/config";

/** The navigation, present on every page (error pages included). */
export function SiteHeader() {
  const { isLocalService, endpoint, region } = serviceConfig();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="text-base font-semibold tracking-tight text-slate-900">
          Clean Rooms ML <span className="font-normal text-slate-500">Audiences</span>
        </Link>
        <nav aria-label="Main" className="flex items-center gap-4 text-sm">
          <Link href="/" className="text-slate-700 hover:text-slate-950">
            Jobs
          </Link>
          <Link href="/jobs/new" className="text-slate-700 hover:text-slate-950">
            New job
          </Link>
        </nav>
        <p className="ml-auto text-xs text-slate-500" title={endpoint ?? `AWS ${region}`}>
          {isLocalService ? "Local service" : endpoint ? `Service: ${endpoint}` : `AWS · ${region}`}
        </p>
      </div>
    </header>
  );
}
