"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";

import {
  PickerChoices,
  PickerMessage,
  PickerPanel,
  PickerToggle,
  PickerUnavailable,
} from "@/components/start-job-form/picker";
import { SCHEDULER_PRINCIPAL, type ScheduleFormValues } from "@/lib/schemas/schedule";

import { scheduleControlId, ScheduleTextField } from "./fields";
import { schedulerRolesQuery } from "./queries";

/**
 * The role EventBridge Scheduler assumes to start each run: typed as an ARN
 * or picked from the roles that trust scheduler.amazonaws.com, with what the
 * role needs said beside it.
 */
export function SchedulerRoleField({ seedRoleArn }: { seedRoleArn: string }) {
  const { control, setValue, setFocus } = useFormContext<ScheduleFormValues>();
  const value = useWatch({ control, name: "roleArn" });
  const [open, setOpen] = useState(false);
  const panelId = `${scheduleControlId("roleArn")}-picker`;
  // Read with the form (its rules refuse a role that is not in the list), shown on request.
  const roles = useQuery(schedulerRolesQuery());

  function choose(roleArn: string) {
    setValue("roleArn", roleArn, { shouldDirty: true, shouldTouch: true, shouldValidate: true });
    setOpen(false);
    setFocus("roleArn");
  }

  return (
    <div className="space-y-3">
      <ScheduleTextField
        name="roleArn"
        label="Role EventBridge Scheduler assumes"
        monospace
        placeholder="arn:aws:iam::111122223333:role/AudienceScheduler"
        description={`It must trust ${SCHEDULER_PRINCIPAL}.`}
      />
      <PickerToggle open={open} onToggle={() => setOpen((o) => !o)} panelId={panelId}>
        Choose a role
      </PickerToggle>
      {open && (
        <PickerPanel id={panelId} label="Roles that trust EventBridge Scheduler">
          {roles.data && roles.data.length > 0 && (
            <PickerChoices
              label="Roles that trust EventBridge Scheduler"
              current={value}
              onChoose={choose}
              choices={roles.data.map((role) => ({
                value: role.arn,
                title: (
                  <>
                    {role.path !== "/" && (
                      <span className="font-normal text-slate-500">{role.path.slice(1)}</span>
                    )}
                    {role.name}
                  </>
                ),
                details: role.description,
              }))}
            />
          )}
          {roles.isPending && <PickerMessage>Loading roles…</PickerMessage>}
          {roles.isError && (
            <PickerUnavailable
              error={roles.error}
              what="Roles that trust EventBridge Scheduler"
              permission="iam:ListRoles"
            />
          )}
          {roles.isSuccess && roles.data.length === 0 && (
            <PickerMessage>
              No role of this account trusts {SCHEDULER_PRINCIPAL} yet: create one in IAM (see what
              it needs below), then type its ARN.
            </PickerMessage>
          )}
        </PickerPanel>
      )}
      <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2.5 text-xs text-slate-700">
        <p className="font-medium text-slate-800">What the role needs</p>
        <ul className="mt-1 list-inside list-disc space-y-0.5">
          <li>
            A trust policy that lets <code>{SCHEDULER_PRINCIPAL}</code> assume it.
          </li>
          <li>
            <code>cleanrooms-ml:StartAudienceGenerationJob</code>.
          </li>
          <li>
            <code>iam:PassRole</code> on the seed role
            {seedRoleArn ? (
              <>
                {" "}
                <code className="break-all">{seedRoleArn}</code>
              </>
            ) : null}
            , which each run hands to Clean Rooms ML.
          </li>
        </ul>
        <p className="mt-1">
          Without them the schedule still fires but starts nothing: its page then shows the run as
          missed.
        </p>
      </div>
    </div>
  );
}
