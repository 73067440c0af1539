"use client";

import { useId, useState, useSyncExternalStore, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { Link } from "@/components/ui/link";
import { jobsListHref, parseJobsFilters, type JobsFilters } from "@/lib/jobs-filters";

/**
 * Saved views of the list: a name and the list's address (its filters,
 * search and order, `lib/jobs-filters.ts`), kept in this browser's
 * localStorage. Each is a link: open it, or copy it to share the view.
 */
export const SAVED_VIEWS_KEY = "jobs-list:saved-views";
const NAME_MAX = 60;
const VIEWS_MAX = 20;

export interface SavedView {
  name: string;
  /** The list's address for the view: `/` or `/?…`. */
  href: string;
}

/** What localStorage holds, as views; anything else there (hand-edited, older) is left out. */
export function parseSavedViews(raw: string | null): SavedView[] {
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const { name, href } = item as Record<string, unknown>;
    if (typeof name !== "string" || typeof href !== "string") return [];
    if (href !== "/" && !href.startsWith("/?")) return [];
    // Kept in the list's own form: a view is exactly what the list would link to.
    const filters = parseJobsFilters(new URLSearchParams(href.slice(2))).filters;
    return [{ name: name.slice(0, NAME_MAX), href: jobsListHref(filters) }];
  });
}

/** The views with this one added, replacing a view of the same name; newest first. */
export function withView(views: readonly SavedView[], view: SavedView): SavedView[] {
  return [view, ...views.filter((v) => v.name !== view.name)].slice(0, VIEWS_MAX);
}

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}
const readRaw = () => window.localStorage.getItem(SAVED_VIEWS_KEY);

function useSavedViews() {
  // Not on the server: the views are this browser's.
  const raw = useSyncExternalStore(subscribe, readRaw, () => null);
  const views = parseSavedViews(raw);
  const write = (next: SavedView[]) => {
    window.localStorage.setItem(SAVED_VIEWS_KEY, JSON.stringify(next));
    for (const listener of listeners) listener();
  };
  return { views, write };
}

export function SavedViews({ filters }: { filters: JobsFilters }) {
  const id = useId();
  const { views, write } = useSavedViews();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const [copied, setCopied] = useState<string>();
  const current = jobsListHref(filters);

  function save(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === "") return setError("Name the view to save it.");
    if (trimmed.length > NAME_MAX) return setError(`At most ${NAME_MAX} characters.`);
    write(withView(views, { name: trimmed, href: current }));
    setNaming(false);
    setName("");
    setError(undefined);
  }

  async function copy(view: SavedView) {
    await navigator.clipboard.writeText(new URL(view.href, window.location.origin).toString());
    setCopied(view.name);
  }

  return (
    <section aria-label="Saved views" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-xs font-medium text-slate-600">Saved views</span>
      {views.length === 0 && !naming && (
        <span className="text-xs text-slate-500">
          None yet: save the filters you use each week.
        </span>
      )}
      <ul className="contents">
        {views.map((view) => (
          <li
            key={view.name}
            className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-white py-0.5 pr-1 pl-3 text-xs"
          >
            <Link
              href={view.href}
              aria-current={view.href === current ? "true" : undefined}
              className="font-medium text-indigo-700 hover:underline aria-[current]:text-slate-900"
            >
              {view.name}
            </Link>
            <Button
              variant="ghost"
              className="min-h-0 px-1.5 py-0.5 text-xs"
              aria-label={`Copy the link to ${view.name}`}
              onClick={() => void copy(view)}
            >
              {copied === view.name ? "Copied" : "Copy link"}
            </Button>
            <Button
              variant="ghost"
              className="min-h-0 px-1.5 py-0.5 text-xs"
              aria-label={`Remove ${view.name}`}
              onClick={() => write(views.filter((v) => v.name !== view.name))}
            >
              ×
            </Button>
          </li>
        ))}
      </ul>
      {naming ? (
        <form onSubmit={save} className="inline-flex flex-wrap items-start gap-2">
          <label htmlFor={id} className="sr-only">
            Name of the view
          </label>
          <Input
            id={id}
            autoFocus
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="e.g. Failed this week"
            invalid={error !== undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className="h-8 w-48 py-1 text-xs"
          />
          <Button type="submit" variant="secondary" className="min-h-0 px-2 py-1 text-xs">
            Save
          </Button>
          <Button
            variant="ghost"
            className="min-h-0 px-2 py-1 text-xs"
            onClick={() => {
              setNaming(false);
              setError(undefined);
            }}
          >
            Cancel
          </Button>
          {error && (
            <p id={`${id}-error`} className="w-full text-xs text-red-700">
              {error}
            </p>
          )}
        </form>
      ) : (
        <Button
          variant="ghost"
          className="min-h-0 px-2 py-1 text-xs"
          onClick={() => setNaming(true)}
        >
          Save this view
        </Button>
      )}
    </section>
  );
}
