/**
 * The AWS Clean Rooms (collaboration service, 2022-02-17) operations the
 * dashboard calls, with the routes, shapes and error types of that API's
 * model (docs/ARCHITECTURE.md, "Names and pickers"): the caller's memberships, a
 * collaboration and its members, its analysis templates, and the protected
 * query behind a job with a SQL seed. Collaborations, members and templates
 * are the fixed demo data (demo/collaborations.ts); a protected query is the
 * one a job with a SQL seed ran, so its status follows the job's.
 */
import { createHash } from "node:crypto";

import { crpuHours, DEFAULT_WORKER } from "../../lib/costs";
import type { DemoModelAssociation } from "../demo/catalog";
import {
  collaborationArnOf,
  DEMO_COLLABORATIONS,
  membershipArnOf,
  type DemoCollaboration,
  type DemoMember,
} from "../demo/collaborations";
import { accessDenied, notFound, validationError } from "../http";
import { ACCOUNT_ID, accountOf, REGION } from "../identity";
import type { GenerationJobRow } from "../store";
import type { Operation } from "./context";

/** The model's UUID pattern (CollaborationIdentifier, MembershipIdentifier, …), 36 characters. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** AnalysisTemplateArn. */
const ANALYSIS_TEMPLATE_ARN =
  /^arn:aws[-a-z]*:cleanrooms:[\w]{2}-[\w]{4,9}-[\d]:[\d]{12}:membership\/[\d\w-]+\/analysistemplate\/[\d\w-]+$/;
/** MaxResults: 1 to 100. */
const MAX_RESULTS_MAX = 100;

/** restJson1's default timestamp format: epoch seconds. */
const epochSeconds = (ms: number) => ms / 1000;

function uuidLabel(field: string, value: string): string {
  if (!UUID.test(value)) {
    throw validationError(
      `${field}: must be a 36-character lowercase UUID (the model's pattern [0-9a-f]{8}-…), got "${value}"`,
    );
  }
  return value;
}

