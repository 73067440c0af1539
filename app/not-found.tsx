import type { Metadata } from "next";

import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

/** A wrong link says so, and leads back to the list (never a quiet redirect). */
export default function NotFound() {
  return (
    <section aria-labelledby="not-found-title" className="mx-auto max-w-xl py-10 text-center">
      <p className="text-sm font-medium text-slate-500">404</p>
      <h1
        id="not-found-title"
        className="mt-1 text-2xl font-semibold tracking-tight text-slate-900"
      >
        This page does not exist
      </h1>
      <p className="mt-3 text-sm text-slate-600">
        The address may be mistyped, or the page may have moved. Every audience job is reachable
        from the jobs list.
      </p>
      <div className="mt-6 flex justify-center">
        <ButtonLink href="/">Go to the jobs list</ButtonLink>
      </div>
    </section>
  );
}
