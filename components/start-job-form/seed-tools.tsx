"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { seedLocationsQuery } from "@/lib/queries/seeds";
import type { StartJobFormValues } from "@/lib/schemas/start-job-form";

// Loaded when first opened or used: the new-job page stays as light as it was.
const loading = () => (
  <p role="status" className="text-sm text-slate-500">
    Loading…
  </p>
);
const SeedBrowser = dynamic(() => import("./seed-browser").then((m) => m.SeedBrowser), {
  ssr: false,
  loading,
});
const SeedUpload = dynamic(() => import("./seed-upload").then((m) => m.SeedUpload), {
  ssr: false,
  loading,
});
const SeedPreflight = dynamic(() => import("./seed-preflight").then((m) => m.SeedPreflight), {
  ssr: false,
  loading,
});

const looksLikeS3Uri = (value: string) => /^s3:\/\/[^/\s]+\/\S*$/.test(value);

type Panel = "browse" | "upload" | undefined;

/**
 * Beside the S3 URI field: browse the seed buckets (SEED_BUCKETS) and upload
 * a file to one, each filling the URI; and the seed check (preflight), run
 * when a seed is chosen or uploaded, or on demand. Browse and upload are
 * hidden when the server has no seed buckets; typing a URI works as ever.
 */
export function SeedTools() {
  const { control, setValue, setFocus } = useFormContext<StartJobFormValues>();
  const uri = (useWatch({ control, name: "s3Uri" }) ?? "").trim();
  const locations = useQuery(seedLocationsQuery()).data ?? [];
  const [panel, setPanel] = useState<Panel>();
  const [checked, setChecked] = useState<string>();

  /**
   * Fills the URI and checks the seed; the browser closes, the upload stays
   * to show its result. Focus moves to the filled field (the control that was
   * pressed may be gone), never left on the page's body.
   */
  function choose(chosen: string, from: Exclude<Panel, undefined>) {
    setValue("s3Uri", chosen, { shouldDirty: true, shouldTouch: true, shouldValidate: true });
    if (from === "browse") setPanel(undefined);
    setChecked(chosen);
    setFocus("s3Uri");
  }

  const toggle = (which: Exclude<Panel, undefined>) =>
    setPanel((open) => (open === which ? undefined : which));
  const showCheck = checked !== undefined && checked === uri;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {locations.length > 0 && (
          <>
            <Button
              variant="secondary"
              aria-expanded={panel === "browse"}
              aria-controls="seed-browser"
              onClick={() => toggle("browse")}
            >
              Browse S3
            </Button>
            <Button
              variant="secondary"
              aria-expanded={panel === "upload"}
              aria-controls="seed-upload"
              onClick={() => toggle("upload")}
            >
              Upload a file
            </Button>
          </>
        )}
        {looksLikeS3Uri(uri) && !showCheck && (
          <Button variant="ghost" onClick={() => setChecked(uri)}>
            Check this seed
          </Button>
        )}
      </div>
      {panel === "browse" && (
        <div id="seed-browser">
          <SeedBrowser locations={locations} onChoose={(uri) => choose(uri, "browse")} />
        </div>
      )}
      {panel === "upload" && (
        <div id="seed-upload">
          <SeedUpload locations={locations} onUploaded={(uri) => choose(uri, "upload")} />
        </div>
      )}
      {showCheck && <SeedPreflight uri={checked} />}
    </div>
  );
}
