import "server-only";

import {
  GetCollaborationAnalysisTemplateCommand,
  GetCollaborationCommand,
  GetProtectedQueryCommand,
  paginateListCollaborationAnalysisTemplates,
  paginateListMembers,
  paginateListMemberships,
} from "@aws-sdk/client-cleanrooms";

import { cleanRooms } from "@/lib/aws-clients";

import { readCache, readScope, type CachedRead } from "./cache";

/**
 * Reads of AWS Clean Rooms (the collaboration service) through its official
 * client: the caller's memberships for the collaboration picker, a
 * collaboration's name and members' names for the IDs the pages show, its
 * analysis templates for the seed picker, and the protected query behind a
 * job. Each is an aid: a caller whose route fails falls back to typed IDs
 * (docs/ARCHITECTURE.md, "Names and pickers"). Cached for minutes
 * (`READ_TTL_MS.collaborations`).
 */

/** One active membership of the caller, by collaboration. */
export interface MembershipData {
  membershipId: string;
  /** The membership's ARN: its account is the caller's. */
  membershipArn: string;
  collaborationId: string;
  collaborationName: string;
  creatorAccountId: string;
  creatorDisplayName: string;
  memberAbilities: string[];
  /** CAN_RECEIVE_MODEL_OUTPUT, CAN_RECEIVE_INFERENCE_OUTPUT: what the caller may do with Clean Rooms ML. */
  mlMemberAbilities: string[];
}

async function loadMemberships(): Promise<MembershipData[]> {
  const out: MembershipData[] = [];
  for await (const page of paginateListMemberships(
    { client: cleanRooms(), pageSize: 100 },
    { status: "ACTIVE" },
  )) {
    for (const m of page.membershipSummaries ?? []) {
      out.push({
        membershipId: m.id ?? "",
        membershipArn: m.arn ?? "",
        collaborationId: m.collaborationId ?? "",
        collaborationName: m.collaborationName ?? m.collaborationId ?? "",
        creatorAccountId: m.collaborationCreatorAccountId ?? "",
        creatorDisplayName: m.collaborationCreatorDisplayName ?? "",
        memberAbilities: m.memberAbilities ?? [],
        mlMemberAbilities: m.mlMemberAbilities?.customMLMemberAbilities ?? [],
      });
    }
  }
  return out.sort((a, b) => a.collaborationName.localeCompare(b.collaborationName));
}

/** The caller's active memberships (ListMemberships, every page), by collaboration name. */
export function readMemberships(
  options: { fresh?: boolean } = {},
): Promise<CachedRead<MembershipData[]>> {
  return readCache().read({
    operation: "ListMemberships",
    input: { status: "ACTIVE" },
    scopes: [readScope.collaborations],
    load: loadMemberships,
    fresh: options.fresh,
  });
}

/** A collaboration's name and its members' display names. */
export interface CollaborationData {
  collaborationId: string;
  name: string;
  members: { accountId: string; displayName: string }[];
  /** The dashboard's own account: the member whose membership is the caller's. */
  callerAccountId?: string;
}

async function loadCollaboration(collaborationId: string): Promise<CollaborationData> {
  const [{ collaboration }, members] = await Promise.all([
    cleanRooms().send(new GetCollaborationCommand({ collaborationIdentifier: collaborationId })),
    (async () => {
      const out: (CollaborationData["members"][number] & { membershipId?: string })[] = [];
      for await (const page of paginateListMembers(
        { client: cleanRooms(), pageSize: 100 },
        { collaborationIdentifier: collaborationId },
      )) {
        for (const m of page.memberSummaries ?? []) {
          out.push({
            accountId: m.accountId ?? "",
            displayName: m.displayName ?? "",
            membershipId: m.membershipId,
          });
        }
      }
      return out;
    })(),
  ]);
  const caller = members.find(
    (m) => m.membershipId !== undefined && m.membershipId === collaboration?.membershipId,
  );
  return {
    collaborationId,
    name: collaboration?.name ?? collaborationId,
    members: members.map(({ accountId, displayName }) => ({ accountId, displayName })),
    callerAccountId: caller?.accountId,
  };
}

/** A collaboration's name (GetCollaboration) and members (ListMembers, every page). */
export function readCollaboration(
  collaborationId: string,
  options: { fresh?: boolean } = {},
): Promise<CachedRead<CollaborationData>> {
  return readCache().read({
    operation: "GetCollaboration+ListMembers",
    input: { collaborationId },
    scopes: [readScope.collaborations],
    load: () => loadCollaboration(collaborationId),
    fresh: options.fresh,
  });
}

export interface AnalysisTemplateSummaryData {
  arn: string;
  name: string;
  description?: string;
  collaborationId: string;
}

