"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent, type ReactNode } from "react";

import { CollaborationName } from "@/components/collaboration/names";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input, Select } from "@/components/ui/field";
import type { AudienceGenerationJobStatus } from "@/lib/cleanrooms-ml";
import {
  DEFAULT_SORT,
  parseSortParam,
  parseTagFilter,
  SORT_FIELDS,
  sortParam,
  tagFilterText,
  type JobsFilters,
  type JobsSort,
  type SortField,
  type TagFilter,
} from "@/lib/jobs-filters";
import { membershipsQuery } from "@/lib/queries/collaborations";
import type { UsableModel } from "@/lib/queries/models";
import {
  COLLABORATION_ID_MESSAGE,
  TAG_KEY_MAX_LENGTH,
  TAG_VALUE_MAX_LENGTH,
  UUID_PATTERN,
} from "@/lib/schemas/limits";

import { arnTail, type StatusChoice } from "./rows";

const SORT_LABELS: Record<SortField, { asc: string; desc: string }> = {
  created: { desc: "Newest first", asc: "Oldest first" },
  updated: { desc: "Recently updated", asc: "Least recently updated" },
  name: { asc: "Name A–Z", desc: "Name Z–A" },
  status: { asc: "Status", desc: "Status, reversed" },
};

/**
 * The collaboration filter: a picker of the caller's collaborations by name
 * (ListMemberships, read with the page), applied as soon as one is chosen,
 * like the search. When the memberships cannot be read (ListMemberships not
 * allowed), a typed ID instead (`COLLABORATION_ID_FILTER`).
 */
function CollaborationFilter({
  value,
  onApply,
}: {
  value: string | undefined;
  onApply: (value: string | undefined) => void;
}) {
  const id = useId();
  const memberships = useQuery(membershipsQuery());
  const list = Array.isArray(memberships.data) ? memberships.data : [];
  if (list.length === 0)
    return (
      <TypedFilterField
        {...COLLABORATION_ID_FILTER}
        current={value ?? ""}
        onApply={onApply}
        note={
          value && (
            <p className="mt-1 text-xs text-slate-600">
              <CollaborationName collaborationId={value} fallback={null} />
            </p>
          )
        }
      />
    );
  const known = value === undefined || list.some((m) => m.collaborationId === value);
  return (
    <div className="w-full sm:w-72">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        Collaboration
      </label>
      <Select
        id={id}
        value={value ?? ""}
        onChange={(event) => onApply(event.target.value || undefined)}
      >
        <option value="">Any collaboration</option>
        {list.map((m) => (
          <option key={m.collaborationId} value={m.collaborationId}>
            {m.collaborationName}
          </option>
        ))}
        {!known && value && <option value={value}>{value} (not one of your collaborations)</option>}
      </Select>
    </div>
  );
}

/**
 * A filter typed as text, applied on Enter or when the field loses focus (not
 * on every key). `current` is the filter that is on, as text ("" for none);
 * when the URL changes it from outside (back/forward, clear filters), the
 * field shows it. A text `parse` refuses is said with `invalid`, and the
 * filter it would have replaced is removed too: the list never goes on
 * showing the previous filter's jobs behind an error.
 */
function TypedFilterField<T>({
  label,
  current,
  parse,
  invalid,
  what,
  onApply,
  note,
  placeholder,
  className,
  inputClassName,
}: {
  label: string;
  current: string;
  /** The filter a text that is not blank stands for; undefined when it stands for none. */
  parse: (text: string) => T | undefined;
  /** Why a text is refused. */
  invalid: string;
  /** The filter's name in "The previous … is removed." */
  what: string;
  onApply: (value: T | undefined) => void;
  /** Under the field while it shows no error. */
  note?: ReactNode;
  placeholder: string;
  className: string;
  inputClassName?: string;
}) {
  const id = useId();
  const [text, setText] = useState(current);
  const [shown, setShown] = useState(current);
  const [error, setError] = useState<string>();
  if (current !== shown) {
    setShown(current);
    setText(current);
    if (current !== "") setError(undefined);
  }

  function apply() {
    const trimmed = text.trim();
    if (trimmed === current) {
      setError(undefined);
      return;
    }
    const parsed = trimmed === "" ? undefined : parse(text);
    if (trimmed !== "" && parsed === undefined) {
      setError(current === "" ? invalid : `${invalid} The previous ${what} is removed.`);
      if (current !== "") onApply(undefined);
      return;
    }
    setError(undefined);
    onApply(parsed);
  }

  return (
    <form
      className={className}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        apply();
      }}
    >
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      <Input
        id={id}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={apply}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        invalid={error !== undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClassName}
      />
      {!error && note}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}

/** A typed collaboration ID (lowercased), for when the memberships cannot be read. */
const COLLABORATION_ID_FILTER = {
  label: "Collaboration ID",
  parse: (text: string) => {
    const id = text.trim().toLowerCase();
    return UUID_PATTERN.test(id) ? id : undefined;
  },
  invalid: COLLABORATION_ID_MESSAGE,
  what: "collaboration filter",
  placeholder: "Any collaboration",
  className: "w-full sm:w-80",
  inputClassName: "font-mono text-xs",
};

/** The tag filter: `key` or `key=value` (each job's tags must be read, so not on every key). */
const TAG_FILTER = {
  label: "Tag",
  parse: parseTagFilter,
  invalid: `A tag key (at most ${TAG_KEY_MAX_LENGTH} characters), or key=value (a value of at most ${TAG_VALUE_MAX_LENGTH}).`,
  what: "tag filter",
  placeholder: "key or key=value",
  className: "w-full sm:w-64",
};

