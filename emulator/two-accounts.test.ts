/**
 * The two-account collaboration (docs/ARCHITECTURE.md, "Two accounts"),
 * through the official Clean Rooms client for the model associations and our
 * Clean Rooms ML client for the cross-account rules, each as the advertiser
 * (AnyCompany Retail, our default account) and as the publisher (Example
 * Streaming, signing with the access key ID 444455556666).
 */
import {
  CleanRoomsClient,
  ResourceNotFoundException as CleanRoomsNotFound,
  ValidationException as CleanRoomsValidation,
  GetCollaborationConfiguredAudienceModelAssociationCommand,
  GetConfiguredAudienceModelAssociationCommand,
  ListCollaborationConfiguredAudienceModelAssociationsCommand,
  ListConfiguredAudienceModelAssociationsCommand,
  ListMembershipsCommand,
  paginateListCollaborationConfiguredAudienceModelAssociations,
} from "@aws-sdk/client-cleanrooms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  AccessDeniedException,
  CleanRoomsMLClient,
  ConflictException,
  DeleteAudienceGenerationJobCommand,
  GetAudienceGenerationJobCommand,
  GetConfiguredAudienceModelCommand,
  GetConfiguredAudienceModelPolicyCommand,
  ListAudienceExportJobsCommand,
  ListAudienceGenerationJobsCommand,
  ListConfiguredAudienceModelsCommand,
  PutConfiguredAudienceModelPolicyCommand,
  ResourceNotFoundException,
  StartAudienceExportJobCommand,
  StartAudienceGenerationJobCommand,
} from "../lib/cleanrooms-ml";
import {
  DEMO_COLLABORATION_ID,
  DEMO_CONFIGURED_MODELS,
  DEMO_JOB_ARNS,
  DEMO_MODEL_ASSOCIATIONS,
  DEMO_PARTNER_JOB_ARNS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
} from "./demo/catalog";
import { ACCOUNT_ID, inAccount, PARTNER_ACCOUNT_ID } from "./identity";
import { startTestEmulator, uniqueJobName, type TestEmulator } from "./testing";

let emulator: TestEmulator;
/** Our account: dummy keys, as the AWS CLI's, are the default account. */
let ours: CleanRoomsMLClient;
let partner: CleanRoomsMLClient;
let oursCleanRooms: CleanRoomsClient;
let partnerCleanRooms: CleanRoomsClient;

beforeAll(async () => {
  emulator = await startTestEmulator();
  const config = (accessKeyId: string) => ({
    region: "us-east-1",
    endpoint: emulator.url,
    credentials: { accessKeyId, secretAccessKey: "secret" },
  });
  ours = new CleanRoomsMLClient(config("test"));
  partner = new CleanRoomsMLClient(config(PARTNER_ACCOUNT_ID));
  oursCleanRooms = new CleanRoomsClient(config("test"));
  partnerCleanRooms = new CleanRoomsClient(config(PARTNER_ACCOUNT_ID));
});
afterAll(() => emulator.close());

const STREAMING = DEMO_CONFIGURED_MODELS.streamingLookalikes;
const RETAIL = DEMO_CONFIGURED_MODELS.retailAbsolute;
const seedAudience = {
  dataSource: { s3Uri: DEMO_SEED_URIS.sportsFans },
  roleArn: DEMO_SEED_ROLE_ARN,
};

const notAuthorized = (account: string, action: string, resource: string) =>
  `User: arn:aws:iam::${account}:user/dashboard is not authorized to perform: cleanrooms-ml:${action} on resource: ${resource} because no resource-based policy allows the cleanrooms-ml:${action} action`;

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("The call succeeded where it should have been refused.");
}

