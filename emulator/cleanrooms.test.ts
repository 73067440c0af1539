/**
 * The official AWS Clean Rooms and IAM SDK clients against the local service,
 * unchanged but for `endpoint`: every call the dashboard makes, its paging,
 * and one error type each. The service is told apart from Clean Rooms ML by
 * the SigV4 scope's service name alone.
 */
import {
  AccessDeniedException,
  CleanRoomsClient,
  GetCollaborationAnalysisTemplateCommand,
  GetCollaborationCommand,
  GetMembershipCommand,
  GetProtectedQueryCommand,
  paginateListCollaborationAnalysisTemplates,
  paginateListMembers,
  paginateListMemberships,
  ResourceNotFoundException,
  ThrottlingException,
  ValidationException,
} from "@aws-sdk/client-cleanrooms";
import { IAMClient, ListRolesCommand, paginateListRoles } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  DEMO_ANALYSIS_TEMPLATES,
  DEMO_COLLABORATION_ID,
  DEMO_JOB_ARNS,
  DEMO_MEMBERSHIP_ID,
  DEMO_PROTECTED_QUERY_IDS,
  DEMO_SEED_ROLE_ARN,
} from "./demo/catalog";
import { DEMO_COLLABORATIONS, DEMO_ROLES } from "./demo/collaborations";
import { ACCOUNT_ID, PARTNER_ACCOUNT_ID } from "./identity";
import { startTestEmulator, type TestEmulator } from "./testing";

const credentials = { accessKeyId: "x", secretAccessKey: "y" };
let emulator: TestEmulator;
let cleanRooms: CleanRoomsClient;
let iam: IAMClient;

beforeAll(async () => {
  emulator = await startTestEmulator();
  cleanRooms = new CleanRoomsClient({ region: "us-east-1", endpoint: emulator.url, credentials });
  iam = new IAMClient({ region: "us-east-1", endpoint: emulator.url, credentials });
});
afterAll(() => emulator.close());

async function all<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

const deny = (operations: string[]) => emulator.call("PUT", "/_emulator/denied", { operations });

