"use client";

import { useQuery } from "@tanstack/react-query";

import {
  analysisTemplateQuery,
  collaborationQuery,
  membershipsQuery,
} from "@/lib/queries/collaborations";
import { UUID_PATTERN } from "@/lib/schemas/limits";

/**
 * Names for the IDs the service gives: a collaboration's name and its
 * members' display names (GetCollaboration and ListMembers, read once per
 * collaboration and kept for minutes, however many rows show them). Until the
 * names are known, or when they cannot be read, the IDs show as before.
 */
function useCollaboration(collaborationId: string | undefined) {
  const valid = collaborationId !== undefined && UUID_PATTERN.test(collaborationId);
  return useQuery({ ...collaborationQuery(collaborationId ?? ""), enabled: valid });
}

/** Who started a job: "You" for the dashboard's own account, else the member's display name; the account ID on hover. */
export function memberLabel(
  data:
    { members: { accountId: string; displayName: string }[]; callerAccountId?: string } | undefined,
  accountId: string,
): string | undefined {
  if (!data) return undefined;
  if (data.callerAccountId === accountId) return "You";
  return data.members.find((m) => m.accountId === accountId)?.displayName;
}

export function MemberName({
  collaborationId,
  accountId,
  fallback,
}: {
  collaborationId: string | undefined;
  accountId: string;
  /** Shown while the name is not known (by default, the account ID). */
  fallback?: React.ReactNode;
}) {
  const collaboration = useCollaboration(collaborationId);
  // A job of no collaboration: only "You" can be told, from the caller's memberships' ARNs.
  const memberships = useQuery({
    ...membershipsQuery(),
    enabled: !collaborationId,
  });
  const callerAccountId = Array.isArray(memberships.data)
    ? memberships.data[0]?.membershipArn.split(":")[4]
    : undefined;
  const name = collaborationId
    ? memberLabel(collaboration.data, accountId)
    : callerAccountId === accountId
      ? "You"
      : undefined;
  if (name) return <span title={`AWS account ${accountId}`}>{name}</span>;
  return (
    <>
      {fallback !== undefined ? (
        fallback
      ) : (
        <span className="font-mono text-xs" title="AWS account that started the job">
          {accountId}
        </span>
      )}
    </>
  );
}

export function CollaborationName({
  collaborationId,
  fallback,
}: {
  collaborationId: string;
  /** Shown while the name is not known (by default, the ID). */
  fallback?: React.ReactNode;
}) {
  const collaboration = useCollaboration(collaborationId);
  return collaboration.data ? (
    <span title={`Collaboration ${collaborationId}`}>{collaboration.data.name}</span>
  ) : (
    <>{fallback ?? <span className="font-mono text-xs">{collaborationId}</span>}</>
  );
}

/** An analysis template's name (GetCollaborationAnalysisTemplate, kept for minutes); nothing until known. */
export function AnalysisTemplateName({
  collaborationId,
  arn,
}: {
  collaborationId: string | undefined;
  arn: string;
}) {
  const valid = collaborationId !== undefined && UUID_PATTERN.test(collaborationId);
  const template = useQuery({
    ...analysisTemplateQuery(collaborationId ?? "", arn),
    enabled: valid,
  });
  return template.data?.name ? (
    <span className="block font-medium">{template.data.name}</span>
  ) : null;
}