describe("configured audience model associations through @aws-sdk/client-cleanrooms", () => {
  it("shows every member the collaboration's associations, page by page, with the model and its owner", async () => {
    for (const client of [oursCleanRooms, partnerCleanRooms]) {
      const summaries = [];
      for await (const page of paginateListCollaborationConfiguredAudienceModelAssociations(
        { client, pageSize: 1 },
        { collaborationIdentifier: DEMO_COLLABORATION_ID },
      )) {
        expect(page.collaborationConfiguredAudienceModelAssociationSummaries).toHaveLength(1);
        summaries.push(...page.collaborationConfiguredAudienceModelAssociationSummaries!);
      }
      expect(summaries.map((s) => s.name)).toEqual(DEMO_MODEL_ASSOCIATIONS.map((a) => a.name));
      for (const [i, summary] of summaries.entries()) {
        const demo = DEMO_MODEL_ASSOCIATIONS[i]!;
        const owner = demo.model.arn.split(":")[4];
        expect(summary).toMatchObject({
          id: demo.id,
          collaborationId: DEMO_COLLABORATION_ID,
          creatorAccountId: owner,
          description: demo.description,
        });
        expect(summary.createTime).toBeInstanceOf(Date);
        expect(summary.arn).toMatch(
          new RegExp(
            `^arn:aws:cleanrooms:us-east-1:${owner}:membership/[\\w-]+/configuredaudiencemodelassociation/${demo.id}$`,
          ),
        );
        const { collaborationConfiguredAudienceModelAssociation: full } = await client.send(
          new GetCollaborationConfiguredAudienceModelAssociationCommand({
            collaborationIdentifier: DEMO_COLLABORATION_ID,
            configuredAudienceModelAssociationIdentifier: demo.id,
          }),
        );
        expect(full).toMatchObject({
          configuredAudienceModelArn: demo.model.arn,
          creatorAccountId: owner,
          name: demo.name,
        });
      }
    }
  });

  it("lists in a membership only the associations it created, and refuses the others", async () => {
    const membershipOf = async (client: CleanRoomsClient) =>
      (await client.send(new ListMembershipsCommand({}))).membershipSummaries!.find(
        (m) => m.collaborationId === DEMO_COLLABORATION_ID,
      )!.id!;
    const partnerMembership = await membershipOf(partnerCleanRooms);
    const { configuredAudienceModelAssociationSummaries: theirs } = await partnerCleanRooms.send(
      new ListConfiguredAudienceModelAssociationsCommand({
        membershipIdentifier: partnerMembership,
      }),
    );
    expect(theirs!.map((a) => a.configuredAudienceModelArn)).toEqual([
      DEMO_CONFIGURED_MODELS.streamingLookalikes.arn,
      DEMO_CONFIGURED_MODELS.streamingReach.arn,
    ]);
    const one = await partnerCleanRooms.send(
      new GetConfiguredAudienceModelAssociationCommand({
        membershipIdentifier: partnerMembership,
        configuredAudienceModelAssociationIdentifier: theirs![0]!.id!,
      }),
    );
    expect(one.configuredAudienceModelAssociation).toMatchObject({
      manageResourcePolicies: true,
      membershipId: partnerMembership,
    });

    const ourMembership = await membershipOf(oursCleanRooms);
    const { configuredAudienceModelAssociationSummaries: mine } = await oursCleanRooms.send(
      new ListConfiguredAudienceModelAssociationsCommand({ membershipIdentifier: ourMembership }),
    );
    expect(mine!.map((a) => a.configuredAudienceModelArn)).toEqual([RETAIL.arn]);
    // The partner's association is not in our membership; the partner's membership is not ours.
    await expect(
      oursCleanRooms.send(
        new GetConfiguredAudienceModelAssociationCommand({
          membershipIdentifier: ourMembership,
          configuredAudienceModelAssociationIdentifier: theirs![0]!.id!,
        }),
      ),
    ).rejects.toBeInstanceOf(CleanRoomsNotFound);
    await expect(
      oursCleanRooms.send(
        new ListConfiguredAudienceModelAssociationsCommand({
          membershipIdentifier: partnerMembership,
        }),
      ),
    ).rejects.toBeInstanceOf(CleanRoomsNotFound);
    await expect(
      oursCleanRooms.send(
        new ListCollaborationConfiguredAudienceModelAssociationsCommand({
          collaborationIdentifier: DEMO_COLLABORATION_ID,
          maxResults: 101,
        }),
      ),
    ).rejects.toBeInstanceOf(CleanRoomsValidation);
  });
});

