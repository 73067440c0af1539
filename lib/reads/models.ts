import "server-only";

import {
  GetCollaborationConfiguredAudienceModelAssociationCommand,
  paginateListCollaborationConfiguredAudienceModelAssociations,
} from "@aws-sdk/client-cleanrooms";

import { cleanRooms } from "@/lib/aws-clients";
import {
  AccessDeniedException,
  GetAudienceModelCommand,
  GetConfiguredAudienceModelCommand,
  GetConfiguredAudienceModelPolicyCommand,
  paginateListConfiguredAudienceModels,
  type ConfiguredAudienceModelSummary,
} from "@/lib/cleanrooms-ml";
import { serialize } from "@/lib/json";
import { readModelPolicy, type ModelPolicyData } from "@/lib/model-policy";
import { cleanRoomsML } from "@/lib/service";
import { toActionError } from "@/lib/service-errors";

import { readCache, readScope, type CachedRead } from "./cache";
import { readCollaboration, readMemberships } from "./collaborations";

/**
 * The configured audience models a marketer can use, from both sides of a
 * collaboration (docs/ARCHITECTURE.md, "Two accounts"): the account's own
 * (ListConfiguredAudienceModels) and the models associated with each of its
 * collaborations (Clean Rooms' ListCollaborationConfiguredAudienceModelAssociations),
 * most of them another account's. A partner's model cannot be read
 * (GetConfiguredAudienceModel answers AccessDeniedException): what is known
 * of it is what its association says.
 */

async function loadConfiguredModels() {
  const models: ConfiguredAudienceModelSummary[] = [];
  for await (const page of paginateListConfiguredAudienceModels(
    { client: cleanRoomsML(), pageSize: 100 },
    {},
  )) {
    models.push(...page.configuredAudienceModels);
  }
  models.sort((a, b) => a.name.localeCompare(b.name));
  return serialize(models);
}

export type ConfiguredModelSummaryData = Awaited<ReturnType<typeof loadConfiguredModels>>[number];

/** Who owns a model, as the caller sees it. */
export interface ModelOwnerData {
  accountId: string;
  /** The owner's display name in the collaboration, when known. */
  memberName?: string;
  /** True when the caller's own account owns it. */
  yours: boolean;
}

/** A configured audience model associated with one of the caller's collaborations. */
export interface AssociatedModelData {
  configuredAudienceModelArn: string;
  associationId: string;
  /** The association's name: how the collaboration knows the model. */
  associationName: string;
  description?: string;
  collaborationId: string;
  collaborationName: string;
  owner: ModelOwnerData;
}

export interface ModelAssociationsData {
  /** The caller's account (from its memberships' ARNs); undefined when it has none. */
  accountId?: string;
  collaborations: {
    collaborationId: string;
    collaborationName: string;
    models: AssociatedModelData[];
    /** Why this collaboration's models could not be listed, when they could not. */
    error?: string;
  }[];
}

const accountOfArn = (arn: string) => arn.split(":")[4] ?? "";

async function loadAssociations(
  collaborationId: string,
  collaborationName: string,
  accountId: string,
): Promise<AssociatedModelData[]> {
  const client = cleanRooms();
  const ids: string[] = [];
  for await (const page of paginateListCollaborationConfiguredAudienceModelAssociations(
    { client, pageSize: 100 },
    { collaborationIdentifier: collaborationId },
  )) {
    for (const summary of page.collaborationConfiguredAudienceModelAssociationSummaries ?? [])
      if (summary.id) ids.push(summary.id);
  }
  const [associations, collaboration] = await Promise.all([
    // The summaries carry no model ARN: each association is read whole.
    Promise.all(
      ids.map(async (id) => {
        const { collaborationConfiguredAudienceModelAssociation: a } = await client.send(
          new GetCollaborationConfiguredAudienceModelAssociationCommand({
            collaborationIdentifier: collaborationId,
            configuredAudienceModelAssociationIdentifier: id,
          }),
        );
        return a;
      }),
    ),
    readCollaboration(collaborationId).then(
      (read) => read.data,
      () => undefined,
    ),
  ]);
  return associations.flatMap((a) => {
    if (!a?.configuredAudienceModelArn || !a.id) return [];
    const owner = a.creatorAccountId ?? accountOfArn(a.configuredAudienceModelArn);
    const memberName = collaboration?.members.find((m) => m.accountId === owner)?.displayName;
    return [
      {
        configuredAudienceModelArn: a.configuredAudienceModelArn,
        associationId: a.id,
        associationName: a.name ?? a.id,
        ...(a.description ? { description: a.description } : {}),
        collaborationId,
        collaborationName,
        owner: {
          accountId: owner,
          ...(memberName ? { memberName } : {}),
          yours: owner === accountId,
        },
      },
    ];
  });
}

