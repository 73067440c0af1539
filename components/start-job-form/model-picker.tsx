"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormContext, useFormState, useWatch } from "react-hook-form";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorAlert, ErrorMessage } from "@/components/ui/error-alert";
import { controlA11y, Field, Select } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { readErrorOf } from "@/lib/fetch-json";
import { formatAudienceSize, formatCount } from "@/lib/format";
import { configuredModelQuery, configuredModelsQuery } from "@/lib/queries/models";
import type { ConfiguredModelData, ConfiguredModelSummaryData } from "@/lib/reads/models";
import { CONFIGURED_AUDIENCE_MODEL_ARN_PATTERN } from "@/lib/schemas/limits";
import type { StartJobFormValues } from "@/lib/schemas/start-job-form";

import { controlId, errorAt } from "./form-helpers";

const FIELD = "configuredAudienceModelArn";

/**
 * The configured audience model: a native select filled from
 * ListConfiguredAudienceModels (every page, read on the server first), and,
 * once one is chosen, the facts of it that shape the job.
 */
export function ModelPicker() {
  const { control, register } = useFormContext<StartJobFormValues>();
  const { errors } = useFormState({ control, name: FIELD });
  const arn = useWatch({ control, name: FIELD });
  const models = useQuery(configuredModelsQuery());
  const id = controlId(FIELD);
  const error = errorAt(errors, FIELD);
  const list = models.data ?? [];
  const known = list.some((m) => m.configuredAudienceModelArn === arn);

  return (
    <div className="space-y-4">
      <Field
        id={id}
        label="Configured audience model"
        description="The lookalike model that scores your seed against its training data. Each model fixes the audience sizes you can export and the smallest seed it accepts."
        error={error}
      >
        <Select
          {...register(FIELD)}
          {...controlA11y(id, { description: true, error })}
          invalid={Boolean(error)}
          disabled={models.isPending && list.length === 0}
        >
          <option value="">{models.isPending ? "Loading models…" : "Choose a model…"}</option>
          {list.map((model) => (
            <option key={model.configuredAudienceModelArn} value={model.configuredAudienceModelArn}>
              {model.name}
            </option>
          ))}
          {arn !== "" && !known && !models.isPending && (
            <option value={arn}>{arn} (not in your list)</option>
          )}
        </Select>
      </Field>

      {models.isError && (
        <ErrorAlert
          tone="warning"
          role="alert"
          title="The list of models could not be read"
          error={readErrorOf(models.error)}
        >
          <Button variant="secondary" className="mt-2" onClick={() => void models.refetch()}>
            Try again
          </Button>
        </ErrorAlert>
      )}
      {models.isSuccess && list.length === 0 && (
        <Alert tone="info" title="No configured audience models yet">
          A model owner must configure an audience model in AWS Clean Rooms ML before you can start
          a job.
        </Alert>
      )}

      {CONFIGURED_AUDIENCE_MODEL_ARN_PATTERN.test(arn) && (
        <ModelFacts arn={arn} summary={list.find((m) => m.configuredAudienceModelArn === arn)} />
      )}
    </div>
  );
}

/** The chosen model's seed minimum, audience sizes and metrics sharing (GetConfiguredAudienceModel). */
export function ModelFacts({
  arn,
  summary,
}: {
  arn: string;
  summary?: ConfiguredModelSummaryData;
}) {
  const model = useQuery(configuredModelQuery(arn));
  return (
    <section
      aria-label="About this model"
      aria-busy={model.isPending || undefined}
      className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm"
    >
      {model.isPending && (
        <div className="space-y-2" role="status" aria-label="Loading the model's details">
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-4 w-1/2" />
          <Skeleton className="h-4 w-3/5" />
        </div>
      )}
      {model.isError && (
        <p role="alert" className="text-red-800">
          The model&apos;s details could not be read.{" "}
          <ErrorMessage error={readErrorOf(model.error)} />
        </p>
      )}
      {model.data && (
        <ModelFactsList
          model={model.data}
          description={summary?.description ?? model.data.description}
        />
      )}
    </section>
  );
}

function ModelFactsList({
  model,
  description,
}: {
  model: ConfiguredModelData;
  description?: string;
}) {
  const sizes = model.audienceSizeConfig;
  const sharesMetrics = model.sharedAudienceMetrics.includes("ALL");
  return (
    <>
      {description && <p className="mb-2 text-slate-600">{description}</p>}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-700">Minimum matching seed size</dt>
        <dd className="text-slate-900">
          {model.minMatchingSeedSize !== undefined ? (
            <>
              {formatCount(model.minMatchingSeedSize)} users
              <span className="block text-xs text-slate-500">
                At least this many of your seed users must match the model&apos;s training data, or
                the job fails.
              </span>
            </>
          ) : (
            "Not set by the model owner"
          )}
        </dd>
        <dt className="font-medium text-slate-700">Audience sizes</dt>
        <dd className="text-slate-900">
          {sizes ? (
            <>
              {sizes.audienceSizeBins
                .map((value) => formatAudienceSize({ type: sizes.audienceSizeType, value }))
                .join(", ")}
              <span className="block text-xs text-slate-500">
                The sizes you can export from a finished job.
              </span>
            </>
          ) : (
            "Not set by the model owner"
          )}
        </dd>
        <dt className="font-medium text-slate-700">Relevance metrics</dt>
        <dd className="text-slate-900">
          {sharesMetrics ? "Shared" : "Not shared"}
          <span className="block text-xs text-slate-500">
            {sharesMetrics
              ? "A finished job reports how closely each audience size resembles your seed."
              : "The model owner keeps relevance scores private: a finished job will not show them."}
          </span>
        </dd>
      </dl>
    </>
  );
}
