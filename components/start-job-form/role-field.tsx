"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";

import { recentRolesQuery, seedRolesQuery } from "@/lib/queries/collaborations";
import type { SeedSource, StartJobFormValues } from "@/lib/schemas/start-job-form";

import { controlId } from "./form-helpers";
import {
  PickerChoices,
  PickerMessage,
  PickerPanel,
  PickerToggle,
  PickerUnavailable,
  type PickerChoice,
} from "./picker";
import { TextField } from "./text-field";

const FIELD = "roleArn";

/** The seed's IAM role: typed as an ARN, or picked from roles used before and roles that trust Clean Rooms ML. */
export function RoleField({ source }: { source: SeedSource }) {
  const { control, setValue, setFocus } = useFormContext<StartJobFormValues>();
  const value = useWatch({ control, name: FIELD });
  const [open, setOpen] = useState(false);
  const panelId = `${controlId(FIELD)}-picker`;

  function choose(roleArn: string) {
    setValue(FIELD, roleArn, { shouldDirty: true, shouldTouch: true, shouldValidate: true });
    setOpen(false);
    setFocus(FIELD);
  }

  return (
    <div className="space-y-2">
      <TextField
        name={FIELD}
        label="IAM role ARN"
        monospace
        placeholder="arn:aws:iam::<account>:role/<role-name>"
        description={
          source === "S3"
            ? "A role Clean Rooms ML can assume to read the seed file from its S3 bucket."
            : "A role Clean Rooms ML can assume to run the query and read its results."
        }
      />
      <PickerToggle open={open} onToggle={() => setOpen((o) => !o)} panelId={panelId}>
        Choose a role
      </PickerToggle>
      {open && <RolePicker id={panelId} current={value} onChoose={choose} />}
    </div>
  );
}

/** A role as IAM paths read: `service-role/Name` (the path lighter), or just `Name` at the root path. */
const titleOf = (path: string, name: string) => (
  <>
    {path !== "/" && <span className="font-normal text-slate-500">{path.slice(1)}</span>}
    {name}
  </>
);

/** `arn:aws:iam::111122223333:role/service-role/Name` → path `/service-role/`, name `Name`. */
function partsOf(arn: string): { path: string; name: string } {
  const resource = arn.slice(arn.indexOf(":role/") + ":role".length);
  const slash = resource.lastIndexOf("/");
  return { path: resource.slice(0, slash + 1), name: resource.slice(slash + 1) };
}

/**
 * Roles for the seed: those the newest jobs used first, then the IAM roles
 * whose trust policy lets cleanrooms-ml.amazonaws.com assume them
 * (ListRoles), by name with their path. Either list failing leaves the other.
 */
function RolePicker({
  id,
  current,
  onChoose,
}: {
  id: string;
  current: string;
  onChoose: (roleArn: string) => void;
}) {
  const recent = useQuery(recentRolesQuery());
  const trusted = useQuery(seedRolesQuery());
  const recentArns = recent.data ?? [];
  const choices: PickerChoice[] = [
    ...recentArns.map((arn) => {
      const role = trusted.data?.find((r) => r.arn === arn);
      const { path, name } = role ?? partsOf(arn);
      return {
        value: arn,
        title: titleOf(path, name),
        badge: "Used before",
        details: role?.description,
      };
    }),
    ...(trusted.data ?? [])
      .filter((r) => !recentArns.includes(r.arn))
      .map((r) => ({
        value: r.arn,
        title: titleOf(r.path, r.name),
        details: r.description,
      })),
  ];
  return (
    <PickerPanel id={id} label="Roles">
      {choices.length > 0 && (
        <PickerChoices label="Roles" current={current} onChoose={onChoose} choices={choices} />
      )}
      {(recent.isPending || trusted.isPending) && <PickerMessage>Loading roles…</PickerMessage>}
      {trusted.isError && (
        <PickerUnavailable
          error={trusted.error}
          what="Roles that trust Clean Rooms ML"
          permission="iam:ListRoles"
        />
      )}
      {trusted.isSuccess && recent.isSuccess && choices.length === 0 && (
        <PickerMessage>
          No role of this account trusts cleanrooms-ml.amazonaws.com yet: create one in IAM, then
          type its ARN.
        </PickerMessage>
      )}
    </PickerPanel>
  );
}