async function loadModelAssociations(): Promise<ModelAssociationsData> {
  const memberships = (await readMemberships()).data;
  const accountId = memberships[0] ? accountOfArn(memberships[0].membershipArn) : undefined;
  const collaborations = await Promise.all(
    memberships.map(async (m) => {
      const base = { collaborationId: m.collaborationId, collaborationName: m.collaborationName };
      try {
        return {
          ...base,
          models: await loadAssociations(m.collaborationId, m.collaborationName, accountId ?? ""),
        };
      } catch (error) {
        return { ...base, models: [], error: toActionError(error).message };
      }
    }),
  );
  return { ...(accountId ? { accountId } : {}), collaborations };
}

/** Every configured audience model the account owns (all pages), by name, with when it was read. */
export function readConfiguredModels(
  options: { fresh?: boolean } = {},
): Promise<CachedRead<ConfiguredModelSummaryData[]>> {
  return readCache().read({
    operation: "ListConfiguredAudienceModels",
    input: {},
    scopes: [readScope.models],
    load: loadConfiguredModels,
    fresh: options.fresh,
  });
}

/** Every configured audience model, read anew for a page being rendered. */
export async function listConfiguredModels(): Promise<ConfiguredModelSummaryData[]> {
  return (await readConfiguredModels({ fresh: true })).data;
}

/**
 * The models associated with each of the caller's collaborations, with their
 * owners (ListMemberships, then per collaboration every association read
 * whole). An aid, like every Clean Rooms read: a collaboration whose
 * associations cannot be read says why and lists none.
 */
export function readModelAssociations(
  options: { fresh?: boolean } = {},
): Promise<CachedRead<ModelAssociationsData>> {
  return readCache().read({
    operation: "ListCollaborationConfiguredAudienceModelAssociations",
    input: {},
    scopes: [readScope.models, readScope.collaborations],
    load: loadModelAssociations,
    fresh: options.fresh,
  });
}

/** The associations, read anew for a page being rendered. */
export async function listModelAssociations(): Promise<ModelAssociationsData> {
  return (await readModelAssociations({ fresh: true })).data;
}

/** The association a model reaches the caller through, and whose account the caller is. */
async function associationOf(arn: string) {
  const associations = await readModelAssociations().then(
    (read) => read.data,
    () => undefined,
  );
  const association = associations?.collaborations
    .flatMap((c) => c.models)
    .find((m) => m.configuredAudienceModelArn === arn);
  return { association, accountId: associations?.accountId };
}

/** The member and collaboration names a policy's grants name, where the caller can read them. */
async function policyNames(
  policy: ModelPolicyData,
): Promise<NonNullable<ModelPolicyData["names"]>> {
  const names: NonNullable<ModelPolicyData["names"]> = { accounts: {}, collaborations: {} };
  const ids = [...new Set(policy.grants.flatMap((g) => g.collaborationIds))];
  await Promise.all(
    ids.map(async (id) => {
      const collaboration = await readCollaboration(id).then(
        (read) => read.data,
        () => undefined,
      );
      if (!collaboration) return;
      names.collaborations[id] = collaboration.name;
      for (const m of collaboration.members) names.accounts[m.accountId] = m.displayName;
    }),
  );
  return names;
}

/** The owner's resource policy on its own model, when it has one the caller may read. */
async function loadPolicy(
  configuredAudienceModelArn: string,
): Promise<ModelPolicyData | undefined> {
  try {
    const { configuredAudienceModelPolicy } = await cleanRoomsML().send(
      new GetConfiguredAudienceModelPolicyCommand({ configuredAudienceModelArn }),
    );
    const policy = readModelPolicy(configuredAudienceModelPolicy);
    return policy && { ...policy, names: await policyNames(policy) };
  } catch {
    // No policy (ResourceNotFoundException) or no permission to read it: say nothing of it.
    return undefined;
  }
}

/**
 * A model the caller may read: its own. `readable`, `owner` and `policy` are
 * left out by callers that only have the service's answer (tests' fixtures).
 */
export type ReadableModelData = Awaited<ReturnType<typeof readConfiguredModelAnswer>> & {
  readable?: true;
  owner?: ModelOwnerData;
  association?: AssociatedModelData;
  callerAccountId?: string;
  /** The owner's resource policy, when it has one. */
  policy?: ModelPolicyData;
  /** The audience model it configures, when the account can read it (its own). */
  audienceModel?: AudienceModelFacts;
};

