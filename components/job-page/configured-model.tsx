import { Card } from "@/components/ui/card";
import type { ActionError } from "@/lib/action-result";
import { formatAbsolute, formatAudienceSize, formatCount } from "@/lib/format";
import { policyInWords } from "@/lib/model-policy";
import type {
  AudienceModelFacts,
  ConfiguredModelData,
  ModelOwnerData,
  ReadableModelData,
  UnreadableModelData,
} from "@/lib/reads/models";

import { DescriptionItem, DescriptionList, Mono, NotSet } from "./description-list";
import { MODEL_SECTION_ID } from "./job-details";

/**
 * The configured audience model the job used: by its association's name and
 * owner when it reached the job through a collaboration, then its sizes, seed
 * minimum, metrics sharing and resource policy where the account may read
 * them; a partner's model says plainly what its owner keeps to itself
 * (docs/ARCHITECTURE.md, "Two accounts").
 */
export function ConfiguredModel({
  arn,
  model,
  error,
  now = new Date(),
}: {
  arn: string;
  model: ConfiguredModelData | undefined;
  error: ActionError | undefined;
  /** The moment the model's age is counted to (injected by tests). */
  now?: Date;
}) {
  return (
    <Card
      id={MODEL_SECTION_ID}
      title="Configured audience model"
      description={
        model && (
          <span className="font-medium text-slate-700">
            {model.association?.associationName ?? model.name ?? arn}
          </span>
        )
      }
    >
      {model ? (
        model.readable === false ? (
          <PartnerModelFacts model={model} />
        ) : (
          <ModelFacts model={model} now={now} />
        )
      ) : (
        <Unreadable arn={arn} error={error} />
      )}
    </Card>
  );
}

/** "Example Streaming (444455556666), partner's" or "AnyCompany Retail (111122223333), yours". */
export function ownerInWords(owner: ModelOwnerData): string {
  const who = owner.memberName
    ? `${owner.memberName} (${owner.accountId})`
    : `Account ${owner.accountId}`;
  return `${who}, ${owner.yours ? "yours" : "partner's"}`;
}

/** Where the model reached the job from: its association and owner. */
function AssociationItems({ model }: { model: ConfiguredModelData }) {
  const { association, owner } = model;
  return (
    <>
      {association && (
        <DescriptionItem label="Shared as">
          {association.associationName}
          <span className="block text-xs text-slate-500">
            In the collaboration {association.collaborationName}
          </span>
        </DescriptionItem>
      )}
      {owner && <DescriptionItem label="Owner">{ownerInWords(owner)}</DescriptionItem>}
    </>
  );
}

/** A partner's model: what its association says, and what its owner shares only through results. */
function PartnerModelFacts({ model }: { model: UnreadableModelData }) {
  const owner = model.owner.memberName ?? `account ${model.owner.accountId}`;
  return (
    <DescriptionList>
      <AssociationItems model={model} />
      {model.description && (
        <DescriptionItem label="Description">{model.description}</DescriptionItem>
      )}
      <DescriptionItem label="Sizes and seed minimum">
        The model&apos;s owner, {owner}, shares its audience sizes, minimum seed size and output
        location only through its results: the job&apos;s relevance metrics name the sizes it
        scored, when the owner shares metrics.
      </DescriptionItem>
      <DescriptionItem label="Training">
        The model&apos;s owner, {owner}, does not share when the model was trained or on which data,
        so its age cannot be shown here.
      </DescriptionItem>
      <DescriptionItem label="Model ARN">
        <Mono>{model.configuredAudienceModelArn}</Mono>
      </DescriptionItem>
    </DescriptionList>
  );
}

/** AWS recommends retraining a lookalike model weekly: it is never retrained by itself. */
export const MODEL_RETRAIN_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `from` to `now`. */
export const ageInDays = (from: string, now: Date) =>
  Math.max(0, Math.floor((now.getTime() - new Date(from).getTime()) / DAY_MS));

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

/** The audience model's age and training window, with a warning past a week. */
function Training({ facts, now }: { facts: AudienceModelFacts | undefined; now: Date }) {
  if (!facts) {
    return (
      <NotSet>
        Not readable: allowing cleanrooms-ml:GetAudienceModel to the dashboard&apos;s AWS role would
        show when the model was trained.
      </NotSet>
    );
  }
  const age = ageInDays(facts.createTime, now);
  const stale = age > MODEL_RETRAIN_DAYS;
  const day = (iso: string) => iso.slice(0, 10);
  return (
    <div className="space-y-1">
      <p data-testid="model-age">
        Trained {age === 0 ? "today" : `${days(age)} ago`} (
        {formatAbsolute(facts.createTime, "UTC")})
      </p>
      {facts.trainingDataStartTime && facts.trainingDataEndTime && (
        <p className="text-xs text-slate-600">
          On data from {day(facts.trainingDataStartTime)} to {day(facts.trainingDataEndTime)}
        </p>
      )}
      {stale && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Older than {days(MODEL_RETRAIN_DAYS)}. AWS recommends retraining a lookalike model weekly,
          since it is never retrained by itself: an older model may miss recent behaviour. Retrain
          it (a new audience model from fresh training data) before relying on new audiences.
        </p>
      )}
    </div>
  );
}

function ModelFacts({ model, now }: { model: ReadableModelData; now: Date }) {
  const sizes = model.audienceSizeConfig;
  const shares = !model.sharedAudienceMetrics.includes("NONE");
  const policy = model.policy && policyInWords(model.policy);
  return (
    <DescriptionList>
      <AssociationItems model={model} />
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
      <DescriptionItem label="Training">
        <Training facts={model.audienceModel} now={now} />
      </DescriptionItem>
      <DescriptionItem label="Exports go to">
        <Mono>{model.outputConfig.destination.s3Destination.s3Uri}</Mono>
      </DescriptionItem>
      {policy && (
        <DescriptionItem label="Who may use it">
          <ul className="space-y-1">
            {policy.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
          <span className="block text-xs text-slate-500">
            The model&apos;s resource policy: other accounts may do only what it allows.
          </span>
        </DescriptionItem>
      )}
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
