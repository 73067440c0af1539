"use client";

import { useQuery } from "@tanstack/react-query";

import { collaborationQuery, membershipsQuery } from "@/lib/queries/collaborations";
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