export function JobsToolbar({
  filters,
  statusChoices,
  search,
  onSearchChange,
  models,
  onModelChange,
  onCollaborationChange,
  onStatusChange,
  onSortChange,
  onTagChange,
  onMineChange,
}: {
  filters: JobsFilters;
  /** The status filters to offer (rare ones only when there is something to find, see `shownStatusChoices`). */
  statusChoices: readonly StatusChoice[];
  /** The search box's text (kept by the parent so typing never lags behind the URL). */
  search: string;
  onSearchChange: (value: string) => void;
  models: readonly UsableModel[];
  onModelChange: (arn: string | undefined) => void;
  onCollaborationChange: (id: string | undefined) => void;
  onStatusChange: (statuses: AudienceGenerationJobStatus[]) => void;
  onSortChange: (sort: JobsSort) => void;
  onTagChange: (tag: TagFilter | undefined) => void;
  /** Absent without sign-in: nobody is recorded as starting a job, so "Started by me" is not offered. */
  onMineChange?: (mine: boolean) => void;
}) {
  const searchId = useId();
  const modelId = useId();
  const sortId = useId();
  const moreId = useId();
  // On narrow screens the less used filters fold away; they start open when one is on.
  const [moreChoice, setMoreChoice] = useState<boolean>();
  const moreActive = [filters.model, filters.collaboration, filters.tag].filter(Boolean).length;
  const moreOpen = moreChoice ?? moreActive > 0;
  const modelKnown =
    filters.model === undefined ||
    models.some((m) => m.configuredAudienceModelArn === filters.model);

  function toggleStatus(statuses: AudienceGenerationJobStatus[], on: boolean) {
    const next = new Set(filters.status);
    for (const status of statuses) {
      if (on) next.add(status);
      else next.delete(status);
    }
    onStatusChange([...next]);
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-start gap-3">
        <div className="w-full sm:min-w-64 sm:flex-1">
          <label htmlFor={searchId} className="mb-1 block text-xs font-medium text-slate-600">
            Search
          </label>
          <Input
            id={searchId}
            type="search"
            value={search}
            onChange={(event) => onSearchChange(event.target.value)}
            placeholder="Job name, or paste a job ARN to open it"
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <Button
          variant="secondary"
          className="w-full md:hidden"
          aria-expanded={moreOpen}
          aria-controls={moreId}
          onClick={() => setMoreChoice(!moreOpen)}
        >
          {moreOpen
            ? "Hide model, collaboration, tag and order"
            : "Model, collaboration, tag and order"}
          {moreActive > 0 && ` (${moreActive} on)`}
        </Button>
        <div
          id={moreId}
          className={cn(
            moreOpen ? "flex" : "hidden",
            "w-full flex-wrap items-start gap-3 md:flex md:w-auto md:flex-1 md:flex-nowrap",
          )}
        >
          <div className="w-full sm:w-64">
            <label htmlFor={modelId} className="mb-1 block text-xs font-medium text-slate-600">
              Audience model
            </label>
            <Select
              id={modelId}
              value={filters.model ?? ""}
              onChange={(event) => onModelChange(event.target.value || undefined)}
            >
              <option value="">All models</option>
              {models.map((model) => (
                <option
                  key={model.configuredAudienceModelArn}
                  value={model.configuredAudienceModelArn}
                >
                  {model.name}
                </option>
              ))}
              {!modelKnown && filters.model && (
                <option value={filters.model}>{arnTail(filters.model)}</option>
              )}
            </Select>
          </div>
          <CollaborationFilter value={filters.collaboration} onApply={onCollaborationChange} />
          <TypedFilterField
            {...TAG_FILTER}
            current={filters.tag ? tagFilterText(filters.tag) : ""}
            onApply={onTagChange}
          />
          <div className="w-full md:hidden">
            <label htmlFor={sortId} className="mb-1 block text-xs font-medium text-slate-600">
              Order
            </label>
            <Select
              id={sortId}
              value={sortParam(filters.sort)}
              onChange={(event) => onSortChange(parseSortParam(event.target.value) ?? DEFAULT_SORT)}
            >
              {SORT_FIELDS.flatMap((field) =>
                (["desc", "asc"] as const).map((direction) => (
                  <option key={`${field}-${direction}`} value={sortParam({ field, direction })}>
                    {SORT_LABELS[field][direction]}
                  </option>
                )),
              )}
            </Select>
          </div>
        </div>
      </div>
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="sr-only">Status</legend>
        <span aria-hidden className="mr-1 text-xs font-medium text-slate-600">
          Status
        </span>
        {statusChoices.map((choice) => {
          const checked = choice.statuses.every((s) => filters.status.includes(s));
          return (
            <label
              key={choice.label}
              className={cn(
                "inline-flex cursor-pointer items-center gap-1.5 rounded-full border px-3 py-1 text-xs font-medium transition-colors select-none",
                "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-indigo-600",
                checked
                  ? "border-indigo-600 bg-indigo-50 text-indigo-800"
                  : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
              )}
            >
              <input
                type="checkbox"
                className="size-3.5 accent-indigo-600"
                checked={checked}
                onChange={(event) => toggleStatus(choice.statuses, event.target.checked)}
              />
              {choice.label}
            </label>
          );
        })}
        {filters.status.length > 0 && (
          <Button
            variant="ghost"
            className="min-h-0 px-2 py-1 text-xs"
            onClick={() => onStatusChange([])}
          >
            Any status
          </Button>
        )}
      </fieldset>
      {onMineChange && (
        <label className="inline-flex cursor-pointer items-center gap-1.5 text-sm text-slate-700 select-none">
          <input
            type="checkbox"
            className="size-4 accent-indigo-600"
            checked={filters.mine === true}
            onChange={(event) => onMineChange(event.target.checked)}
          />
          Started by me
        </label>
      )}
    </div>
  );
}