describe("AWS Clean Rooms through @aws-sdk/client-cleanrooms", () => {
  it("lists the caller's memberships page by page, with names, abilities and Date timestamps", async () => {
    const pages = await all(
      paginateListMemberships({ client: cleanRooms, pageSize: 1 }, { status: "ACTIVE" }),
    );
    expect(pages).toHaveLength(2);
    const memberships = pages.flatMap((p) => p.membershipSummaries ?? []);
    expect(memberships.map((m) => m.collaborationName)).toEqual([
      "Retail and streaming lookalikes",
      "Loyalty insights",
    ]);
    const demo = memberships[0]!;
    expect(demo).toMatchObject({
      id: DEMO_MEMBERSHIP_ID,
      collaborationId: DEMO_COLLABORATION_ID,
      collaborationCreatorAccountId: PARTNER_ACCOUNT_ID,
      collaborationCreatorDisplayName: "Example Streaming",
      status: "ACTIVE",
      mlMemberAbilities: {
        customMLMemberAbilities: expect.arrayContaining(["CAN_RECEIVE_MODEL_OUTPUT"]),
      },
    });
    expect(demo.createTime).toBeInstanceOf(Date);
    expect(demo.createTime!.getUTCFullYear()).toBe(2025);
  });

  it("reads a membership and a collaboration; a collaboration the caller is not in is AccessDeniedException", async () => {
    const { membership } = await cleanRooms.send(
      new GetMembershipCommand({ membershipIdentifier: DEMO_MEMBERSHIP_ID }),
    );
    expect(membership?.collaborationName).toBe("Retail and streaming lookalikes");
    const { collaboration } = await cleanRooms.send(
      new GetCollaborationCommand({ collaborationIdentifier: DEMO_COLLABORATION_ID }),
    );
    expect(collaboration).toMatchObject({
      name: "Retail and streaming lookalikes",
      membershipId: DEMO_MEMBERSHIP_ID,
    });
    await expect(
      cleanRooms.send(
        new GetCollaborationCommand({
          collaborationIdentifier: "00000000-0000-4000-8000-000000000000",
        }),
      ),
    ).rejects.toBeInstanceOf(AccessDeniedException);
  });

  it("lists a collaboration's members by display name, page by page; an unknown collaboration is ResourceNotFoundException", async () => {
    const pages = await all(
      paginateListMembers(
        { client: cleanRooms, pageSize: 1 },
        { collaborationIdentifier: DEMO_COLLABORATION_ID },
      ),
    );
    expect(pages).toHaveLength(2);
    const members = pages.flatMap((p) => p.memberSummaries ?? []);
    expect(Object.fromEntries(members.map((m) => [m.accountId, m.displayName]))).toEqual({
      [ACCOUNT_ID]: "AnyCompany Retail",
      [PARTNER_ACCOUNT_ID]: "Example Streaming",
    });
    await expect(
      all(
        paginateListMembers(
          { client: cleanRooms },
          { collaborationIdentifier: "00000000-0000-4000-8000-000000000000" },
        ),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it("lists the analysis templates page by page and reads one with its parameters and SQL", async () => {
    const pages = await all(
      paginateListCollaborationAnalysisTemplates(
        { client: cleanRooms, pageSize: 1 },
        { collaborationIdentifier: DEMO_COLLABORATION_ID },
      ),
    );
    expect(pages).toHaveLength(2);
    const summaries = pages.flatMap((p) => p.collaborationAnalysisTemplateSummaries ?? []);
    expect(summaries.map((t) => t.arn)).toEqual([
      DEMO_ANALYSIS_TEMPLATES.customersBySegment.arn,
      DEMO_ANALYSIS_TEMPLATES.valuableCustomers.arn,
    ]);
    expect(summaries[0]?.description).toMatch(/segment/);
    await expect(
      all(
        paginateListCollaborationAnalysisTemplates(
          { client: cleanRooms },
          { collaborationIdentifier: "00000000-0000-4000-8000-000000000000" },
        ),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);

    const { collaborationAnalysisTemplate: template } = await cleanRooms.send(
      new GetCollaborationAnalysisTemplateCommand({
        collaborationIdentifier: DEMO_COLLABORATION_ID,
        analysisTemplateArn: DEMO_ANALYSIS_TEMPLATES.valuableCustomers.arn,
      }),
    );
    expect(template?.source?.text).toBe(DEMO_ANALYSIS_TEMPLATES.valuableCustomers.sql);
    expect(template?.analysisParameters).toEqual([
      { name: "segment", type: "VARCHAR" },
      { name: "min_value", type: "REAL", defaultValue: "500" },
    ]);
  });

  it("answers a template of another collaboration with ResourceNotFoundException, a malformed ARN with ValidationException", async () => {
    const other = DEMO_COLLABORATIONS[1]!.id;
    await expect(
      cleanRooms.send(
        new GetCollaborationAnalysisTemplateCommand({
          collaborationIdentifier: other,
          analysisTemplateArn: DEMO_ANALYSIS_TEMPLATES.valuableCustomers.arn,
        }),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(
      cleanRooms.send(
        new GetCollaborationAnalysisTemplateCommand({
          collaborationIdentifier: DEMO_COLLABORATION_ID,
          analysisTemplateArn: "not-an-arn",
        }),
      ),
    ).rejects.toBeInstanceOf(ValidationException);
  });

  it("reads the protected query behind a demo SQL job, with its statistics", async () => {
    const { protectedQuery } = await cleanRooms.send(
      new GetProtectedQueryCommand({
        membershipIdentifier: DEMO_MEMBERSHIP_ID,
        protectedQueryIdentifier: DEMO_PROTECTED_QUERY_IDS.travelSql!,
      }),
    );
    expect(protectedQuery).toMatchObject({
      id: DEMO_PROTECTED_QUERY_IDS.travelSql,
      membershipId: DEMO_MEMBERSHIP_ID,
      status: "SUCCESS",
      sqlParameters: { parameters: { segment: "travel" } },
      computeConfiguration: { worker: { type: "CR.4X", number: 8 } },
    });
    const duration = protectedQuery?.statistics?.totalDurationInMillis ?? 0;
    expect(duration).toBeGreaterThan(0);
    // Billed CRPU-hours as AWS bills them: 8 CR.4X workers of 8 CRPUs each, for the run time.
    expect(protectedQuery?.statistics?.billedResourceUtilization?.units).toBeCloseTo(
      (8 * 8 * duration) / 3_600_000,
      3,
    );
    expect(protectedQuery?.createTime).toBeInstanceOf(Date);
    await expect(
      cleanRooms.send(
        new GetProtectedQueryCommand({
          membershipIdentifier: DEMO_MEMBERSHIP_ID,
          protectedQueryIdentifier: "00000000-0000-4000-8000-000000000000",
        }),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it("gives a job started now a protected query that follows the job's status", async () => {
    const started = await emulator.call("POST", "/audience-generation-job", {
      name: "SQL via template",
      configuredAudienceModelArn: (
        await emulator.call(
          "GET",
          `/audience-generation-job/${encodeURIComponent(DEMO_JOB_ARNS.gamersTemplate)}`,
        )
      ).json.configuredAudienceModelArn,
      collaborationId: DEMO_COLLABORATION_ID,
      seedAudience: {
        roleArn: DEMO_SEED_ROLE_ARN,
        sqlParameters: {
          analysisTemplateArn: DEMO_ANALYSIS_TEMPLATES.customersBySegment.arn,
          parameters: { segment: "sports" },
        },
      },
    });
    expect(started.status).toBe(200);
    const job = await emulator.waitForJob(
      String(started.json.audienceGenerationJobArn),
      (j) => j.status === "ACTIVE" || j.status === "CREATE_FAILED",
    );
    const { protectedQuery } = await cleanRooms.send(
      new GetProtectedQueryCommand({
        membershipIdentifier: DEMO_MEMBERSHIP_ID,
        protectedQueryIdentifier: String(job.job.protectedQueryIdentifier),
      }),
    );
    expect(protectedQuery?.status).toBe(job.job.status === "ACTIVE" ? "SUCCESS" : "FAILED");
    expect(protectedQuery?.sqlParameters?.analysisTemplateArn).toBe(
      DEMO_ANALYSIS_TEMPLATES.customersBySegment.arn,
    );
  });

  it("denies an operation named in /_emulator/denied with AccessDeniedException, until cleared", async () => {
    expect((await deny(["cleanrooms:ListMemberships"])).json).toEqual({
      operations: ["cleanrooms:ListMemberships"],
    });
    try {
      await expect(all(paginateListMemberships({ client: cleanRooms }, {}))).rejects.toBeInstanceOf(
        AccessDeniedException,
      );
    } finally {
      await emulator.call("DELETE", "/_emulator/denied");
    }
    const pages = await all(paginateListMemberships({ client: cleanRooms }, {}));
    expect(pages[0]?.membershipSummaries).toHaveLength(2);
  });

  it("answers an injected throttle with ThrottlingException", async () => {
    const throttled = await startTestEmulator({ throttleRate: 1, demoJobs: false });
    try {
      const client = new CleanRoomsClient({
        region: "us-east-1",
        endpoint: throttled.url,
        credentials,
        maxAttempts: 1,
      });
      await expect(
        client.send(new GetMembershipCommand({ membershipIdentifier: DEMO_MEMBERSHIP_ID })),
      ).rejects.toBeInstanceOf(ThrottlingException);
    } finally {
      await throttled.close();
    }
  });
});

describe("IAM ListRoles through @aws-sdk/client-iam", () => {
  it("lists every role page by page, with its path and URL-encoded trust policy", async () => {
    const pages = await all(paginateListRoles({ client: iam, pageSize: 4 }, {}));
    expect(pages).toHaveLength(2);
    expect(pages[0]?.IsTruncated).toBe(true);
    const roles = pages.flatMap((p) => p.Roles ?? []);
    expect(roles.map((r) => r.RoleName)).toEqual(DEMO_ROLES.map((r) => r.name));
    const seedReader = roles.find((r) => r.Arn === DEMO_SEED_ROLE_ARN);
    expect(seedReader?.Path).toBe("/");
    expect(seedReader?.CreateDate).toBeInstanceOf(Date);
    const policy = JSON.parse(decodeURIComponent(seedReader!.AssumeRolePolicyDocument!)) as {
      Statement: { Principal: { Service?: string } }[];
    };
    expect(policy.Statement[0]?.Principal.Service).toBe("cleanrooms-ml.amazonaws.com");
  });

  it("filters by path prefix", async () => {
    const { Roles } = await iam.send(new ListRolesCommand({ PathPrefix: "/service-role/" }));
    expect(Roles?.map((r) => r.RoleName)).toEqual([
      "CleanRoomsMLQueryRunner",
      "CleanRoomsQueryLogs",
    ]);
  });

  it("answers a denied ListRoles with IAM's AccessDenied error, and a bad MaxItems with ValidationError", async () => {
    await deny(["iam:ListRoles"]);
    try {
      const denied = await iam.send(new ListRolesCommand({})).catch((e: unknown) => e);
      expect(denied).toMatchObject({
        name: "AccessDenied",
        $metadata: { httpStatusCode: 403 },
      });
      expect((denied as Error).message).toMatch(/iam:ListRoles/);
    } finally {
      await emulator.call("DELETE", "/_emulator/denied");
    }
    const invalid = await iam
      .send(new ListRolesCommand({ MaxItems: 5000 }))
      .catch((e: unknown) => e);
    expect(invalid).toMatchObject({ name: "ValidationError", $metadata: { httpStatusCode: 400 } });
  });
});
