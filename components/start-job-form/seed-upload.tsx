"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Input, Select } from "@/components/ui/field";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { ActionError } from "@/lib/action-result";
import { DASHBOARD_NO_ANSWER } from "@/lib/fetch-json";
import { formatCount } from "@/lib/format";
import { seedFolderQuery } from "@/lib/queries/seeds";
import { formatBytes } from "@/lib/seeds/format";
import { keepFormClosed } from "@/lib/seeds/keys";
import { keyProblem, s3UriOf, type SeedLocation } from "@/lib/seeds/locations";
import { sniffFile, type SniffedFile } from "@/lib/seeds/sniff";
import type { SeedUploadResult } from "@/lib/seeds/types";

import { SeedLocationSelect } from "./seed-location-select";
import { useSettled } from "./use-settled";

/** The largest file taken (the server refuses more too: lib/seeds/upload.ts). */
const MAX_BYTES = 50 * 1024 * 1024;
/** How much of the file the browser reads to find its format, header and columns. */
const HEAD_BYTES = 64 * 1024;

type State =
  | { step: "idle" }
  | { step: "uploading"; loaded: number; total: number }
  | { step: "done"; result: SeedUploadResult }
  | { step: "failed"; error: Pick<ActionError, "message" | "hint">; title: string };

const seedName = (fileName: string) =>
  `${
    fileName
      .replace(/\.[^.]*$/, "")
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "seed"
  }.jsonl`;

const stemOf = (name: string) => name.replace(/\.jsonl$/, "");

