"use client";

import { useQuery } from "@tanstack/react-query";
import { memo, useEffect, useRef } from "react";
import { useFormContext, useFormState, useWatch } from "react-hook-form";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorAlert, ErrorMessage } from "@/components/ui/error-alert";
import { controlA11y, Field, Select } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { readErrorOf } from "@/lib/fetch-json";
import { formatAudienceSize, formatCount } from "@/lib/format";
import {
  configuredModelQuery,
  configuredModelsQuery,
  modelAssociationsQuery,
} from "@/lib/queries/models";
import type {
  AssociatedModelData,
  ConfiguredModelSummaryData,
  ModelOwnerData,
  ReadableModelData,
  UnreadableModelData,
} from "@/lib/reads/models";
import { CONFIGURED_AUDIENCE_MODEL_ARN_PATTERN } from "@/lib/schemas/limits";
import type { StartJobFormValues } from "@/lib/schemas/start-job-form";

import { controlId, errorAt } from "./form-helpers";

const FIELD = "configuredAudienceModelArn";

/** "Example Streaming, partner's": whose a model is, in the picker's words. */
export function ownerLabel(owner: ModelOwnerData): string {
  return `${owner.memberName ?? `account ${owner.accountId}`}, ${owner.yours ? "yours" : "partner's"}`;
}

/** An associated model's option text: the association's name and its owner. */
export const associationLabel = (model: AssociatedModelData) =>
  `${model.associationName} (${ownerLabel(model.owner)})`;

/**
 * The configured audience model: a native select with, per collaboration, the
 * models associated with it (ListCollaborationConfiguredAudienceModelAssociations:
 * a partner's among them, named by their association and owner), then the
 * account's own configured models (ListConfiguredAudienceModels). Choosing a
 * partner's model picks its collaboration too: the partner's policy allows
 * jobs in that collaboration only (docs/ARCHITECTURE.md, "Two accounts").
 * Once one is chosen, the facts of it that shape the job.
 */
export const ModelPicker = memo(function ModelPicker() {
  const { control, register, setValue, getValues } = useFormContext<StartJobFormValues>();
  const { errors } = useFormState({ control, name: FIELD });
  const arn = useWatch({ control, name: FIELD });
  const models = useQuery(configuredModelsQuery());
  const associations = useQuery(modelAssociationsQuery());
  const id = controlId(FIELD);
  const error = errorAt(errors, FIELD);
  const list = models.data ?? [];
  const groups = (associations.data?.collaborations ?? []).filter((c) => c.models.length > 0);
  const associated = groups.flatMap((c) => c.models);
  const known =
    list.some((m) => m.configuredAudienceModelArn === arn) ||
    associated.some((m) => m.configuredAudienceModelArn === arn);
  const pending = models.isPending || associations.isPending;
  const pickCollaboration = (modelArn: string) => {
    const partner = associated.find(
      (m) => m.configuredAudienceModelArn === modelArn && !m.owner.yours,
    );
    if (partner) {
      setValue("collaborationId", partner.collaborationId, {
        shouldDirty: true,
        shouldValidate: true,
      });
    }
  };
  const field = register(FIELD, {
    onChange: (event: { target: { value: string } }) => pickCollaboration(event.target.value),
  });
  // A partner's model the form opened with (a link's ?model=, a job started again) without
  // a collaboration: its collaboration, once the associations are known. Once per model.
  const settled = useRef<string | undefined>(undefined);
  const data = associations.data;
  useEffect(() => {
    if (!data || settled.current === arn) return;
    settled.current = arn;
    if (getValues("collaborationId") !== "") return;
    const partner = data.collaborations
      .flatMap((c) => c.models)
      .find((m) => m.configuredAudienceModelArn === arn && !m.owner.yours);
    if (partner) setValue("collaborationId", partner.collaborationId, { shouldDirty: true });
  }, [data, arn, getValues, setValue]);

  return (
    <div className="space-y-4">
      <Field
        id={id}
        label="Configured audience model"
        description="The lookalike model that scores your seed against its training data: a partner's, shared with one of your collaborations, or one of your own. Each model fixes the audience sizes you can export and the smallest seed it accepts."
        error={error}
      >
        <Select
          {...field}
          {...controlA11y(id, { description: true, error })}
          invalid={Boolean(error)}
          disabled={pending && list.length === 0 && associated.length === 0}
        >
          <option value="">{pending ? "Loading models…" : "Choose a model…"}</option>
          {groups.map((collaboration) => (
            <optgroup
              key={collaboration.collaborationId}
              label={`Shared in ${collaboration.collaborationName}`}
            >
              {collaboration.models.map((model) => (
                <option
                  key={model.associationId}
                  value={model.configuredAudienceModelArn}
                  title={model.description}
                >
                  {associationLabel(model)}
                </option>
              ))}
            </optgroup>
          ))}
          {list.length > 0 && (
            <optgroup label="Your configured models">
              {list.map((model) => (
                <option
                  key={model.configuredAudienceModelArn}
                  value={model.configuredAudienceModelArn}
                >
                  {model.name}
                </option>
              ))}
            </optgroup>
          )}
          {arn !== "" && !known && !pending && (
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
      {associations.isError && (
        <Alert tone="info" title="Your collaborations' models could not be listed">
          <ErrorMessage error={readErrorOf(associations.error)} /> A partner&apos;s model can still
          be used: paste its ARN from the collaboration&apos;s page into a link such as{" "}
          <code>/jobs/new?model=…</code>.
        </Alert>
      )}
      {models.isSuccess && associations.isSuccess && list.length === 0 && groups.length === 0 && (
        <Alert tone="info" title="No configured audience models yet">
          A model owner must configure an audience model in AWS Clean Rooms ML and associate it with
          one of your collaborations before you can start a job.
        </Alert>
      )}

      {CONFIGURED_AUDIENCE_MODEL_ARN_PATTERN.test(arn) && (
        <ModelFacts
          arn={arn}
          summary={list.find((m) => m.configuredAudienceModelArn === arn)}
          association={associated.find((m) => m.configuredAudienceModelArn === arn)}
        />
      )}
    </div>
  );
});

/** The chosen model's seed minimum, audience sizes and metrics sharing (GetConfiguredAudienceModel). */
export function ModelFacts({
  arn,
  summary,
  association,
}: {
  arn: string;
  summary?: ConfiguredModelSummaryData;
  association?: AssociatedModelData;
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
      {association && (
        <p className="mb-2 text-slate-700">
          <span className="font-medium">{association.associationName}</span>, shared in{" "}
          {association.collaborationName} by {ownerLabel(association.owner)}.
        </p>
      )}
      {model.data &&
        (model.data.readable === false ? (
          <PartnerFacts model={model.data} />
        ) : (
          <ModelFactsList
            model={model.data}
            description={summary?.description ?? association?.description ?? model.data.description}
          />
        ))}
    </section>
  );
}

/**
 * What a partner keeps to itself, said as a fact rather than an error: the
 * seed check still counts the seed, and the job's results show the sizes.
 */
export function PartnerFacts({ model }: { model: UnreadableModelData }) {
  return (
    <>
      {model.description && <p className="mb-2 text-slate-600">{model.description}</p>}
      <p className="text-slate-700">
        The model&apos;s owner shares its audience sizes and minimum seed size only through its
        results: a finished job&apos;s relevance metrics name the sizes you can export, when the
        owner shares metrics. Your seed is still checked against the service&apos;s own limits.
      </p>
    </>
  );
}

function ModelFactsList({
  model,
  description,
}: {
  model: ReadableModelData;
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
