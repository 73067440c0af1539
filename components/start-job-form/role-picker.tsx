"use client";

import { useQuery } from "@tanstack/react-query";

import { recentRolesQuery, seedRolesQuery } from "@/lib/queries/collaborations";

import {
  PickerChoices,
  PickerMessage,
  PickerPanel,
  PickerUnavailable,
  type PickerChoice,
} from "./picker";

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
export function RolePicker({
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
