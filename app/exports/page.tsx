import type { Metadata } from "next";

import { ExportsView } from "@/components/exports/exports-view";
import { everyExportQuery } from "@/lib/queries/exports";
import { ServerReads } from "@/lib/queries/hydrate";
import { dehydrateReads, fromServer } from "@/lib/queries/prefetch";
import { makeQueryClient } from "@/lib/query-client";
import { readEveryExport } from "@/lib/reads/exports";

export const metadata: Metadata = { title: "Exports" };
export const dynamic = "force-dynamic";

/** Every export of every job (`/exports`): read on the server for the first paint, filtered in the browser. */
export default async function ExportsPage() {
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({
    ...everyExportQuery(),
    ...fromServer(() => readEveryExport()),
  });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Exports</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          Every audience exported from every job, newest first, with where it was written.
        </p>
      </div>
      <ServerReads state={dehydrateReads(queryClient)}>
        <ExportsView />
      </ServerReads>
    </div>
  );
}
