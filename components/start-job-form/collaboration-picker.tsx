"use client";

import { useQuery } from "@tanstack/react-query";

import { membershipsQuery } from "@/lib/queries/collaborations";
import type { MembershipData } from "@/lib/reads/collaborations";

import { PickerChoices, PickerMessage, PickerPanel, PickerUnavailable } from "./picker";

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
export function CollaborationPicker({
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