/**
 * What GetAudienceModel says of when a model learned: its creation (the
 * training) and its training window. Readable by the model's own account only.
 */
export interface AudienceModelFacts {
  name: string;
  /** ISO 8601. */
  createTime: string;
  trainingDataStartTime?: string;
  trainingDataEndTime?: string;
}

/** The audience model's facts, or undefined when they cannot be read (no permission, or another account's). */
async function loadAudienceModel(
  audienceModelArn: string,
): Promise<AudienceModelFacts | undefined> {
  try {
    const m = serialize(
      await cleanRoomsML().send(new GetAudienceModelCommand({ audienceModelArn })),
    );
    return {
      name: m.name,
      createTime: m.createTime,
      ...(m.trainingDataStartTime ? { trainingDataStartTime: m.trainingDataStartTime } : {}),
      ...(m.trainingDataEndTime ? { trainingDataEndTime: m.trainingDataEndTime } : {}),
    };
  } catch {
    return undefined;
  }
}

const readConfiguredModelAnswer = async (configuredAudienceModelArn: string) =>
  serialize(
    await cleanRoomsML().send(
      new GetConfiguredAudienceModelCommand({ configuredAudienceModelArn }),
    ),
  );

async function loadReadableModel(configuredAudienceModelArn: string): Promise<ReadableModelData> {
  const model = await readConfiguredModelAnswer(configuredAudienceModelArn);
  const [policy, { association, accountId }, audienceModel] = await Promise.all([
    loadPolicy(configuredAudienceModelArn),
    associationOf(configuredAudienceModelArn),
    loadAudienceModel(model.audienceModelArn),
  ]);
  return {
    ...model,
    readable: true as const,
    owner: association?.owner ?? {
      accountId: accountOfArn(configuredAudienceModelArn),
      yours: true,
    },
    ...(association ? { association } : {}),
    ...(accountId ? { callerAccountId: accountId } : {}),
    ...(policy ? { policy } : {}),
    ...(audienceModel ? { audienceModel } : {}),
  };
}

/**
 * A model the caller may use but not read: another account's, reached through
 * a collaboration's association. Its sizes, seed minimum, metrics sharing and
 * output are the owner's to share; the job's results show what it shares.
 */
export interface UnreadableModelData {
  readable: false;
  configuredAudienceModelArn: string;
  /** The association's name, when the model is associated with one of the caller's collaborations. */
  name?: string;
  description?: string;
  owner: ModelOwnerData;
  association?: AssociatedModelData;
  audienceSizeConfig?: undefined;
  minMatchingSeedSize?: undefined;
  sharedAudienceMetrics?: undefined;
  outputConfig?: undefined;
  childResourceTagOnCreatePolicy?: undefined;
  tags?: undefined;
  policy?: undefined;
  audienceModel?: undefined;
}

async function loadConfiguredModel(
  configuredAudienceModelArn: string,
): Promise<ConfiguredModelData> {
  try {
    return await loadReadableModel(configuredAudienceModelArn);
  } catch (error) {
    if (!(error instanceof AccessDeniedException)) throw error;
    const owner = accountOfArn(configuredAudienceModelArn);
    const { association, accountId } = await associationOf(configuredAudienceModelArn);
    // Our own model denied: a missing permission, not a partner's secret.
    if (accountId === owner) throw error;
    const unreadable: UnreadableModelData = {
      readable: false,
      configuredAudienceModelArn,
      owner: association?.owner ?? { accountId: owner, yours: false },
      ...(association
        ? {
            name: association.associationName,
            ...(association.description ? { description: association.description } : {}),
            association,
          }
        : {}),
    };
    return unreadable;
  }
}

/** What the caller may know of a model: all of its own, a partner's association only. */
export type ConfiguredModelData = ReadableModelData | UnreadableModelData;

export function readConfiguredModel(
  configuredAudienceModelArn: string,
  options: { fresh?: boolean } = {},
): Promise<CachedRead<ConfiguredModelData>> {
  return readCache().read({
    operation: "GetConfiguredAudienceModel",
    input: { configuredAudienceModelArn },
    scopes: [readScope.models],
    load: () => loadConfiguredModel(configuredAudienceModelArn),
    fresh: options.fresh,
  });
}

/** One configured audience model, read anew for a page being rendered. */
export async function getConfiguredModel(
  configuredAudienceModelArn: string,
): Promise<ConfiguredModelData> {
  return (await readConfiguredModel(configuredAudienceModelArn, { fresh: true })).data;
}