describe("the cross-account rules through our Clean Rooms ML client", () => {
  it("lists each account's own configured models and denies reading the partner's, in AWS's words", async () => {
    const names = async (client: CleanRoomsMLClient) =>
      (await client.send(new ListConfiguredAudienceModelsCommand({}))).configuredAudienceModels.map(
        (m) => m.name,
      );
    expect(await names(ours)).toEqual([
      DEMO_CONFIGURED_MODELS.retailAbsolute.name,
      DEMO_CONFIGURED_MODELS.retailPercentage.name,
    ]);
    expect(await names(partner)).toEqual([
      DEMO_CONFIGURED_MODELS.streamingReach.name,
      DEMO_CONFIGURED_MODELS.streamingLookalikes.name,
    ]);
    const denied = await rejection(
      ours.send(
        new GetConfiguredAudienceModelCommand({ configuredAudienceModelArn: STREAMING.arn }),
      ),
    );
    expect(denied).toBeInstanceOf(AccessDeniedException);
    expect(denied.message).toBe(
      notAuthorized(ACCOUNT_ID, "GetConfiguredAudienceModel", STREAMING.arn),
    );
    const own = await partner.send(
      new GetConfiguredAudienceModelCommand({ configuredAudienceModelArn: STREAMING.arn }),
    );
    expect(own.audienceSizeConfig?.audienceSizeBins).toEqual([2000, 5000, 10000, 20000]);
  });

  it("shows the owner the policy Clean Rooms manages, and no one else", async () => {
    const { configuredAudienceModelPolicy, policyHash } = await partner.send(
      new GetConfiguredAudienceModelPolicyCommand({ configuredAudienceModelArn: STREAMING.arn }),
    );
    expect(policyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(configuredAudienceModelPolicy)).toMatchObject({
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: [`arn:aws:iam::${ACCOUNT_ID}:root`] },
          Action: "cleanrooms-ml:StartAudienceGenerationJob",
          Resource: [
            STREAMING.arn,
            `arn:aws:cleanrooms-ml:us-east-1:${PARTNER_ACCOUNT_ID}:audience-generation-job/*`,
          ],
          Condition: { StringEquals: { "cleanrooms-ml:CollaborationId": DEMO_COLLABORATION_ID } },
        },
      ],
    });
    await expect(
      ours.send(
        new GetConfiguredAudienceModelPolicyCommand({ configuredAudienceModelArn: STREAMING.arn }),
      ),
    ).rejects.toBeInstanceOf(AccessDeniedException);
  });

  it("starts our job on the partner's model in the collaboration only, and gives it an ARN in each account", async () => {
    const name = uniqueJobName("On the partner's model");
    const start = (collaborationId?: string) =>
      ours.send(
        new StartAudienceGenerationJobCommand({
          name,
          configuredAudienceModelArn: STREAMING.arn,
          seedAudience,
          ...(collaborationId === undefined ? {} : { collaborationId }),
        }),
      );
    const outside = await rejection(start());
    expect(outside).toBeInstanceOf(AccessDeniedException);
    expect(outside.message).toBe(
      notAuthorized(ACCOUNT_ID, "StartAudienceGenerationJob", STREAMING.arn),
    );
    await expect(start("e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b")).rejects.toBeInstanceOf(
      AccessDeniedException,
    );

    const { audienceGenerationJobArn: ourArn } = await start(DEMO_COLLABORATION_ID);
    expect(ourArn.split(":")[4]).toBe(ACCOUNT_ID);
    const theirArn = inAccount(ourArn, PARTNER_ACCOUNT_ID);

    const mine = await ours.send(
      new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: ourArn }),
    );
    expect(mine).toMatchObject({ name, startedBy: ACCOUNT_ID, seedAudience });
    const theirs = await partner.send(
      new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: theirArn }),
    );
    expect(theirs).toMatchObject({
      audienceGenerationJobArn: theirArn,
      name: `${ACCOUNT_ID}-${name}`,
      startedBy: ACCOUNT_ID,
      configuredAudienceModelArn: STREAMING.arn,
    });
    expect(theirs.seedAudience).toBeUndefined();
    const partnerList = await partner.send(new ListAudienceGenerationJobsCommand({}));
    expect(partnerList.audienceGenerationJobs.map((j) => j.audienceGenerationJobArn)).toContain(
      theirArn,
    );

    // Each account reaches the job through its own ARN only.
    const ourViaTheirs = await rejection(
      ours.send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: theirArn })),
    );
    expect(ourViaTheirs).toBeInstanceOf(AccessDeniedException);
    expect(ourViaTheirs.message).toBe(
      notAuthorized(ACCOUNT_ID, "GetAudienceGenerationJob", theirArn),
    );
    await expect(
      partner.send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: ourArn })),
    ).rejects.toBeInstanceOf(AccessDeniedException);
    await expect(
      ours.send(new DeleteAudienceGenerationJobCommand({ audienceGenerationJobArn: theirArn })),
    ).rejects.toBeInstanceOf(AccessDeniedException);
    await expect(
      ours.send(
        new StartAudienceExportJobCommand({
          name: "Via the partner's ARN",
          audienceGenerationJobArn: theirArn,
          audienceSize: { type: "ABSOLUTE", value: 2000 },
        }),
      ),
    ).rejects.toBeInstanceOf(AccessDeniedException);

    // Names are unique within an account: again in ours, or the prefixed name in the partner's.
    await expect(start(DEMO_COLLABORATION_ID)).rejects.toBeInstanceOf(ConflictException);
    await expect(
      partner.send(
        new StartAudienceGenerationJobCommand({
          name: `${ACCOUNT_ID}-${name}`,
          configuredAudienceModelArn: STREAMING.arn,
          seedAudience,
        }),
      ),
    ).rejects.toBeInstanceOf(ConflictException);

    // Exported by us through our ARN once it is done; the partner lists no export of it.
    await emulator.waitForJob(ourArn, (j) => j.status === "ACTIVE");
    await ours.send(
      new StartAudienceExportJobCommand({
        name: "Top 2000",
        audienceGenerationJobArn: ourArn,
        audienceSize: { type: "ABSOLUTE", value: 2000 },
      }),
    );
    const exports = await ours.send(
      new ListAudienceExportJobsCommand({ audienceGenerationJobArn: ourArn }),
    );
    expect(exports.audienceExportJobs.map((e) => e.audienceGenerationJobArn)).toEqual([ourArn]);
    const partnerExports = await partner.send(new ListAudienceExportJobsCommand({}));
    expect(partnerExports.audienceExportJobs).toEqual([]);
  });

  it("lets the partner start on our model under our policy, and shows it to us named after the partner", async () => {
    const name = uniqueJobName("Partner on our model");
    const { audienceGenerationJobArn: theirArn } = await partner.send(
      new StartAudienceGenerationJobCommand({
        name,
        configuredAudienceModelArn: RETAIL.arn,
        collaborationId: DEMO_COLLABORATION_ID,
        seedAudience: {
          dataSource: { s3Uri: DEMO_SEED_URIS.sportsFans },
          roleArn: `arn:aws:iam::${PARTNER_ACCOUNT_ID}:role/CleanRoomsMLSeedReader`,
        },
      }),
    );
    expect(theirArn.split(":")[4]).toBe(PARTNER_ACCOUNT_ID);
    const seen = await ours.send(
      new GetAudienceGenerationJobCommand({
        audienceGenerationJobArn: inAccount(theirArn, ACCOUNT_ID),
      }),
    );
    expect(seen).toMatchObject({
      name: `${PARTNER_ACCOUNT_ID}-${name}`,
      startedBy: PARTNER_ACCOUNT_ID,
    });
    // The partner may not start on our model that we associated with no collaboration.
    await expect(
      partner.send(
        new StartAudienceGenerationJobCommand({
          name,
          configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
          collaborationId: DEMO_COLLABORATION_ID,
          seedAudience,
        }),
      ),
    ).rejects.toBeInstanceOf(AccessDeniedException);
  });

  it("shows the demo's partner job to each account under its own ARN and name", async () => {
    const ourView = await ours.send(
      new GetAudienceGenerationJobCommand({
        audienceGenerationJobArn: DEMO_JOB_ARNS.partnerFitness,
      }),
    );
    expect(ourView.name).toBe(`${PARTNER_ACCOUNT_ID}-Partner fitness lookalike`);
    const theirView = await partner.send(
      new GetAudienceGenerationJobCommand({
        audienceGenerationJobArn: DEMO_PARTNER_JOB_ARNS.partnerFitness,
      }),
    );
    expect(theirView.name).toBe("Partner fitness lookalike");
    expect(theirView.seedAudience).toBeDefined();
    const gamers = await partner.send(
      new GetAudienceGenerationJobCommand({
        audienceGenerationJobArn: DEMO_PARTNER_JOB_ARNS.gamersTemplate,
      }),
    );
    expect(gamers.name).toBe(`${ACCOUNT_ID}-Gamers via analysis template`);
  });

  it("denies our start once the partner's policy no longer names us", async () => {
    const model = DEMO_CONFIGURED_MODELS.streamingReach.arn;
    const current = await partner.send(
      new GetConfiguredAudienceModelPolicyCommand({ configuredAudienceModelArn: model }),
    );
    const policy = JSON.parse(current.configuredAudienceModelPolicy) as {
      Statement: { Principal: { AWS: string[] } }[];
    };
    policy.Statement[0]!.Principal.AWS = ["arn:aws:iam::777788889999:root"];
    const stale = "0".repeat(64);
    await expect(
      partner.send(
        new PutConfiguredAudienceModelPolicyCommand({
          configuredAudienceModelArn: model,
          configuredAudienceModelPolicy: JSON.stringify(policy),
          previousPolicyHash: stale,
        }),
      ),
    ).rejects.toBeInstanceOf(ConflictException);
    await partner.send(
      new PutConfiguredAudienceModelPolicyCommand({
        configuredAudienceModelArn: model,
        configuredAudienceModelPolicy: JSON.stringify(policy),
        previousPolicyHash: current.policyHash,
      }),
    );
    await expect(
      ours.send(
        new StartAudienceGenerationJobCommand({
          name: uniqueJobName("After the policy changed"),
          configuredAudienceModelArn: model,
          collaborationId: DEMO_COLLABORATION_ID,
          seedAudience,
        }),
      ),
    ).rejects.toBeInstanceOf(AccessDeniedException);
    await expect(
      ours.send(
        new PutConfiguredAudienceModelPolicyCommand({
          configuredAudienceModelArn: model,
          configuredAudienceModelPolicy: current.configuredAudienceModelPolicy,
        }),
      ),
    ).rejects.toBeInstanceOf(AccessDeniedException);
    await partner.send(
      new PutConfiguredAudienceModelPolicyCommand({
        configuredAudienceModelArn: model,
        configuredAudienceModelPolicy: current.configuredAudienceModelPolicy,
      }),
    );
  });

  it("answers a job another account cannot see as not found, through the caller's own ARN", async () => {
    // Our own-model job is not the partner's: its ARN in the partner's account names nothing.
    await expect(
      partner.send(
        new GetAudienceGenerationJobCommand({
          audienceGenerationJobArn: inAccount(DEMO_JOB_ARNS.sportsFans, PARTNER_ACCOUNT_ID),
        }),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});
