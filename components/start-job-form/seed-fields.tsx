"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormContext, useWatch } from "react-hook-form";

import { KeyValueRows } from "@/components/shared/key-value-rows";
import { formatCount } from "@/lib/format";
import { configuredModelQuery } from "@/lib/queries/models";
import {
  CONFIGURED_AUDIENCE_MODEL_ARN_PATTERN,
  QUERY_STRING_MAX_LENGTH,
  SEED_USERS_MAX,
  SEED_USERS_MIN,
} from "@/lib/schemas/limits";
import type { SeedSource, StartJobFormValues } from "@/lib/schemas/start-job-form";

import {
  requiredParameterNames,
  useDeclaredParameters,
  type StartJobFormContext,
} from "./declared-parameters";
import { controlId } from "./form-helpers";
import { RadioCardField } from "./radio-card-field";
import { RoleField } from "./role-field";
import { SeedTools } from "./seed-tools";
import { SqlParameterCheck } from "./sql-parameter-check";
import { TemplateField } from "./template-field";
import { TextField } from "./text-field";

/** The three seed sources, in the words a marketer knows them by. */
const SEED_SOURCE_CHOICES: { value: SeedSource; label: string; description: string }[] = [
  {
    value: "S3",
    label: "S3 file",
    description: "A JSON Lines file in Amazon S3 with one user per line.",
  },
  {
    value: "SQL_QUERY",
    label: "SQL query",
    description: "A query you write, run as a protected query on your collaboration's data.",
  },
  {
    value: "ANALYSIS_TEMPLATE",
    label: "Analysis template",
    description: "A query your collaboration already approved, with its parameters filled in.",
  },
];

const SEED_SIZE = `A seed holds ${formatCount(SEED_USERS_MIN)} to ${formatCount(SEED_USERS_MAX)} unique user IDs.`;

/** Where the seed audience comes from, the fields of that source, the role that reads it, and whether it is returned. */
export function SeedFields() {
  const { control } = useFormContext<StartJobFormValues>();
  const source = useWatch({ control, name: "seedSource" });

  return (
    <div className="space-y-6">
      <RadioCardField
        name="seedSource"
        legend="Seed audience source"
        hint={`Your seed is the group of customers the new audience should resemble. ${SEED_SIZE}`}
        choices={SEED_SOURCE_CHOICES}
        columns={3}
      />

      {source === "S3" && (
        <div className="space-y-3">
          <TextField
            name="s3Uri"
            label="S3 URI"
            placeholder="s3://<bucket>/<folder>/<file>.jsonl"
            monospace
            description={
              <>
                The file holds one JSON object per line, each with a <code>user_id</code>:{" "}
                <code className="whitespace-nowrap">{'{"user_id": "111111"}'}</code>.
              </>
            }
          />
          <SeedTools />
        </div>
      )}

      {source === "SQL_QUERY" && (
        <>
          <TextField
            name="queryString"
            label="SQL query text"
            multiline
            rows={7}
            monospace
            maxLength={QUERY_STRING_MAX_LENGTH}
            placeholder={"SELECT user_id\nFROM customers\nWHERE lifetime_value > :min_value"}
            description="Runs as a protected query in your collaboration. Each row it returns is one seed user. Refer to a parameter below as :name."
          />
          <KeyValueRows<StartJobFormValues>
            name="parameters"
            legend="Query parameters"
            noun="parameter"
            keyLabel="Name"
            keyPlaceholder="min_value"
            valuePlaceholder="1000"
            monospace
            description="Values the query reads by name. Names use letters, digits and underscores."
          />
          <SqlParameterCheck />
        </>
      )}

      {source === "ANALYSIS_TEMPLATE" && (
        <>
          <TemplateField />
          <TemplateParameterRows />
        </>
      )}

      <RoleField source={source} />

      <IncludeSeedField />
    </div>
  );
}

/**
 * The template's parameter rows, labelled from the template's declaration
 * (`requiredParameterNames`, the rule the checks use too): optional only when
 * the template gives every parameter a default.
 */
function TemplateParameterRows() {
  const { control } = useFormContext<StartJobFormValues, StartJobFormContext>();
  const declared = useDeclaredParameters(control);
  const required = declared ? requiredParameterNames(declared) : undefined;
  const others = declared && required ? declared.parameters.length - required.length : 0;
  const description =
    required === undefined
      ? "Values for the parameters the template declares, by name. One the template gives a default may be left out; one without a default is required."
      : required.length === 0
        ? "Values for the parameters the template declares, by name. Every one has a default: a parameter left out takes it."
        : `The template requires ${required.join(", ")} (no default).${
            others > 0 ? " The others take the template's default when left out." : ""
          }`;
  return (
    <KeyValueRows<StartJobFormValues>
      name="parameters"
      legend="Template parameters"
      optional={required?.length === 0}
      noun="parameter"
      keyLabel="Name"
      valuePlaceholder="Value for this job"
      monospace
      description={description}
    />
  );
}

function IncludeSeedField() {
  const { control, register } = useFormContext<StartJobFormValues>();
  const modelArn = useWatch({ control, name: "configuredAudienceModelArn" });
  const model = useQuery({
    ...configuredModelQuery(modelArn),
    enabled: CONFIGURED_AUDIENCE_MODEL_ARN_PATTERN.test(modelArn),
  });
  const minimum = model.data?.minMatchingSeedSize;
  const id = controlId("includeSeedInOutput");
  return (
    <div className="flex gap-3">
      <input
        {...register("includeSeedInOutput")}
        id={id}
        type="checkbox"
        aria-describedby={`${id}-description`}
        className="relative z-10 mt-0.5 size-4 shrink-0 accent-indigo-600"
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          Include seed users in the output
        </label>
        <p id={`${id}-description`} className="mt-0.5 text-xs text-slate-500">
          Off by default: the service leaves your seed users out of the generated audience. When on,
          they are put first in the output, so whoever receives the audience will know that its
          first{" "}
          {minimum !== undefined
            ? `${formatCount(minimum)} users`
            : "users (as many as the model's minimum matching seed size)"}{" "}
          come from your seed.
        </p>
      </div>
    </div>
  );
}
