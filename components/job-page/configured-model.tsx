import type { ActionError } from "@/lib/action-result";
import { formatAudienceSize, formatCount } from "@/lib/format";
import type { ConfiguredModelData } from "@/lib/reads/models";

import { DescriptionItem, DescriptionList, Mono, NotSet } from "./description-list";
import { MODEL_SECTION_ID } from "./job-details";
import { Panel } from "./panel";

/** The configured audience model the job used: its sizes, seed minimum and metrics sharing. */
export function ConfiguredModel({
  arn,
  model,
  error,
}: {
  arn: string;
  model: ConfiguredModelData | undefined;
  error: ActionError | undefined;
}) {
  return (
    <Panel
      id={MODEL_SECTION_ID}
      title="Configured audience model"
      description={model && <span className="font-medium text-slate-700">{model.name}</span>}
    >
      {model ? <ModelFacts model={model} /> : <Unreadable arn={arn} error={error} />}
    </Panel>
  );
}

function ModelFacts({ model }: { model: ConfiguredModelData }) {
  const sizes = model.audienceSizeConfig;
  const shares = !model.sharedAudienceMetrics.includes("NONE");
  return (
    <DescriptionList>
      {model.description && (
        <DescriptionItem label="Description">{model.description}</DescriptionItem>
      )}
      <DescriptionItem label="Audience sizes">
        {sizes && sizes.audienceSizeBins.length > 0 ? (
          <ul className="flex flex-wrap gap-1.5">
            {[...sizes.audienceSizeBins]
              .sort((a, b) => a - b)
              .map((value) => (
                <li
                  key={value}
                  className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 tabular-nums"
                >
                  {formatAudienceSize({ type: sizes.audienceSizeType, value })}
                </li>
              ))}
          </ul>
        ) : (
          <NotSet>Not configured</NotSet>
        )}
      </DescriptionItem>
      <DescriptionItem label="Minimum seed match">
        {model.minMatchingSeedSize !== undefined ? (
          `${formatCount(model.minMatchingSeedSize)} users`
        ) : (
          <NotSet>Not set</NotSet>
        )}
      </DescriptionItem>
      <DescriptionItem label="Metrics">
        {shares
          ? "Shared: relevance scores and recall are shown"
          : "Not shared by the model's owner"}
      </DescriptionItem>
      <DescriptionItem label="Exports go to">
        <Mono>{model.outputConfig.destination.s3Destination.s3Uri}</Mono>
      </DescriptionItem>
      <DescriptionItem label="Model ARN">
        <Mono>{model.configuredAudienceModelArn}</Mono>
      </DescriptionItem>
    </DescriptionList>
  );
}

function Unreadable({ arn, error }: { arn: string; error: ActionError | undefined }) {
  const otherAccount =
    error?.code === "ResourceNotFoundException" || error?.code === "AccessDeniedException";
  return (
    <div className="space-y-2 text-sm">
      <p>
        <Mono>{arn}</Mono>
      </p>
      <p className="text-slate-600">
        {otherAccount
          ? "Your account cannot read this model's details: it belongs to another member of the collaboration."
          : `The model's details could not be read${error ? `: ${error.message}` : "."}`}
      </p>
    </div>
  );
}