async function loadAnalysisTemplates(collaborationId: string) {
  const out: AnalysisTemplateSummaryData[] = [];
  for await (const page of paginateListCollaborationAnalysisTemplates(
    { client: cleanRooms(), pageSize: 100 },
    { collaborationIdentifier: collaborationId },
  )) {
    for (const t of page.collaborationAnalysisTemplateSummaries ?? []) {
      out.push({
        arn: t.arn ?? "",
        name: t.name ?? t.arn ?? "",
        description: t.description || undefined,
        collaborationId,
      });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** A collaboration's analysis templates (ListCollaborationAnalysisTemplates, every page), by name. */
export function readAnalysisTemplates(
  collaborationId: string,
  options: { fresh?: boolean } = {},
): Promise<CachedRead<AnalysisTemplateSummaryData[]>> {
  return readCache().read({
    operation: "ListCollaborationAnalysisTemplates",
    input: { collaborationId },
    scopes: [readScope.collaborations],
    load: () => loadAnalysisTemplates(collaborationId),
    fresh: options.fresh,
  });
}

export interface AnalysisTemplateData extends AnalysisTemplateSummaryData {
  format: string;
  /** The template's SQL, when the service returns it. */
  sql?: string;
  /** The parameters it declares; one without a default is required. */
  parameters: { name: string; type: string; defaultValue?: string }[];
}

async function loadAnalysisTemplate(
  collaborationId: string,
  arn: string,
): Promise<AnalysisTemplateData> {
  const { collaborationAnalysisTemplate: t } = await cleanRooms().send(
    new GetCollaborationAnalysisTemplateCommand({
      collaborationIdentifier: collaborationId,
      analysisTemplateArn: arn,
    }),
  );
  return {
    arn,
    name: t?.name ?? arn,
    description: t?.description || undefined,
    collaborationId,
    format: t?.format ?? "SQL",
    sql: t?.source?.text,
    parameters: (t?.analysisParameters ?? []).map((p) => ({
      name: p.name ?? "",
      type: p.type ?? "",
      ...(p.defaultValue === undefined ? {} : { defaultValue: p.defaultValue }),
    })),
  };
}

/** One analysis template of a collaboration, with its declared parameters and SQL. */
export function readAnalysisTemplate(
  collaborationId: string,
  arn: string,
  options: { fresh?: boolean } = {},
): Promise<CachedRead<AnalysisTemplateData>> {
  return readCache().read({
    operation: "GetCollaborationAnalysisTemplate",
    input: { collaborationId, arn },
    scopes: [readScope.collaborations],
    load: () => loadAnalysisTemplate(collaborationId, arn),
    fresh: options.fresh,
  });
}

export interface ProtectedQueryData {
  id: string;
  status: string;
  createTime?: string;
  statistics?: { totalDurationInMillis?: number; billedUnits?: number };
  error?: { code?: string; message?: string };
}

/** A ResourceNotFoundException of our own, shaped as the SDK's, when the caller has no membership of the collaboration. */
class NoMembershipError extends Error {
  override name = "ResourceNotFoundException";
  readonly $fault = "client";
  readonly $metadata = { httpStatusCode: 404 };
}

async function loadProtectedQuery(
  collaborationId: string,
  protectedQueryId: string,
): Promise<ProtectedQueryData> {
  const memberships = (await readMemberships()).data;
  const membership = memberships.find((m) => m.collaborationId === collaborationId);
  if (!membership) {
    throw new NoMembershipError(
      `The dashboard's account has no active membership of collaboration ${collaborationId}.`,
    );
  }
  const { protectedQuery: q } = await cleanRooms().send(
    new GetProtectedQueryCommand({
      membershipIdentifier: membership.membershipId,
      protectedQueryIdentifier: protectedQueryId,
    }),
  );
  return {
    id: q?.id ?? protectedQueryId,
    status: q?.status ?? "",
    createTime: q?.createTime?.toISOString(),
    statistics: q?.statistics && {
      totalDurationInMillis: q.statistics.totalDurationInMillis,
      billedUnits: q.statistics.billedResourceUtilization?.units,
    },
    error: q?.error && { code: q.error.code, message: q.error.message },
  };
}

/** The protected query a job's SQL seed ran as (GetProtectedQuery, in the caller's membership of the job's collaboration). */
export function readProtectedQuery(
  collaborationId: string,
  protectedQueryId: string,
  options: { fresh?: boolean } = {},
): Promise<CachedRead<ProtectedQueryData>> {
  return readCache().read({
    operation: "GetProtectedQuery",
    input: { collaborationId, protectedQueryId },
    scopes: [readScope.collaborations],
    load: () => loadProtectedQuery(collaborationId, protectedQueryId),
    fresh: options.fresh,
  });
}
