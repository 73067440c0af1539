"use client";

import { useQuery } from "@tanstack/react-query";
import { memo, useMemo } from "react";
import { useFormContext, useWatch, type Control } from "react-hook-form";

import { KeyValueRows } from "@/components/shared/key-value-rows";
import { configuredModelQuery } from "@/lib/queries/models";
import { STARTED_BY_TAG } from "@/lib/schemas/dashboard-tags";
import { jobTagCount, tagsBeyondForm, type TagsBeyondForm } from "@/lib/schemas/job-tags";
import { CONFIGURED_AUDIENCE_MODEL_ARN_PATTERN, TAGS_MAX } from "@/lib/schemas/limits";
import { filledRows } from "@/lib/schemas/rows";
import type { StartJobFormValues } from "@/lib/schemas/start-job-form";

/**
 * The tags the job will get beyond the form's: the chosen model's, when it
 * passes them on (read with the model's facts the picker shows), and the
 * dashboard's who-started-it tag when sign-in is on. Stable while they do not
 * change, so the form's resolver can depend on it.
 */
export function useTagsBeyondForm(
  control: Control<StartJobFormValues>,
  signedIn: boolean,
): { beyond: TagsBeyondForm; modelName?: string } {
  const arn = useWatch({ control, name: "configuredAudienceModelArn" });
  const model = useQuery({
    ...configuredModelQuery(arn),
    enabled: CONFIGURED_AUDIENCE_MODEL_ARN_PATTERN.test(arn),
  });
  const data = CONFIGURED_AUDIENCE_MODEL_ARN_PATTERN.test(arn) ? model.data : undefined;
  const key = JSON.stringify([data?.childResourceTagOnCreatePolicy, data?.tags, signedIn]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` is what the result depends on
  const beyond = useMemo(() => tagsBeyondForm(data, signedIn), [key]);
  return { beyond, modelName: data?.name };
}

/** The form's tags, after the ones the job gets without them, all counted toward the limit. */
export const JobTagRows = memo(function JobTagRows({
  beyond,
  modelName,
}: {
  beyond: TagsBeyondForm;
  modelName?: string;
}) {
  const { control } = useFormContext<StartJobFormValues>();
  const keys = filledRows(useWatch({ control, name: "tags" }) ?? []).map((row) => row.key);
  const count = jobTagCount(keys, beyond);
  return (
    <KeyValueRows<StartJobFormValues>
      name="tags"
      legend="Tags"
      noun="tag"
      max={TAGS_MAX}
      alsoCounted={count.inherited + count.dashboard}
      keyPlaceholder="team"
      valuePlaceholder="growth"
      description="Labels such as team = growth. Keys are case-sensitive, unique, and may not start with aws:."
    >
      <TagsBeyondFormList beyond={beyond} modelName={modelName} />
    </KeyValueRows>
  );
});

/** The tags the job will carry without being typed here, shown above the form's own. */
function TagsBeyondFormList({ beyond, modelName }: { beyond: TagsBeyondForm; modelName?: string }) {
  const inherited = Object.entries(beyond.inherited);
  if (inherited.length === 0 && beyond.dashboard.length === 0) return null;
  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2.5 text-xs text-slate-600">
      {inherited.length > 0 && (
        <div>
          <p>
            The job will also carry {inherited.length === 1 ? "this tag" : "these tags"} from the
            model{modelName ? ` “${modelName}”` : ""}, which passes its tags on to the jobs it
            starts. A tag with the same key below replaces it.
          </p>
          <ul aria-label="Tags from the model" className="mt-1.5 flex flex-wrap gap-1.5">
            {inherited.map(([key, value]) => (
              <li
                key={key}
                className="max-w-full rounded-md bg-white px-2 py-1 break-all text-slate-800 ring-1 ring-slate-200 ring-inset"
              >
                <span className="font-medium">{key}</span>
                {value !== "" && <span className="text-slate-600"> = {value}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {beyond.dashboard.includes(STARTED_BY_TAG) && (
        <p>
          The dashboard adds <span className="font-mono text-slate-800">{STARTED_BY_TAG}</span> to
          record who started the job.
        </p>
      )}
    </div>
  );
}
