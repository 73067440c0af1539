/**
 * Every operation through real HTTP on loopback: what goes on the wire
 * (method, encoded path, query, JSON body) and what comes back parsed.
 * Expected routes and names are written out from the model, not computed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import {
  DeleteAudienceGenerationJobCommand,
  GetAudienceGenerationJobCommand,
  GetAudienceModelCommand,
  GetConfiguredAudienceModelCommand,
  ListAudienceExportJobsCommand,
  ListAudienceGenerationJobsCommand,
  ListAudienceModelsCommand,
  ListConfiguredAudienceModelsCommand,
  ListTagsForResourceCommand,
  StartAudienceExportJobCommand,
  StartAudienceGenerationJobCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type CleanRoomsMLClient,
} from "./index";
import {
  AUDIENCE_MODEL_ARN,
  AUDIENCE_MODEL_ARN_IN_PATH,
  COLLABORATION_ID,
  CONFIGURED_MODEL_ARN,
  CONFIGURED_MODEL_ARN_IN_PATH,
  JOB_ARN,
  JOB_ARN_IN_PATH,
  ROLE_ARN,
  testClient,
  TRAINING_DATASET_ARN,
} from "./testing/fixtures";
import {
  startLoopbackServer,
  type LoopbackServer,
  type RecordedRequest,
} from "./testing/loopback-server";

let server: LoopbackServer;
let client: CleanRoomsMLClient;

beforeAll(async () => {
  server = await startLoopbackServer();
  client = testClient(server.url);
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function onlyRequest(): RecordedRequest {
  expect(server.requests).toHaveLength(1);
  const [request] = server.requests;
  if (!request) throw new Error("no request");
  return request;
}

function jsonBody(request: RecordedRequest): unknown {
  expect(request.headers["content-type"]).toBe("application/json");
  return JSON.parse(request.body);
}

const SUMMARY_TIMES = {
  createTime: "2024-03-01T10:00:00Z",
  updateTime: "2024-03-01T10:05:30.250Z",
};
const CREATE_TIME = new Date(Date.UTC(2024, 2, 1, 10, 0, 0));
const UPDATE_TIME = new Date(Date.UTC(2024, 2, 1, 10, 5, 30, 250));

describe("StartAudienceGenerationJob", () => {
  it("POSTs the defined members as JSON to /audience-generation-job and returns the ARN", async () => {
    server.respond({ body: { audienceGenerationJobArn: JOB_ARN, somethingNew: true } });

    const output = await client.send(
      new StartAudienceGenerationJobCommand({
        name: "spring-shoes",
        configuredAudienceModelArn: CONFIGURED_MODEL_ARN,
        seedAudience: {
          roleArn: ROLE_ARN,
          sqlParameters: { queryString: "SELECT user_id FROM seed", parameters: { region: "EU" } },
          sqlComputeConfiguration: {
            worker: {
              type: "CR.4X",
              number: 16,
              properties: { spark: { "spark.sql.shuffle.partitions": "64" } },
            },
          },
        },
        includeSeedInOutput: false,
        collaborationId: COLLABORATION_ID,
        description: undefined,
        tags: { team: "growth" },
      }),
    );

    const request = onlyRequest();
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/audience-generation-job");
    expect(jsonBody(request)).toEqual({
      name: "spring-shoes",
      configuredAudienceModelArn: CONFIGURED_MODEL_ARN,
      seedAudience: {
        roleArn: ROLE_ARN,
        sqlParameters: { queryString: "SELECT user_id FROM seed", parameters: { region: "EU" } },
        sqlComputeConfiguration: {
          worker: {
            type: "CR.4X",
            number: 16,
            properties: { spark: { "spark.sql.shuffle.partitions": "64" } },
          },
        },
      },
      includeSeedInOutput: false,
      collaborationId: COLLABORATION_ID,
      tags: { team: "growth" },
    });
    expect(request.body).not.toContain("description");
    expect(output).toEqual({
      audienceGenerationJobArn: JOB_ARN,
      $metadata: expect.objectContaining({ httpStatusCode: 200 }),
    });
  });

  it("sends an S3 seed as dataSource.s3Uri", async () => {
    server.respond({ body: { audienceGenerationJobArn: JOB_ARN } });
    await client.send(
      new StartAudienceGenerationJobCommand({
        name: "s3-seed",
        configuredAudienceModelArn: CONFIGURED_MODEL_ARN,
        seedAudience: { dataSource: { s3Uri: "s3://seeds/users.csv" }, roleArn: ROLE_ARN },
      }),
    );
    expect(jsonBody(onlyRequest())).toEqual({
      name: "s3-seed",
      configuredAudienceModelArn: CONFIGURED_MODEL_ARN,
      seedAudience: { dataSource: { s3Uri: "s3://seeds/users.csv" }, roleArn: ROLE_ARN },
    });
  });
});

describe("GetAudienceGenerationJob", () => {
  it("GETs /audience-generation-job/{encoded ARN} and parses every member, dates as Date", async () => {
    server.respond({
      headers: { "x-amzn-requestid": "req-get-1" },
      body: {
        ...SUMMARY_TIMES,
        audienceGenerationJobArn: JOB_ARN,
        name: "spring-shoes",
        description: "Lookalikes of spring buyers",
        status: "ACTIVE",
        statusDetails: { statusCode: "OK", message: "done" },
        configuredAudienceModelArn: CONFIGURED_MODEL_ARN,
        seedAudience: {
          dataSource: { s3Uri: "s3://seeds/users.csv" },
          roleArn: ROLE_ARN,
          unknownSeedField: 1,
        },
        includeSeedInOutput: true,
        collaborationId: COLLABORATION_ID,
        metrics: {
          relevanceMetrics: [
            { audienceSize: { type: "ABSOLUTE", value: 10000 }, score: 1.75 },
            { audienceSize: { type: "ABSOLUTE", value: 50000 }, score: 1.2, extra: "x" },
          ],
          recallMetric: 0.42,
        },
        startedBy: "123456789012",
        tags: { team: "growth", "cost-center": "42" },
        protectedQueryIdentifier: "pq-1",
        notInTheModel: { nested: true },
      },
    });

    const output = await client.send(
      new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: JOB_ARN }),
    );

    const request = onlyRequest();
    expect(request.method).toBe("GET");
    expect(request.url).toBe(`/audience-generation-job/${JOB_ARN_IN_PATH}`);
    expect(request.body).toBe("");
    expect(request.headers["content-type"]).toBeUndefined();

    expect(output.createTime).toBeInstanceOf(Date);
    expect(output).toEqual({
      createTime: CREATE_TIME,
      updateTime: UPDATE_TIME,
      audienceGenerationJobArn: JOB_ARN,
      name: "spring-shoes",
      description: "Lookalikes of spring buyers",
      status: "ACTIVE",
      statusDetails: { statusCode: "OK", message: "done" },
      configuredAudienceModelArn: CONFIGURED_MODEL_ARN,
      seedAudience: { dataSource: { s3Uri: "s3://seeds/users.csv" }, roleArn: ROLE_ARN },
      includeSeedInOutput: true,
      collaborationId: COLLABORATION_ID,
      metrics: {
        relevanceMetrics: [
          { audienceSize: { type: "ABSOLUTE", value: 10000 }, score: 1.75 },
          { audienceSize: { type: "ABSOLUTE", value: 50000 }, score: 1.2 },
        ],
        recallMetric: 0.42,
      },
      startedBy: "123456789012",
      tags: { team: "growth", "cost-center": "42" },
      protectedQueryIdentifier: "pq-1",
      $metadata: { httpStatusCode: 200, requestId: "req-get-1", attempts: 1, totalRetryDelay: 0 },
    });
  });

  it("tolerates missing optional members and reads epoch-second timestamps", async () => {
    server.respond({
      body: {
        createTime: 1709287200,
        updateTime: 1709287530.25,
        audienceGenerationJobArn: JOB_ARN,
        name: "minimal",
        status: "CREATE_PENDING",
        configuredAudienceModelArn: CONFIGURED_MODEL_ARN,
      },
    });

    const output = await client.send(
      new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: JOB_ARN }),
    );

    expect(output.createTime).toEqual(CREATE_TIME);
    expect(output.updateTime).toEqual(UPDATE_TIME);
    expect(output.metrics).toBeUndefined();
    expect(Object.keys(output).sort()).toEqual(
      [
        "$metadata",
        "audienceGenerationJobArn",
        "configuredAudienceModelArn",
        "createTime",
        "name",
        "status",
        "updateTime",
      ].sort(),
    );
  });

  it("refuses to send without the ARN that belongs in the path", async () => {
    await expect(
      client.send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: "" })),
    ).rejects.toThrow(/audienceGenerationJobArn/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("ListAudienceGenerationJobs", () => {
  it("GETs /audience-generation-job with its filters in the query and parses the summaries", async () => {
    server.respond({
      body: {
        nextToken: "token-2",
        audienceGenerationJobs: [
          {
            ...SUMMARY_TIMES,
            audienceGenerationJobArn: JOB_ARN,
            name: "spring-shoes",
            status: "CREATE_IN_PROGRESS",
            configuredAudienceModelArn: CONFIGURED_MODEL_ARN,
            collaborationId: COLLABORATION_ID,
            startedBy: "123456789012",
            metrics: "summaries have no metrics member",
          },
        ],
      },
    });

    const output = await client.send(
      new ListAudienceGenerationJobsCommand({
        maxResults: 25,
        nextToken: "token-1",
        configuredAudienceModelArn: CONFIGURED_MODEL_ARN,
        collaborationId: COLLABORATION_ID,
      }),
    );

    const request = onlyRequest();
    expect(request.method).toBe("GET");
    expect(request.rawPath).toBe("/audience-generation-job");
    expect(Object.fromEntries(request.query)).toEqual({
      maxResults: "25",
      nextToken: "token-1",
      configuredAudienceModelArn: CONFIGURED_MODEL_ARN,
      collaborationId: COLLABORATION_ID,
    });
    expect(request.rawQuery).toContain(
      `configuredAudienceModelArn=${CONFIGURED_MODEL_ARN_IN_PATH}`,
    );
    expect(output.nextToken).toBe("token-2");
    expect(output.audienceGenerationJobs).toEqual([
      {
        createTime: CREATE_TIME,
        updateTime: UPDATE_TIME,
        audienceGenerationJobArn: JOB_ARN,
        name: "spring-shoes",
        status: "CREATE_IN_PROGRESS",
        configuredAudienceModelArn: CONFIGURED_MODEL_ARN,
        collaborationId: COLLABORATION_ID,
        startedBy: "123456789012",
      },
    ]);
  });

  it("sends no query string when no filter is given", async () => {
    server.respond({ body: { audienceGenerationJobs: [] } });
    const output = await client.send(new ListAudienceGenerationJobsCommand({}));
    expect(onlyRequest().url).toBe("/audience-generation-job");
    expect(output.audienceGenerationJobs).toEqual([]);
    expect(output.nextToken).toBeUndefined();
  });
});

describe("DeleteAudienceGenerationJob", () => {
  it("DELETEs /audience-generation-job/{encoded ARN} and returns only $metadata for the empty body", async () => {
    server.respond({ status: 200, headers: { "x-amzn-requestid": "req-del" } });

    const output = await client.send(
      new DeleteAudienceGenerationJobCommand({ audienceGenerationJobArn: JOB_ARN }),
    );

    const request = onlyRequest();
    expect(request.method).toBe("DELETE");
    expect(request.url).toBe(`/audience-generation-job/${JOB_ARN_IN_PATH}`);
    expect(output).toStrictEqual({
      $metadata: { httpStatusCode: 200, requestId: "req-del", attempts: 1, totalRetryDelay: 0 },
    });
  });
});

describe("StartAudienceExportJob", () => {
  it("POSTs the export as JSON to /audience-export-job", async () => {
    server.respond({ status: 200 });

    const output = await client.send(
      new StartAudienceExportJobCommand({
        name: "export-10k",
        audienceGenerationJobArn: JOB_ARN,
        audienceSize: { type: "ABSOLUTE", value: 10000 },
        description: "for the spring campaign",
      }),
    );

    const request = onlyRequest();
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/audience-export-job");
    expect(jsonBody(request)).toEqual({
      name: "export-10k",
      audienceGenerationJobArn: JOB_ARN,
      audienceSize: { type: "ABSOLUTE", value: 10000 },
      description: "for the spring campaign",
    });
    expect(Object.keys(output)).toEqual(["$metadata"]);
  });
});

describe("ListAudienceExportJobs", () => {
  it("GETs /audience-export-job filtered by job ARN and parses the summaries", async () => {
    server.respond({
      body: {
        audienceExportJobs: [
          {
            ...SUMMARY_TIMES,
            name: "export-10k",
            audienceGenerationJobArn: JOB_ARN,
            audienceSize: { type: "PERCENTAGE", value: 20 },
            status: "CREATE_FAILED",
            statusDetails: { statusCode: "ERR", message: "bucket missing" },
            outputLocation: "s3://exports/spring/",
          },
        ],
      },
    });

    const output = await client.send(
      new ListAudienceExportJobsCommand({ audienceGenerationJobArn: JOB_ARN, maxResults: 10 }),
    );

    const request = onlyRequest();
    expect(request.method).toBe("GET");
    expect(request.rawPath).toBe("/audience-export-job");
    expect(Object.fromEntries(request.query)).toEqual({
      audienceGenerationJobArn: JOB_ARN,
      maxResults: "10",
    });
    expect(request.rawQuery).toContain(`audienceGenerationJobArn=${JOB_ARN_IN_PATH}`);
    expect(output.audienceExportJobs).toEqual([
      {
        createTime: CREATE_TIME,
        updateTime: UPDATE_TIME,
        name: "export-10k",
        audienceGenerationJobArn: JOB_ARN,
        audienceSize: { type: "PERCENTAGE", value: 20 },
        status: "CREATE_FAILED",
        statusDetails: { statusCode: "ERR", message: "bucket missing" },
        outputLocation: "s3://exports/spring/",
      },
    ]);
  });
});

const OUTPUT_CONFIG = {
  destination: { s3Destination: { s3Uri: "s3://audiences/out/" } },
  roleArn: ROLE_ARN,
};

describe("ListConfiguredAudienceModels", () => {
  it("GETs /configured-audience-model and parses the summaries", async () => {
    server.respond({
      body: {
        nextToken: "n2",
        configuredAudienceModels: [
          {
            ...SUMMARY_TIMES,
            name: "shoes",
            audienceModelArn: AUDIENCE_MODEL_ARN,
            outputConfig: OUTPUT_CONFIG,
            configuredAudienceModelArn: CONFIGURED_MODEL_ARN,
            status: "ACTIVE",
          },
        ],
      },
    });

    const output = await client.send(
      new ListConfiguredAudienceModelsCommand({ maxResults: 100, nextToken: "n1" }),
    );

    const request = onlyRequest();
    expect(request.method).toBe("GET");
    expect(request.url).toBe("/configured-audience-model?nextToken=n1&maxResults=100");
    expect(output.nextToken).toBe("n2");
    expect(output.configuredAudienceModels).toEqual([
      {
        createTime: CREATE_TIME,
        updateTime: UPDATE_TIME,
        name: "shoes",
        audienceModelArn: AUDIENCE_MODEL_ARN,
        outputConfig: OUTPUT_CONFIG,
        configuredAudienceModelArn: CONFIGURED_MODEL_ARN,
        status: "ACTIVE",
      },
    ]);
  });
});

describe("GetConfiguredAudienceModel", () => {
  it("GETs /configured-audience-model/{encoded ARN} and parses every member", async () => {
    server.respond({
      body: {
        ...SUMMARY_TIMES,
        configuredAudienceModelArn: CONFIGURED_MODEL_ARN,
        name: "shoes",
        audienceModelArn: AUDIENCE_MODEL_ARN,
        outputConfig: OUTPUT_CONFIG,
        description: "shoe buyers",
        status: "ACTIVE",
        sharedAudienceMetrics: ["ALL"],
        minMatchingSeedSize: 500,
        audienceSizeConfig: {
          audienceSizeType: "ABSOLUTE",
          audienceSizeBins: [10000, 50000, 100000],
        },
        tags: { team: "growth" },
        childResourceTagOnCreatePolicy: "FROM_PARENT_RESOURCE",
        future: "ignored",
      },
    });

    const output = await client.send(
      new GetConfiguredAudienceModelCommand({ configuredAudienceModelArn: CONFIGURED_MODEL_ARN }),
    );

    const request = onlyRequest();
    expect(request.method).toBe("GET");
    expect(request.url).toBe(`/configured-audience-model/${CONFIGURED_MODEL_ARN_IN_PATH}`);
    const { $metadata, ...rest } = output;
    expect($metadata.httpStatusCode).toBe(200);
    expect(rest).toEqual({
      createTime: CREATE_TIME,
      updateTime: UPDATE_TIME,
      configuredAudienceModelArn: CONFIGURED_MODEL_ARN,
      name: "shoes",
      audienceModelArn: AUDIENCE_MODEL_ARN,
      outputConfig: OUTPUT_CONFIG,
      description: "shoe buyers",
      status: "ACTIVE",
      sharedAudienceMetrics: ["ALL"],
      minMatchingSeedSize: 500,
      audienceSizeConfig: {
        audienceSizeType: "ABSOLUTE",
        audienceSizeBins: [10000, 50000, 100000],
      },
      tags: { team: "growth" },
      childResourceTagOnCreatePolicy: "FROM_PARENT_RESOURCE",
    });
  });
});

describe("ListAudienceModels", () => {
  it("GETs /audience-model and parses the summaries", async () => {
    server.respond({
      body: {
        audienceModels: [
          {
            ...SUMMARY_TIMES,
            audienceModelArn: AUDIENCE_MODEL_ARN,
            name: "am",
            trainingDatasetArn: TRAINING_DATASET_ARN,
            status: "DELETE_FAILED",
            description: "old",
          },
        ],
      },
    });

    const output = await client.send(new ListAudienceModelsCommand({ maxResults: 5 }));

    const request = onlyRequest();
    expect(request.method).toBe("GET");
    expect(request.url).toBe("/audience-model?maxResults=5");
    expect(output.audienceModels).toEqual([
      {
        createTime: CREATE_TIME,
        updateTime: UPDATE_TIME,
        audienceModelArn: AUDIENCE_MODEL_ARN,
        name: "am",
        trainingDatasetArn: TRAINING_DATASET_ARN,
        status: "DELETE_FAILED",
        description: "old",
      },
    ]);
  });
});

describe("GetAudienceModel", () => {
  it("GETs /audience-model/{encoded ARN} and parses all four timestamps", async () => {
    server.respond({
      body: {
        ...SUMMARY_TIMES,
        trainingDataStartTime: "2023-01-01T00:00:00Z",
        trainingDataEndTime: "2023-12-31T23:59:59+02:00",
        audienceModelArn: AUDIENCE_MODEL_ARN,
        name: "am",
        trainingDatasetArn: TRAINING_DATASET_ARN,
        status: "ACTIVE",
        statusDetails: { message: "trained" },
        kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/abcd",
        tags: {},
        description: "audience model",
      },
    });

    const output = await client.send(
      new GetAudienceModelCommand({ audienceModelArn: AUDIENCE_MODEL_ARN }),
    );

    const request = onlyRequest();
    expect(request.method).toBe("GET");
    expect(request.url).toBe(`/audience-model/${AUDIENCE_MODEL_ARN_IN_PATH}`);
    expect(output.trainingDataStartTime).toEqual(new Date(Date.UTC(2023, 0, 1)));
    expect(output.trainingDataEndTime).toEqual(new Date(Date.UTC(2023, 11, 31, 21, 59, 59)));
    expect(output.createTime).toEqual(CREATE_TIME);
    expect(output.statusDetails).toEqual({ message: "trained" });
    expect(output.kmsKeyArn).toBe("arn:aws:kms:us-east-1:123456789012:key/abcd");
    expect(output.tags).toEqual({});
  });
});

describe("tags", () => {
  it("ListTagsForResource GETs /tags/{encoded ARN}", async () => {
    server.respond({ body: { tags: { team: "growth", env: "prod" } } });
    const output = await client.send(new ListTagsForResourceCommand({ resourceArn: JOB_ARN }));
    const request = onlyRequest();
    expect(request.method).toBe("GET");
    expect(request.url).toBe(`/tags/${JOB_ARN_IN_PATH}`);
    expect(output.tags).toEqual({ team: "growth", env: "prod" });
  });

  it("TagResource POSTs {tags} to /tags/{encoded ARN}", async () => {
    server.respond({ body: {} });
    const output = await client.send(
      new TagResourceCommand({ resourceArn: JOB_ARN, tags: { team: "growth" } }),
    );
    const request = onlyRequest();
    expect(request.method).toBe("POST");
    expect(request.url).toBe(`/tags/${JOB_ARN_IN_PATH}`);
    expect(jsonBody(request)).toEqual({ tags: { team: "growth" } });
    expect(Object.keys(output)).toEqual(["$metadata"]);
  });

  it("UntagResource DELETEs /tags/{encoded ARN} with tagKeys repeated in the query", async () => {
    server.respond({ body: {} });
    await client.send(
      new UntagResourceCommand({ resourceArn: JOB_ARN, tagKeys: ["team", "cost center", "a/b"] }),
    );
    const request = onlyRequest();
    expect(request.method).toBe("DELETE");
    expect(request.url).toBe(
      `/tags/${JOB_ARN_IN_PATH}?tagKeys=team&tagKeys=cost%20center&tagKeys=a%2Fb`,
    );
    expect(request.query.getAll("tagKeys")).toEqual(["team", "cost center", "a/b"]);
    expect(request.body).toBe("");
  });
});

describe("endpoint", () => {
  it("keeps a path prefix of the endpoint in front of the route", async () => {
    server.respond({ body: { tags: {} } });
    await testClient(`${server.url}/proxy/cleanrooms-ml/`).send(
      new ListTagsForResourceCommand({ resourceArn: JOB_ARN }),
    );
    expect(onlyRequest().url).toBe(`/proxy/cleanrooms-ml/tags/${JOB_ARN_IN_PATH}`);
  });
});