/** The first of `stem-2.jsonl`, `stem-3.jsonl`… not among `taken`. */
export function freeSeedName(name: string, taken: ReadonlySet<string>): string {
  const stem = stemOf(name);
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}.jsonl`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The seed file names in the location's folder that start with the name's
 * stem, looked up as the name settles: the name already taken is said at the
 * name field before anything is sent (the server refuses it too, 409).
 */
function useTakenNames(bucket: string, prefix: string, name: string, enabled: boolean) {
  const stem = useSettled(stemOf(name.trim()));
  const listing = useInfiniteQuery({
    ...seedFolderQuery(bucket, prefix, stem),
    enabled: enabled && stem !== "",
  });
  return new Set(listing.data?.pages.flatMap((p) => p.files.map((f) => f.name)) ?? []);
}

/**
 * Upload a CSV or JSON lines file into a seed location: for a CSV, the column
 * of user IDs is chosen from a preview of its first rows (read here, from the
 * file's first bytes). The file goes to the dashboard's server as it is, with
 * upload progress; the server writes clean, deduplicated JSON lines to S3 as
 * the bytes arrive. Cancel stops the upload and the server aborts the
 * multipart upload: nothing is left in S3.
 */
export function SeedUpload({
  locations,
  onUploaded,
}: {
  locations: SeedLocation[];
  onUploaded: (uri: string) => void;
}) {
  const [locationIndex, setLocationIndex] = useState(0);
  const [file, setFile] = useState<File>();
  const [sniffed, setSniffed] = useState<SniffedFile>();
  const [fileProblem, setFileProblem] = useState<string>();
  const [hasHeader, setHasHeader] = useState(false);
  const [column, setColumn] = useState(0);
  const [name, setName] = useState("");
  const [state, setState] = useState<State>({ step: "idle" });
  /** A key the server answered "exists already" for (two uploads raced to it). */
  const [refusedKey, setRefusedKey] = useState<string>();
  const request = useRef<XMLHttpRequest | undefined>(undefined);
  const ids = {
    file: useId(),
    name: useId(),
    column: useId(),
    header: useId(),
  };
  const location = locations[locationIndex] ?? locations[0]!;

  // Leaving the form cancels an upload under way.
  useEffect(() => () => request.current?.abort(), []);

  async function pick(chosen: File | undefined) {
    setFile(chosen);
    setSniffed(undefined);
    setFileProblem(undefined);
    setState({ step: "idle" });
    if (!chosen) return;
    setName(seedName(chosen.name));
    if (chosen.size === 0) return setFileProblem("The file is empty.");
    if (chosen.size > MAX_BYTES) {
      return setFileProblem(
        `The file is ${formatBytes(chosen.size)}; the most the dashboard takes is ${formatBytes(MAX_BYTES)}.`,
      );
    }
    const head = await chosen.slice(0, HEAD_BYTES).text();
    const result = sniffFile(head, chosen.size <= HEAD_BYTES);
    if (result.format === "binary") {
      return setFileProblem("The file is not text: choose a CSV or JSON lines file.");
    }
    setSniffed(result);
    setHasHeader(result.hasHeader);
    setColumn(result.column);
  }

  const columns = sniffed?.format === "csv" ? Math.max(...sniffed.rows.map((r) => r.length), 1) : 0;
  const header = sniffed?.format === "csv" && hasHeader ? sniffed.rows[0] : undefined;
  const preview = sniffed?.format === "csv" ? sniffed.rows.slice(hasHeader ? 1 : 0, 6) : [];
  const key = `${location.prefix}${name}`;
  const shapeProblem =
    name.trim() === ""
      ? "Give the seed a file name."
      : name.includes("/")
        ? "The name may not contain /."
        : keyProblem(key)
          ? `The name ${keyProblem(key)}.`
          : undefined;
  const taken = useTakenNames(
    location.bucket,
    location.prefix,
    name,
    Boolean(file) && !shapeProblem,
  );
  const exists = !shapeProblem && (taken.has(name) || refusedKey === key);
  const nameProblem =
    shapeProblem ??
    (exists
      ? `s3://${location.bucket}/${key} exists already: use the existing file, or upload under a new name.`
      : undefined);
  const uploading = state.step === "uploading";

  function start() {
    if (!file || !sniffed || nameProblem) return;
    const params = new URLSearchParams({ bucket: location.bucket, key });
    if (sniffed.format === "csv") {
      params.set("format", "csv");
      params.set("column", String(column));
      params.set("delimiter", sniffed.delimiter);
      if (header) params.set("header", header[column] ?? "");
    } else {
      params.set("format", "jsonl");
    }
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open("POST", `/api/seeds/upload?${params}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) =>
      setState({ step: "uploading", loaded: event.loaded, total: event.total || file.size });
    xhr.onload = () => {
      request.current = undefined;
      if (xhr.status === 201) {
        const result = xhr.response as SeedUploadResult;
        setState({ step: "done", result });
        onUploaded(result.uri);
        return;
      }
      const error = (xhr.response as { error?: ActionError } | null)?.error;
      if (xhr.status === 409) {
        // Said at the name field, with the two ways on.
        setRefusedKey(key);
        setState({ step: "idle" });
        return;
      }
      setState({
        step: "failed",
        title: "The file was not uploaded",
        error: error ?? { message: `The dashboard answered HTTP ${xhr.status}.` },
      });
    };
    xhr.onerror = () => {
      request.current = undefined;
      setState({
        step: "failed",
        title: "The file was not uploaded",
        error: DASHBOARD_NO_ANSWER,
      });
    };
    xhr.onabort = () => {
      request.current = undefined;
      setState({
        step: "failed",
        title: "Upload cancelled",
        error: { message: "Nothing was written to S3." },
      });
    };
    setState({ step: "uploading", loaded: 0, total: file.size });
    xhr.send(file);
  }

  return (
    <section
      aria-label="Upload a seed file"
      className="space-y-4 rounded-md border border-slate-200 bg-white p-3 sm:p-4"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <label htmlFor={ids.file} className="text-sm font-medium text-slate-800">
            CSV or JSON lines file
          </label>
          <p id={`${ids.file}-hint`} className="text-xs text-slate-500">
            Up to {formatBytes(MAX_BYTES)}. It is written to S3 as JSON lines, one line per unique
            user ID.
          </p>
          <input
            id={ids.file}
            type="file"
            accept=".csv,.tsv,.txt,.jsonl,.ndjson,.json,text/csv,text/plain,application/x-ndjson"
            aria-describedby={`${ids.file}-hint`}
            disabled={uploading}
            onChange={(event) => void pick(event.target.files?.[0])}
            className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
          />
        </div>
        <SeedLocationSelect
          locations={locations}
          value={locationIndex}
          onChange={setLocationIndex}
          disabled={uploading}
        />
        {file && (
          <div className={locations.length > 1 ? undefined : "sm:col-span-2"}>
            <label htmlFor={ids.name} className="text-sm font-medium text-slate-800">
              Seed file name
            </label>
            <Input
              id={ids.name}
              value={name}
              disabled={uploading}
              invalid={Boolean(nameProblem)}
              aria-describedby={`${ids.name}-where`}
              className="font-mono"
              spellCheck={false}
              onKeyDown={keepFormClosed}
              onChange={(event) => setName(event.target.value)}
            />
            <p
              id={`${ids.name}-where`}
              className={`mt-1 text-xs [overflow-wrap:anywhere] ${nameProblem ? "text-red-700" : "text-slate-500"}`}
            >
              {nameProblem ?? `Written to s3://${location.bucket}/${key}`}
            </p>
            {exists && (
              <div className="mt-2 flex flex-wrap gap-2">
                <Button
                  variant="secondary"
                  onClick={() => onUploaded(s3UriOf({ bucket: location.bucket, key }))}
                >
                  Use the existing file
                </Button>
                <Button variant="secondary" onClick={() => setName(freeSeedName(name, taken))}>
                  Upload as {freeSeedName(name, taken)}
                </Button>
              </div>
            )}
          </div>
        )}
      </div>

      {fileProblem && (
        <Alert tone="danger" role="alert" title="This file cannot be used">
          {fileProblem}
        </Alert>
      )}

      {sniffed?.format === "jsonl" && (
        <p className="text-sm text-slate-700">
          JSON lines: each line&apos;s <code>user_id</code> is kept.
        </p>
      )}

      {sniffed?.format === "csv" && (
        <div className="space-y-3">
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor={ids.column} className="text-sm font-medium text-slate-800">
                Column with the user IDs
              </label>
              <Select
                id={ids.column}
                value={column}
                disabled={uploading}
                onChange={(event) => setColumn(Number(event.target.value))}
              >
                {Array.from({ length: columns }, (_, i) => (
                  <option key={i} value={i}>
                    {header?.[i] ? `${header[i]} (column ${i + 1})` : `Column ${i + 1}`}
                  </option>
                ))}
              </Select>
            </div>
            <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-800">
              <input
                id={ids.header}
                type="checkbox"
                checked={hasHeader}
                disabled={uploading}
                onChange={(event) => setHasHeader(event.target.checked)}
                className="size-4 accent-indigo-600"
              />
              The first row is a header
            </label>
          </div>
          <Table frameClassName="rounded-md shadow-none" className="text-xs">
            <TableCaption>The file&apos;s first rows</TableCaption>
            {header && (
              <TableHeader className="border-0">
                <TableRow className="align-middle">
                  {Array.from({ length: columns }, (_, i) => (
                    <TableHead
                      key={i}
                      className={cn(
                        "px-2 py-1 whitespace-nowrap",
                        i === column && "bg-indigo-100 text-indigo-900",
                      )}
                    >
                      {header[i] ?? ""}
                    </TableHead>
                  ))}
                </TableRow>
              </TableHeader>
            )}
            <TableBody className="font-mono">
              {preview.map((row, r) => (
                <TableRow key={r} className="align-middle">
                  {Array.from({ length: columns }, (_, i) => (
                    <TableCell
                      key={i}
                      className={cn(
                        "max-w-48 truncate px-2 py-1 whitespace-nowrap",
                        i === column
                          ? "bg-indigo-50 font-semibold text-indigo-900"
                          : "text-slate-600",
                      )}
                    >
                      {row[i] ?? ""}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      {state.step === "uploading" && <Progress loaded={state.loaded} total={state.total} />}

      {state.step === "done" && (
        <Alert tone="success" role="status" title="Uploaded">
          {formatCount(state.result.ids)} unique user IDs written to{" "}
          <span className="font-mono break-all">{state.result.uri}</span>
          {state.result.duplicates > 0 &&
            `; ${formatCount(state.result.duplicates)} duplicate ${state.result.duplicates === 1 ? "row" : "rows"} left out`}
          {state.result.skipped > 0 &&
            `; ${formatCount(state.result.skipped)} ${state.result.skipped === 1 ? "row" : "rows"} without an ID skipped`}
          .
        </Alert>
      )}
      {state.step === "failed" && (
        <ErrorAlert role="alert" tone="warning" title={state.title} error={state.error} />
      )}

      {state.step !== "done" && (
        <div className="flex flex-wrap gap-2">
          {uploading ? (
            <Button variant="secondary" onClick={() => request.current?.abort()}>
              Cancel upload
            </Button>
          ) : (
            <Button disabled={!sniffed || Boolean(nameProblem)} onClick={start}>
              Upload
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

function Progress({ loaded, total }: { loaded: number; total: number }) {
  const percent = total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0;
  const label = `${formatBytes(loaded)} of ${formatBytes(total)} (${percent}%)`;
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-xs text-slate-700">
        <span>{percent < 100 ? "Uploading…" : "Writing the seed to S3…"}</span>
        <span className="tabular-nums">{label}</span>
      </div>
      <div
        role="progressbar"
        aria-label="Upload progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={label}
        className="h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
