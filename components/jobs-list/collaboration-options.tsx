"use client";

import { useQuery } from "@tanstack/react-query";

import { membershipsQuery } from "@/lib/queries/collaborations";

/**
 * The caller's collaborations as suggestions for the list's collaboration
 * filter: a native datalist, so the field stays typeable and nothing shows
 * when ListMemberships is not allowed. Read once the field is first focused.
 */
export function CollaborationOptions({ id, wanted }: { id: string; wanted: boolean }) {
  const memberships = useQuery({ ...membershipsQuery(), enabled: wanted });
  const list = Array.isArray(memberships.data) ? memberships.data : [];
  return (
    <datalist id={id}>
      {list.map((m) => (
        <option key={m.collaborationId} value={m.collaborationId} label={m.collaborationName} />
      ))}
    </datalist>
  );
}