/** One page of a fixed list: nextToken is the position of the next item. */
function pageOf<T>(list: string, items: readonly T[], query: URLSearchParams) {
  const max = query.get("maxResults");
  let limit = MAX_RESULTS_MAX;
  if (max !== null) {
    limit = Number(max);
    if (!/^\d+$/.test(max) || limit < 1 || limit > MAX_RESULTS_MAX) {
      throw validationError(`maxResults: must be an integer from 1 to ${MAX_RESULTS_MAX}`);
    }
  }
  let start = 0;
  const token = query.get("nextToken");
  if (token !== null) {
    const decoded = /^(\w+):(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
    if (!decoded || decoded[1] !== list) {
      throw validationError("nextToken: is not a token this list returned");
    }
    start = Number(decoded[2]);
  }
  const end = start + limit;
  return {
    items: items.slice(start, end),
    nextToken:
      end < items.length ? Buffer.from(`${list}:${end}`, "utf8").toString("base64url") : undefined,
  };
}

const memberOf = (collaboration: DemoCollaboration, account: string): DemoMember | undefined =>
  collaboration.members.find((m) => m.accountId === account);

const creatorOf = (collaboration: DemoCollaboration): DemoMember =>
  collaboration.members.find((m) => m.accountId === collaboration.creatorAccountId)!;

/** A collaboration the caller is a member of; ResourceNotFoundException otherwise. */
function memberCollaboration(
  id: string,
  account: string,
): DemoCollaboration & { self: DemoMember } {
  uuidLabel("collaborationIdentifier", id);
  const collaboration = DEMO_COLLABORATIONS.find((c) => c.id === id);
  const self = collaboration && memberOf(collaboration, account);
  if (!collaboration || !self) {
    throw notFound(`Collaboration ${id} does not exist or the caller is not a member of it.`);
  }
  return { ...collaboration, self };
}

function membershipSummary(collaboration: DemoCollaboration, self: DemoMember) {
  const creator = creatorOf(collaboration);
  return {
    id: self.membershipId,
    arn: membershipArnOf(self.accountId, self.membershipId),
    collaborationArn: collaborationArnOf(collaboration.creatorAccountId, collaboration.id),
    collaborationId: collaboration.id,
    collaborationCreatorAccountId: collaboration.creatorAccountId,
    collaborationCreatorDisplayName: creator.displayName,
    collaborationName: collaboration.name,
    createTime: epochSeconds(collaboration.createTime),
    updateTime: epochSeconds(collaboration.createTime),
    status: "ACTIVE",
    memberAbilities: self.abilities,
    mlMemberAbilities: { customMLMemberAbilities: self.mlAbilities },
    paymentConfiguration: { queryCompute: { isResponsible: self.paysForQueries } },
  };
}

/** The caller's own membership of that ID; ResourceNotFoundException otherwise. */
function ownMembership(id: string, account: string) {
  uuidLabel("membershipIdentifier", id);
  for (const collaboration of DEMO_COLLABORATIONS) {
    const self = memberOf(collaboration, account);
    if (self?.membershipId === id) return { collaboration, self };
  }
  throw notFound(`Membership ${id} does not exist.`);
}

/** ListMemberships: GET /memberships (status filter, paged). */
export const listMemberships: Operation = (_context, { account, query }) => {
  const status = query.get("status");
  if (status !== null && !["ACTIVE", "REMOVED", "COLLABORATION_DELETED"].includes(status)) {
    throw validationError(
      `status: must be one of ACTIVE, REMOVED, COLLABORATION_DELETED, got "${status}"`,
    );
  }
  const all = DEMO_COLLABORATIONS.flatMap((c) => {
    const self = memberOf(c, account);
    return self && (status === null || status === "ACTIVE") ? [membershipSummary(c, self)] : [];
  });
  const { items, nextToken } = pageOf("memberships", all, query);
  return { body: { membershipSummaries: items, nextToken } };
};

/** GetMembership: GET /memberships/{membershipIdentifier}. */
export const getMembership: Operation = (_context, { account, labels }) => {
  const { collaboration, self } = ownMembership(labels.membershipIdentifier ?? "", account);
  return {
    body: {
      membership: {
        ...membershipSummary(collaboration, self),
        queryLogStatus: "DISABLED",
      },
    },
  };
};

/** GetCollaboration: GET /collaborations/{collaborationIdentifier}. The model declares no ResourceNotFoundException: a collaboration the caller is not in is AccessDeniedException. */
export const getCollaboration: Operation = (_context, { account, labels }) => {
  const id = uuidLabel("collaborationIdentifier", labels.collaborationIdentifier ?? "");
  const collaboration = DEMO_COLLABORATIONS.find((c) => c.id === id);
  const self = collaboration && memberOf(collaboration, account);
  if (!collaboration || !self) {
    throw accessDenied(`The caller is not a member of collaboration ${id}.`);
  }
  return {
    body: {
      collaboration: {
        id: collaboration.id,
        arn: collaborationArnOf(collaboration.creatorAccountId, collaboration.id),
        name: collaboration.name,
        description: collaboration.description,
        creatorAccountId: collaboration.creatorAccountId,
        creatorDisplayName: creatorOf(collaboration).displayName,
        createTime: epochSeconds(collaboration.createTime),
        updateTime: epochSeconds(collaboration.createTime),
        memberStatus: "ACTIVE",
        membershipId: self.membershipId,
        membershipArn: membershipArnOf(account, self.membershipId),
        queryLogStatus: "DISABLED",
        analyticsEngine: "CLEAN_ROOMS_SQL",
      },
    },
  };
};

/** ListMembers: GET /collaborations/{collaborationIdentifier}/members (paged). */
export const listMembers: Operation = (_context, { account, labels, query }) => {
  const collaboration = memberCollaboration(labels.collaborationIdentifier ?? "", account);
  const all = collaboration.members.map((m) => ({
    accountId: m.accountId,
    status: "ACTIVE",
    displayName: m.displayName,
    abilities: m.abilities,
    mlAbilities: { customMLMemberAbilities: m.mlAbilities },
    createTime: epochSeconds(collaboration.createTime),
    updateTime: epochSeconds(collaboration.createTime),
    membershipId: m.membershipId,
    membershipArn: membershipArnOf(m.accountId, m.membershipId),
    paymentConfiguration: { queryCompute: { isResponsible: m.paysForQueries } },
  }));
  const { items, nextToken } = pageOf("members", all, query);
  return { body: { memberSummaries: items, nextToken } };
};

function templateSummary(
  collaboration: DemoCollaboration,
  template: DemoCollaboration["templates"][number],
) {
  return {
    arn: template.arn,
    createTime: epochSeconds(collaboration.createTime + 3_600_000),
    id: template.id,
    name: template.name,
    updateTime: epochSeconds(collaboration.createTime + 3_600_000),
    collaborationArn: collaborationArnOf(collaboration.creatorAccountId, collaboration.id),
    collaborationId: collaboration.id,
    creatorAccountId: ACCOUNT_ID,
    description: template.description,
  };
}

/** ListCollaborationAnalysisTemplates: GET /collaborations/{collaborationIdentifier}/analysistemplates (paged). */
export const listCollaborationAnalysisTemplates: Operation = (
  _context,
  { account, labels, query },
) => {
  const collaboration = memberCollaboration(labels.collaborationIdentifier ?? "", account);
  const all = collaboration.templates.map((t) => templateSummary(collaboration, t));
  const { items, nextToken } = pageOf("analysistemplates", all, query);
  return { body: { collaborationAnalysisTemplateSummaries: items, nextToken } };
};

/** GetCollaborationAnalysisTemplate: GET /collaborations/{collaborationIdentifier}/analysistemplates/{analysisTemplateArn}. */
export const getCollaborationAnalysisTemplate: Operation = (_context, { account, labels }) => {
  const collaboration = memberCollaboration(labels.collaborationIdentifier ?? "", account);
  const arn = labels.analysisTemplateArn ?? "";
  if (!ANALYSIS_TEMPLATE_ARN.test(arn) || arn.length > 200) {
    throw validationError(`analysisTemplateArn: "${arn}" is not an analysis template ARN`);
  }
  const template = collaboration.templates.find((t) => t.arn === arn);
  if (!template) {
    throw notFound(`Analysis template ${arn} does not exist in collaboration ${collaboration.id}.`);
  }
  return {
    body: {
      collaborationAnalysisTemplate: {
        ...templateSummary(collaboration, template),
        schema: { referencedTables: ["customers"] },
        format: "SQL",
        source: { text: template.sql },
        analysisParameters: template.parameters.map((p) => ({
          name: p.name,
          type: p.type,
          ...(p.defaultValue === undefined ? {} : { defaultValue: p.defaultValue }),
        })),
      },
    },
  };
};

/** The protected query's status, from the status of the job that ran it. */
const QUERY_STATUS: Record<string, string> = {
  CREATE_PENDING: "SUBMITTED",
  CREATE_IN_PROGRESS: "STARTED",
  ACTIVE: "SUCCESS",
  CREATE_FAILED: "FAILED",
  DELETE_PENDING: "SUCCESS",
  DELETE_IN_PROGRESS: "SUCCESS",
  DELETE_FAILED: "SUCCESS",
};

interface SeedAudienceJson {
  sqlParameters?: {
    queryString?: string;
    analysisTemplateArn?: string;
    parameters?: Record<string, string>;
  };
  sqlComputeConfiguration?: { worker?: { type?: string; number?: number } };
}

/** GetProtectedQuery: GET /memberships/{membershipIdentifier}/protectedQueries/{protectedQueryIdentifier}. */
export const getProtectedQuery: Operation = (context, { account, labels }) => {
  const { collaboration, self } = ownMembership(labels.membershipIdentifier ?? "", account);
  const membershipId = self.membershipId;
  const queryId = uuidLabel("protectedQueryIdentifier", labels.protectedQueryIdentifier ?? "");
  const row = context.store.db
    .prepare<[string], GenerationJobRow>(
      "SELECT * FROM audience_generation_jobs WHERE protected_query_identifier = ?",
    )
    .get(queryId);
  const view = row && context.engine.settleJob(row, context.now());
  if (
    !row ||
    !view ||
    row.started_by !== account ||
    (row.collaboration_id ?? collaboration.id) !== collaboration.id
  ) {
    throw notFound(`Protected query ${queryId} does not exist in membership ${membershipId}.`);
  }
  const seed = JSON.parse(row.seed_audience ?? "{}") as SeedAudienceJson;
  const status = QUERY_STATUS[view.status] ?? "SUBMITTED";
  const worker = seed.sqlComputeConfiguration?.worker;
  const protectedQuery: Record<string, unknown> = {
    id: queryId,
    membershipId,
    membershipArn: membershipArnOf(account, membershipId),
    createTime: epochSeconds(row.create_time),
    sqlParameters: seed.sqlParameters,
    status,
    computeConfiguration: {
      worker: {
        type: worker?.type ?? DEFAULT_WORKER.type,
        number: worker?.number ?? DEFAULT_WORKER.number,
      },
    },
  };
  if (status === "SUCCESS") {
    // Fixed per query, so a page shows the same figures every time it is read.
    const hash = createHash("sha256").update(queryId).digest().readUInt32BE(0);
    const totalDurationInMillis = 20_000 + (hash % 100_000);
    // Billed as AWS does: CRPUs per worker of its type × workers × hours (docs/ARCHITECTURE.md, "Compute cost").
    const units = crpuHours(
      worker?.type ?? DEFAULT_WORKER.type,
      worker?.number ?? DEFAULT_WORKER.number,
      totalDurationInMillis,
    );
    protectedQuery.statistics = {
      totalDurationInMillis,
      billedResourceUtilization: { units: Math.round(units * 1000) / 1000 },
    };
    protectedQuery.result = { output: { memberList: [{ accountId: account }] } };
  }
  if (status === "FAILED") {
    protectedQuery.error = {
      code: row.status_code ?? "QUERY_FAILED",
      message: row.status_message ?? "The query failed.",
    };
  }
  return { body: { protectedQuery } };
};

/** The association's ARN: in its creator's account, under the creator's membership. */
function associationArn(collaboration: DemoCollaboration, association: DemoModelAssociation) {
  const creator = accountOf(association.model.arn);
  const membership = memberOf(collaboration, creator)!;
  return `arn:aws:cleanrooms:${REGION}:${creator}:membership/${membership.membershipId}/configuredaudiencemodelassociation/${association.id}`;
}

function associationTimes(collaboration: DemoCollaboration) {
  const time = epochSeconds(collaboration.createTime + 2 * 3_600_000);
  return { createTime: time, updateTime: time };
}

/** The collaboration's view of an association: any member may read it. */
function collaborationAssociation(
  collaboration: DemoCollaboration,
  association: DemoModelAssociation,
) {
  return {
    id: association.id,
    arn: associationArn(collaboration, association),
    collaborationId: collaboration.id,
    collaborationArn: collaborationArnOf(collaboration.creatorAccountId, collaboration.id),
    configuredAudienceModelArn: association.model.arn,
    name: association.name,
    description: association.description,
    creatorAccountId: accountOf(association.model.arn),
    ...associationTimes(collaboration),
  };
}

/** The association as its creator's membership holds it. */
function membershipAssociation(
  collaboration: DemoCollaboration,
  self: DemoMember,
  association: DemoModelAssociation,
) {
  return {
    id: association.id,
    arn: associationArn(collaboration, association),
    configuredAudienceModelArn: association.model.arn,
    membershipId: self.membershipId,
    membershipArn: membershipArnOf(self.accountId, self.membershipId),
    collaborationId: collaboration.id,
    collaborationArn: collaborationArnOf(collaboration.creatorAccountId, collaboration.id),
    name: association.name,
    description: association.description,
    ...associationTimes(collaboration),
  };
}

function associationOf(
  collaboration: DemoCollaboration,
  id: string,
  where: string,
): DemoModelAssociation {
  uuidLabel("configuredAudienceModelAssociationIdentifier", id);
  const association = collaboration.modelAssociations.find((a) => a.id === id);
  if (!association) {
    throw notFound(`Configured audience model association ${id} does not exist in ${where}.`);
  }
  return association;
}

/** ListCollaborationConfiguredAudienceModelAssociations: GET /collaborations/{id}/configuredaudiencemodelassociations (paged). */
export const listCollaborationConfiguredAudienceModelAssociations: Operation = (
  _context,
  { account, labels, query },
) => {
  const collaboration = memberCollaboration(labels.collaborationIdentifier ?? "", account);
  // The summary carries no model ARN: GetCollaborationConfiguredAudienceModelAssociation does.
  const all = collaboration.modelAssociations.map((a) => {
    const full: Partial<ReturnType<typeof collaborationAssociation>> = collaborationAssociation(
      collaboration,
      a,
    );
    delete full.configuredAudienceModelArn;
    return full;
  });
  const { items, nextToken } = pageOf("configuredaudiencemodelassociations", all, query);
  return { body: { collaborationConfiguredAudienceModelAssociationSummaries: items, nextToken } };
};

/** GetCollaborationConfiguredAudienceModelAssociation: GET /collaborations/{id}/configuredaudiencemodelassociations/{associationId}. */
export const getCollaborationConfiguredAudienceModelAssociation: Operation = (
  _context,
  { account, labels },
) => {
  const collaboration = memberCollaboration(labels.collaborationIdentifier ?? "", account);
  const association = associationOf(
    collaboration,
    labels.configuredAudienceModelAssociationIdentifier ?? "",
    `collaboration ${collaboration.id}`,
  );
  return {
    body: {
      collaborationConfiguredAudienceModelAssociation: collaborationAssociation(
        collaboration,
        association,
      ),
    },
  };
};

/** The associations the caller's membership created (the models it owns). */
const ownAssociations = (collaboration: DemoCollaboration, account: string) =>
  collaboration.modelAssociations.filter((a) => accountOf(a.model.arn) === account);

/** ListConfiguredAudienceModelAssociations: GET /memberships/{id}/configuredaudiencemodelassociations (paged). */
export const listConfiguredAudienceModelAssociations: Operation = (
  _context,
  { account, labels, query },
) => {
  const { collaboration, self } = ownMembership(labels.membershipIdentifier ?? "", account);
  const all = ownAssociations(collaboration, account).map((a) =>
    membershipAssociation(collaboration, self, a),
  );
  const { items, nextToken } = pageOf("configuredaudiencemodelassociations", all, query);
  return { body: { configuredAudienceModelAssociationSummaries: items, nextToken } };
};

/** GetConfiguredAudienceModelAssociation: GET /memberships/{id}/configuredaudiencemodelassociations/{associationId}. */
export const getConfiguredAudienceModelAssociation: Operation = (_context, { account, labels }) => {
  const { collaboration, self } = ownMembership(labels.membershipIdentifier ?? "", account);
  const id = labels.configuredAudienceModelAssociationIdentifier ?? "";
  uuidLabel("configuredAudienceModelAssociationIdentifier", id);
  const association = ownAssociations(collaboration, account).find((a) => a.id === id);
  if (!association) {
    throw notFound(
      `Configured audience model association ${id} does not exist in membership ${self.membershipId}.`,
    );
  }
  return {
    body: {
      configuredAudienceModelAssociation: {
        ...membershipAssociation(collaboration, self, association),
        manageResourcePolicies: true,
      },
    },
  };
};
