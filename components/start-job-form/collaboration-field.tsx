"use client";

import { useQuery } from "@tanstack/react-query";
import { memo, useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";

import { collaborationQuery, membershipsQuery } from "@/lib/queries/collaborations";
import type { MembershipData } from "@/lib/reads/collaborations";
import { UUID_PATTERN } from "@/lib/schemas/limits";
import type { StartJobFormValues } from "@/lib/schemas/start-job-form";

import { controlId } from "./form-helpers";
import {
  PickerChoices,
  PickerMessage,
  PickerPanel,
  PickerToggle,
  PickerUnavailable,
} from "./picker";
import { TextField } from "./text-field";

const FIELD = "collaborationId";

/**
 * The collaboration: typed as a UUID, or picked from the caller's active
 * memberships by name. A typed ID is named once the memberships are known,
 * and one that is not among them is pointed out (the service decides).
 */
export const CollaborationField = memo(function CollaborationField() {
  const { control, setValue, setFocus } = useFormContext<StartJobFormValues>();
  const value = useWatch({ control, name: FIELD });
  const [open, setOpen] = useState(false);
  const typed = UUID_PATTERN.test(value);
  const memberships = useQuery({ ...membershipsQuery(), enabled: typed });
  const known = memberships.data?.find((m) => m.collaborationId === value);
  const panelId = `${controlId(FIELD)}-picker`;

  function choose(collaborationId: string) {
    setValue(FIELD, collaborationId, {
      shouldDirty: true,
      shouldTouch: true,
      shouldValidate: true,
    });
    setOpen(false);
    setFocus(FIELD);
  }

  return (
    <div className="space-y-2">
      <TextField
        name={FIELD}
        label="Collaboration ID"
        optional
        monospace
        placeholder="<collaboration-id>"
        description="The Clean Rooms collaboration this job belongs to: pick it by name, or type its ID (a lowercase UUID, as shown on the collaboration's page)."
      />
      <div aria-live="polite" className="text-sm">
        {known && (
          <p className="text-slate-700">
            <span className="font-medium">{known.collaborationName}</span>
            <span className="text-slate-500"> · created by {known.creatorDisplayName}</span>
          </p>
        )}
        {typed && memberships.isSuccess && !known && (
          <p className="text-red-700">
            This ID is not one of your active collaborations: check it, or pick one from the list.
          </p>
        )}
      </div>
      <PickerToggle open={open} onToggle={() => setOpen((o) => !o)} panelId={panelId}>
        Choose from your collaborations
      </PickerToggle>
      {open && <CollaborationPicker id={panelId} current={value} onChoose={choose} />}
    </div>
  );
});

/** Member abilities in a marketer's words. */
const ABILITY_LABELS: Record<string, string> = {
  CAN_QUERY: "query",
  CAN_RECEIVE_RESULTS: "receive results",
  CAN_RUN_JOB: "run jobs",
  CAN_RECEIVE_MODEL_OUTPUT: "receive model output",
  CAN_RECEIVE_INFERENCE_OUTPUT: "receive audiences",
};

export function abilitiesOf(membership: MembershipData): string {
  const plain = membership.memberAbilities.map((a) => ABILITY_LABELS[a] ?? a);
  const ml = membership.mlMemberAbilities.map((a) => ABILITY_LABELS[a] ?? a);
  return [
    plain.length > 0 ? `You can ${plain.join(", ")}` : "No query abilities",
    ml.length > 0 ? `ML: ${ml.join(", ")}` : "no ML abilities",
  ].join(" · ");
}

/** The caller's active memberships (ListMemberships), by collaboration name, with their abilities. */
function CollaborationPicker({
  id,
  current,
  onChoose,
}: {
  id: string;
  current: string;
  onChoose: (collaborationId: string) => void;
}) {
  const memberships = useQuery(membershipsQuery());
  return (
    <PickerPanel id={id} label="Your collaborations">
      {memberships.isPending ? (
        <PickerMessage>Loading your collaborations…</PickerMessage>
      ) : memberships.isError ? (
        <PickerUnavailable
          error={memberships.error}
          what="Your collaborations"
          permission="cleanrooms:ListMemberships"
        />
      ) : memberships.data.length === 0 ? (
        <PickerMessage>
          You are not an active member of any collaboration in this account and region.
        </PickerMessage>
      ) : (
        <PickerChoices
          label="Your collaborations"
          current={current}
          onChoose={onChoose}
          choices={memberships.data.map((m) => ({
            value: m.collaborationId,
            title: m.collaborationName,
            details: (
              <>
                <CallerMemberName collaborationId={m.collaborationId} />
                Created by {m.creatorDisplayName} · {abilitiesOf(m)}
                <span className="block font-mono break-all">{m.collaborationId}</span>
              </>
            ),
          }))}
        />
      )}
    </PickerPanel>
  );
}

/** "You are <member name>" in a collaboration, once its members are read (nothing when they cannot be). */
function CallerMemberName({ collaborationId }: { collaborationId: string }) {
  const collaboration = useQuery(collaborationQuery(collaborationId));
  const data = collaboration.data;
  const self = data?.members.find((m) => m.accountId === data.callerAccountId);
  return self ? <span className="block text-slate-700">You are {self.displayName}</span> : null;
}
