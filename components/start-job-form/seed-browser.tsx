"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useId, useState } from "react";

import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Input } from "@/components/ui/field";
import { readErrorOf } from "@/lib/fetch-json";
import { formatAbsolute } from "@/lib/format";
import { seedFolderQuery } from "@/lib/queries/seeds";
import { formatBytes } from "@/lib/seeds/format";
import { keepFormClosed } from "@/lib/seeds/keys";
import { s3UriOf, type SeedLocation } from "@/lib/seeds/locations";

import { SeedLocationSelect } from "./seed-location-select";
import { useSettled } from "./use-settled";

/**
 * The seed buckets' folders and files (SEED_BUCKETS), a page at a time, with
 * a search by name prefix. Choosing a file, or a folder (which the service
 * reads whole), fills the S3 URI.
 */
export function SeedBrowser({
  locations,
  onChoose,
}: {
  locations: SeedLocation[];
  onChoose: (uri: string) => void;
}) {
  const [locationIndex, setLocationIndex] = useState(0);
  const location = locations[locationIndex] ?? locations[0]!;
  const [prefix, setPrefix] = useState(location.prefix);
  const [search, setSearch] = useState("");
  const settledSearch = useSettled(search);
  const folder = useInfiniteQuery(seedFolderQuery(location.bucket, prefix, settledSearch));
  const ids = { search: useId() };

  function open(next: string) {
    setPrefix(next);
    setSearch("");
  }

  // The path from the location's root to the open folder, each part a way back.
  const crumbs = [{ label: `s3://${location.bucket}/${location.prefix}`, prefix: location.prefix }];
  for (const part of prefix.slice(location.prefix.length).split("/").filter(Boolean)) {
    crumbs.push({ label: `${part}/`, prefix: `${crumbs.at(-1)!.prefix}${part}/` });
  }
  const folders = folder.data?.pages.flatMap((p) => p.folders) ?? [];
  const files = folder.data?.pages.flatMap((p) => p.files) ?? [];

  return (
    <section
      aria-label="S3 seed browser"
      className="space-y-3 rounded-md border border-slate-200 bg-white p-3 sm:p-4"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <SeedLocationSelect
          locations={locations}
          value={locationIndex}
          onChange={(index) => {
            setLocationIndex(index);
            open(locations[index]!.prefix);
          }}
        />
        <div className={locations.length > 1 ? undefined : "sm:col-span-2"}>
          <label htmlFor={ids.search} className="text-xs font-medium text-slate-700">
            Find in this folder (names starting with)
          </label>
          <Input
            id={ids.search}
            type="search"
            value={search}
            autoComplete="off"
            spellCheck={false}
            onKeyDown={keepFormClosed}
            placeholder="customers-"
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
      </div>

      <nav aria-label="Folder path" className="flex flex-wrap items-center gap-1 text-xs">
        {crumbs.map((crumb, i) =>
          i === crumbs.length - 1 ? (
            <span key={crumb.prefix} aria-current="location" className="font-mono text-slate-900">
              {crumb.label}
            </span>
          ) : (
            <button
              key={crumb.prefix}
              type="button"
              onClick={() => open(crumb.prefix)}
              className="font-mono text-indigo-700 underline hover:text-indigo-900"
            >
              {crumb.label}
            </button>
          ),
        )}
        {prefix !== "" && (
          <Button
            variant="ghost"
            className="ml-auto min-h-0 px-2 py-1 text-xs"
            onClick={() => onChoose(s3UriOf({ bucket: location.bucket, key: prefix }))}
          >
            Use this whole folder
          </Button>
        )}
      </nav>

      {folder.error ? (
        <ErrorAlert title="The folder could not be listed" error={readErrorOf(folder.error)} />
      ) : folder.isPending ? (
        <p role="status" className="text-sm text-slate-500">
          Listing…
        </p>
      ) : folders.length === 0 && files.length === 0 ? (
        <p role="status" className="text-sm text-slate-500">
          {settledSearch ? `Nothing here starts with “${settledSearch}”.` : "This folder is empty."}
        </p>
      ) : (
        <ul
          aria-label="Folders and files"
          className="divide-y divide-slate-100 rounded-md border border-slate-200"
        >
          {folders.map((f) => (
            <li key={f.prefix} className="flex items-center gap-2 px-2 py-1.5">
              <button
                type="button"
                onClick={() => open(f.prefix)}
                className="min-w-0 flex-1 truncate text-left font-mono text-sm text-indigo-700 hover:underline"
                aria-label={`Open folder ${f.name}`}
              >
                <FolderIcon />
                {f.name}
              </button>
              <Button
                variant="ghost"
                className="min-h-0 shrink-0 px-2 py-1 text-xs"
                onClick={() => onChoose(s3UriOf({ bucket: location.bucket, key: f.prefix }))}
              >
                Use folder<span className="sr-only"> {f.name}</span>
              </Button>
            </li>
          ))}
          {files.map((f) => (
            <li key={f.key}>
              <button
                type="button"
                onClick={() => onChoose(s3UriOf({ bucket: location.bucket, key: f.key }))}
                className="flex w-full flex-col gap-0.5 px-2 py-1.5 text-left hover:bg-indigo-50 focus-visible:bg-indigo-50 sm:flex-row sm:items-baseline sm:gap-3"
              >
                <span className="min-w-0 flex-1 font-mono text-sm break-all text-slate-900">
                  {f.name}
                </span>
                <span className="shrink-0 text-xs text-slate-500 tabular-nums">
                  {formatBytes(f.size)}
                  {f.lastModified && <> · {formatAbsolute(f.lastModified)}</>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {folder.hasNextPage && (
        <Button
          variant="secondary"
          disabled={folder.isFetchingNextPage}
          onClick={() => void folder.fetchNextPage()}
        >
          {folder.isFetchingNextPage ? "Loading more…" : "Show more"}
        </Button>
      )}
    </section>
  );
}

function FolderIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      className="mr-1.5 inline size-4 -translate-y-px fill-amber-400 align-middle"
    >
      <path d="M1.5 3A1.5 1.5 0 0 1 3 1.5h3.2l1.6 1.6H13A1.5 1.5 0 0 1 14.5 4.6v7.9A1.5 1.5 0 0 1 13 14H3a1.5 1.5 0 0 1-1.5-1.5z" />
    </svg>
  );
}
