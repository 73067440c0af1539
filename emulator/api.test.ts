/** Routes, shapes, headers and protocol errors, over HTTP against an in-process emulator. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  DEMO_AUDIENCE_MODELS,
  DEMO_COLLABORATION_ID,
  DEMO_CONFIGURED_MODELS,
  DEMO_JOB_ARNS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
  DEMO_TRAINING_DATASETS,
} from "./demo/catalog";
import { DEMO_SCHEDULE_RUN_IDS } from "./demo/schedules";
import { ACCOUNT_ID, arnOf, PARTNER_ACCOUNT_ID } from "./identity";
import { asAccount, enc, jobPath, startTestEmulator, type TestEmulator } from "./testing";

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("protocol", () => {
  it("sends x-amzn-requestid and JSON on every response, errors included", async () => {
    for (const [method, path] of [
      ["GET", "/audience-generation-job"],
      ["GET", "/no-such-operation"],
      ["GET", jobPath(DEMO_JOB_ARNS.sportsFans.replace(/.{4}$/, "0000"))],
    ] as const) {
      const res = await emulator.call(method, path);
      expect(res.headers.get("x-amzn-requestid")).toMatch(UUID);
      expect(res.headers.get("content-type")).toBe("application/json");
    }
  });

  it("answers an unknown route with 404 UnknownOperationException", async () => {
    const res = await emulator.call("PUT", "/audience-generation-job");
    expect(res.status).toBe(404);
    expect(res.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
    expect(res.json.message).toContain("PUT /audience-generation-job");
  });

  it("decodes a percent-encoded ARN label, and takes one sent with raw slashes and colons", async () => {
    const encoded = await emulator.call("GET", jobPath(DEMO_JOB_ARNS.sportsFans));
    const raw = await emulator.call("GET", `/audience-generation-job/${DEMO_JOB_ARNS.sportsFans}`);
    expect(encoded.status).toBe(200);
    expect(raw.json).toEqual(encoded.json);
  });

  it("rejects a label that is not valid percent-encoding with a 400", async () => {
    const res = await emulator.call("GET", "/audience-generation-job/arn%3");
    expect(res.status).toBe(400);
    expect(res.headers.get("x-amzn-errortype")).toBe("ValidationException");
  });

  it("answers malformed JSON with a 400 that says so, and keeps serving", async () => {
    const res = await emulator.call("POST", "/audience-generation-job", '{"name": "x",', {
      "content-type": "application/json",
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("x-amzn-errortype")).toBe("SerializationException");
    expect(res.json.message).toMatch(/not valid JSON/);
    expect((await emulator.call("GET", "/audience-model")).status).toBe(200);
  });

  it("requires the body to be a JSON object", async () => {
    for (const body of ["[]", '"text"', "42", "null"]) {
      const res = await emulator.call("POST", "/audience-export-job", body, {
        "content-type": "application/json",
      });
      expect(res.status).toBe(400);
      expect(res.json.message).toBe("The request body must be a JSON object.");
    }
  });

  it("rejects a POST body of another content type with a clear 400", async () => {
    for (const contentType of [
      "application/x-amz-json-1.1",
      "text/plain",
      "application/x-www-form-urlencoded",
    ]) {
      const res = await emulator.call("POST", "/audience-generation-job", "{}", {
        "content-type": contentType,
      });
      expect(res.status).toBe(400);
      expect(res.headers.get("x-amzn-errortype")).toBe("SerializationException");
      expect(res.json.message).toContain(contentType);
    }
  });

  it("takes JSON with a charset, and refuses a body with no content type (as a browser sends one)", async () => {
    const body = JSON.stringify({ tags: { probe: "1" } });
    const path = `/tags/${enc(DEMO_CONFIGURED_MODELS.retailPercentage.arn)}`;
    expect(
      (
        await emulator.call("POST", path, body, {
          "content-type": "application/json; charset=UTF-8",
        })
      ).status,
    ).toBe(200);
    const res = await fetch(emulator.url + path, {
      method: "POST",
      body: new TextEncoder().encode(body),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("x-amzn-errortype")).toBe("SerializationException");
    expect((await res.json()).message).toMatch(/no content type: send it as application\/json/);
  });

  it("ignores the content type and body of GET and DELETE requests, as the AWS CLI sends them", async () => {
    const get = await emulator.call("GET", "/configured-audience-model", undefined, {
      "content-type": "application/x-amz-json-1.1",
    });
    expect(get.status).toBe(200);
    const del = await emulator.call(
      "DELETE",
      `/tags/${enc(DEMO_CONFIGURED_MODELS.retailPercentage.arn)}?tagKeys=none`,
      "",
      {
        "content-type": "application/x-amz-json-1.1",
      },
    );
    expect(del.status).toBe(200);
  });

  it("treats an empty POST body as {} and names the missing members", async () => {
    const res = await emulator.call("POST", "/audience-generation-job", "", {
      "content-type": "application/json",
    });
    expect(res.status).toBe(400);
    expect(res.json.message).toMatch(/name: /);
    expect(res.json.message).toMatch(/configuredAudienceModelArn: /);
    expect(res.json.message).toMatch(/seedAudience: /);
  });

  it("refuses bodies over 8 MiB with a 413", async () => {
    const res = await emulator.call(
      "POST",
      "/audience-generation-job",
      JSON.stringify({ name: "x".repeat(9 * 1024 * 1024) }),
    );
    expect(res.status).toBe(413);
  });
});

describe("ListAudienceGenerationJobs", () => {
  it("lists the demo jobs newest first, with summaries in the model's shape", async () => {
    const res = await emulator.call("GET", "/audience-generation-job");
    expect(res.status).toBe(200);
    const jobs = res.json.audienceGenerationJobs as Record<string, unknown>[];
    expect(jobs.map((j) => j.audienceGenerationJobArn)).toEqual([
      DEMO_JOB_ARNS.partnerFitness,
      DEMO_JOB_ARNS.tooSmall,
      DEMO_JOB_ARNS.gamersTemplate,
      DEMO_JOB_ARNS.travelSql,
      DEMO_JOB_ARNS.randomBaseline,
      DEMO_JOB_ARNS.sportsFans,
      // The weekly schedule's past runs, older than the rest, newest first.
      ...[...DEMO_SCHEDULE_RUN_IDS].reverse().map((id) => arnOf("audience-generation-job", id)),
    ]);
    for (const job of jobs) {
      // A description is optional: the schedule's runs have none, and it is left out, not null.
      expect(Object.keys(job).sort()).toEqual(
        [
          "audienceGenerationJobArn",
          "collaborationId",
          "configuredAudienceModelArn",
          "createTime",
          ...(typeof job.description === "string" ? ["description"] : []),
          "name",
          "startedBy",
          "status",
          "updateTime",
        ].sort(),
      );
      expect(job.createTime).toMatch(ISO);
      expect(job.updateTime).toMatch(ISO);
    }
    expect(jobs.filter((j) => j.description === undefined)).toHaveLength(
      DEMO_SCHEDULE_RUN_IDS.length,
    );
    expect(
      jobs.find((j) => j.audienceGenerationJobArn === DEMO_JOB_ARNS.partnerFitness)?.startedBy,
    ).toBe(PARTNER_ACCOUNT_ID);
    expect(res.json.nextToken).toBeUndefined();
  });

  it("pages with maxResults and nextToken without repeating or losing a job", async () => {
    const all = (await emulator.call("GET", "/audience-generation-job")).json
      .audienceGenerationJobs as { audienceGenerationJobArn: string }[];
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const res = await emulator.call(
        "GET",
        `/audience-generation-job?maxResults=4${token ? `&nextToken=${enc(token)}` : ""}`,
      );
      const page = res.json.audienceGenerationJobs as { audienceGenerationJobArn: string }[];
      expect(page.length).toBeLessThanOrEqual(4);
      seen.push(...page.map((j) => j.audienceGenerationJobArn));
      token = res.json.nextToken as string | undefined;
    } while (token);
    expect(seen).toEqual(all.map((j) => j.audienceGenerationJobArn));
  });

  it("filters by configured audience model and by collaboration", async () => {
    const model = DEMO_CONFIGURED_MODELS.retailAbsolute.arn;
    const byModel = await emulator.call(
      "GET",
      `/audience-generation-job?configuredAudienceModelArn=${enc(model)}`,
    );
    const arns = (
      byModel.json.audienceGenerationJobs as { configuredAudienceModelArn: string }[]
    ).map((j) => j.configuredAudienceModelArn);
    expect(arns.length).toBeGreaterThanOrEqual(2);
    expect(new Set(arns)).toEqual(new Set([model]));
    const other = await emulator.call(
      "GET",
      "/audience-generation-job?collaborationId=00000000-0000-4000-8000-000000000000",
    );
    expect(other.json.audienceGenerationJobs).toEqual([]);
    const ours = await emulator.call(
      "GET",
      `/audience-generation-job?collaborationId=${DEMO_COLLABORATION_ID}`,
    );
    expect((ours.json.audienceGenerationJobs as unknown[]).length).toBeGreaterThanOrEqual(6);
  });

  it("checks maxResults (1..100) and nextToken", async () => {
    const status = async (query: string) =>
      (await emulator.call("GET", `/audience-generation-job?${query}`)).status;
    expect(await status("maxResults=0")).toBe(400);
    expect(await status("maxResults=1")).toBe(200);
    expect(await status("maxResults=100")).toBe(200);
    expect(await status("maxResults=101")).toBe(400);
    expect(await status("maxResults=ten")).toBe(400);
    expect(await status("maxResults=1.5")).toBe(400);
    expect(await status("nextToken=")).toBe(400);
    expect(await status("nextToken=bm90IGEgdG9rZW4")).toBe(400);
    expect(await status(`nextToken=${"a".repeat(10_241)}`)).toBe(400);
    const message = (await emulator.call("GET", "/audience-generation-job?maxResults=101")).json
      .message;
    expect(message).toBe("maxResults: maxResults must be at most 100");
    const filter = await emulator.call(
      "GET",
      "/audience-generation-job?configuredAudienceModelArn=nope",
    );
    expect(filter.status).toBe(400);
    expect(filter.json.message).toMatch(/^configuredAudienceModelArn: /);
  });
});

describe("GetAudienceGenerationJob", () => {
  it("returns an ACTIVE job with its seed, metrics, tags and who started it", async () => {
    const { json, status } = await emulator.call("GET", jobPath(DEMO_JOB_ARNS.sportsFans));
    expect(status).toBe(200);
    expect(json).toMatchObject({
      audienceGenerationJobArn: DEMO_JOB_ARNS.sportsFans,
      name: "Sports fans lookalike",
      status: "ACTIVE",
      configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailAbsolute.arn,
      seedAudience: {
        dataSource: { s3Uri: DEMO_SEED_URIS.sportsFans },
        roleArn: DEMO_SEED_ROLE_ARN,
      },
      includeSeedInOutput: false,
      collaborationId: DEMO_COLLABORATION_ID,
      startedBy: ACCOUNT_ID,
      tags: { team: "growth", project: "spring-campaign" },
    });
    const metrics = json.metrics as {
      relevanceMetrics: { audienceSize: { type: string; value: number }; score: number }[];
      recallMetric: number;
    };
    expect(metrics.relevanceMetrics.map((m) => m.audienceSize)).toEqual(
      [5000, 10000, 25000, 50000].map((value) => ({ type: "ABSOLUTE", value })),
    );
    expect(json.createTime).toMatch(ISO);
    expect(json.statusDetails).toBeUndefined();
    expect(json.protectedQueryIdentifier).toBeUndefined();
  });

  it("shows another member's job without its seed or tags", async () => {
    const { json } = await emulator.call("GET", jobPath(DEMO_JOB_ARNS.partnerFitness));
    expect(json.startedBy).toBe(PARTNER_ACCOUNT_ID);
    expect(json.name).toBe(`${PARTNER_ACCOUNT_ID}-Partner fitness lookalike`);
    expect(json.status).toBe("ACTIVE");
    expect(json).not.toHaveProperty("seedAudience");
    expect(json).not.toHaveProperty("tags");
    expect(json).toHaveProperty("metrics");
  });

  it("shows a SQL seed, its compute configuration as given, and the protected query", async () => {
    const { json } = await emulator.call("GET", jobPath(DEMO_JOB_ARNS.travelSql));
    expect(json.seedAudience).toEqual({
      roleArn: DEMO_SEED_ROLE_ARN,
      sqlParameters: {
        queryString:
          "SELECT user_id FROM customers WHERE segment = :segment AND region IN ('north', 'east')",
        parameters: { segment: "travel" },
      },
      sqlComputeConfiguration: {
        worker: {
          type: "CR.4X",
          number: 8,
          properties: { spark: { "spark.sql.shuffle.partitions": "64" } },
        },
      },
    });
    expect(json.protectedQueryIdentifier).toMatch(UUID);
    expect(json.includeSeedInOutput).toBe(true);
  });

  it("leaves metrics out when the configured model shares none", async () => {
    const { json } = await emulator.call("GET", jobPath(DEMO_JOB_ARNS.gamersTemplate));
    expect(json.status).toBe("ACTIVE");
    expect(json).not.toHaveProperty("metrics");
  });

  it("says why a failed job failed", async () => {
    const { json } = await emulator.call("GET", jobPath(DEMO_JOB_ARNS.tooSmall));
    expect(json.status).toBe("CREATE_FAILED");
    expect(json.statusDetails).toEqual({
      statusCode: "SEED_TOO_FEW_USERS",
      message: "The seed audience has 10 unique user IDs; at least 25 are required.",
    });
  });

  it("answers an unknown ARN with 404 ResourceNotFoundException and an invalid one with 400", async () => {
    const missing = DEMO_JOB_ARNS.sportsFans.replace(/.{4}$/, "0000");
    const notFound = await emulator.call("GET", jobPath(missing));
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get("x-amzn-errortype")).toBe("ResourceNotFoundException");
    expect(notFound.json).toEqual({
      message: `Audience generation job ${missing} does not exist.`,
    });
    const invalid = await emulator.call("GET", jobPath(DEMO_CONFIGURED_MODELS.retailAbsolute.arn));
    expect(invalid.status).toBe(400);
    expect(invalid.json.message).toMatch(
      /^audienceGenerationJobArn: Audience generation job ARN must look like/,
    );
  });
});

describe("models", () => {
  const ours = [DEMO_CONFIGURED_MODELS.retailAbsolute, DEMO_CONFIGURED_MODELS.retailPercentage];
  const partners = [
    DEMO_CONFIGURED_MODELS.streamingReach,
    DEMO_CONFIGURED_MODELS.streamingLookalikes,
  ];

  it("lists and gets each account's own configured audience models with their sizes, metrics policy and output", async () => {
    for (const [headers, models] of [
      [{}, ours],
      [asAccount(PARTNER_ACCOUNT_ID), partners],
    ] as const) {
      const list = await emulator.call("GET", "/configured-audience-model", undefined, headers);
      const listed = list.json.configuredAudienceModels as Record<string, unknown>[];
      expect(listed.map((m) => m.name)).toEqual(models.map((m) => m.name));
      for (const model of listed) expect(model).not.toHaveProperty("audienceSizeConfig");

      for (const demo of models) {
        const { json } = await emulator.call(
          "GET",
          `/configured-audience-model/${enc(demo.arn)}`,
          undefined,
          headers,
        );
        expect(json).toMatchObject({
          configuredAudienceModelArn: demo.arn,
          name: demo.name,
          description: demo.description,
          audienceModelArn: demo.audienceModel.arn,
          status: "ACTIVE",
          sharedAudienceMetrics: demo.sharedAudienceMetrics,
          minMatchingSeedSize: demo.minMatchingSeedSize,
          audienceSizeConfig: demo.audienceSizeConfig,
          outputConfig: { destination: { s3Destination: { s3Uri: demo.outputS3Uri } } },
          childResourceTagOnCreatePolicy: demo.childResourceTagOnCreatePolicy,
        });
        expect(json.createTime).toMatch(ISO);
      }
    }
    const page = await emulator.call("GET", "/configured-audience-model?maxResults=1");
    expect((page.json.configuredAudienceModels as unknown[]).length).toBe(1);
    const rest = await emulator.call(
      "GET",
      `/configured-audience-model?nextToken=${enc(String(page.json.nextToken))}`,
    );
    expect((rest.json.configuredAudienceModels as { name: string }[]).map((m) => m.name)).toEqual([
      DEMO_CONFIGURED_MODELS.retailPercentage.name,
    ]);
  });

  it("refuses to show an account another account's configured model, in AWS's words", async () => {
    const partner = DEMO_CONFIGURED_MODELS.streamingLookalikes.arn;
    const res = await emulator.call("GET", `/configured-audience-model/${enc(partner)}`);
    expect(res.status).toBe(403);
    expect(res.headers.get("x-amzn-errortype")).toBe("AccessDeniedException");
    expect(res.json.message).toBe(
      `User: arn:aws:iam::${ACCOUNT_ID}:user/dashboard is not authorized to perform: cleanrooms-ml:GetConfiguredAudienceModel on resource: ${partner} because no resource-based policy allows the cleanrooms-ml:GetConfiguredAudienceModel action`,
    );
  });

  it("lists and gets each account's audience models with their training dataset and period", async () => {
    const list = await emulator.call("GET", "/audience-model");
    expect(
      (list.json.audienceModels as { audienceModelArn: string }[]).map((m) => m.audienceModelArn),
    ).toEqual([DEMO_AUDIENCE_MODELS.retail.arn]);
    const streaming = `/audience-model/${enc(DEMO_AUDIENCE_MODELS.streaming.arn)}`;
    expect((await emulator.call("GET", streaming)).status).toBe(403);
    const { json } = await emulator.call(
      "GET",
      streaming,
      undefined,
      asAccount(PARTNER_ACCOUNT_ID),
    );
    expect(json).toMatchObject({
      audienceModelArn: DEMO_AUDIENCE_MODELS.streaming.arn,
      trainingDatasetArn: DEMO_TRAINING_DATASETS.streaming.arn,
      status: "ACTIVE",
      trainingDataStartTime: "2024-01-01T00:00:00.000Z",
      trainingDataEndTime: "2024-12-31T23:59:59.000Z",
    });
    expect(json.kmsKeyArn).toMatch(new RegExp(`^arn:aws:kms:us-east-1:${PARTNER_ACCOUNT_ID}:`));
  });

  it("answers unknown model ARNs with 404 and a job ARN in their place with 400", async () => {
    const unknown = DEMO_AUDIENCE_MODELS.retail.arn.replace(/.{4}$/, "0000");
    expect((await emulator.call("GET", `/audience-model/${enc(unknown)}`)).status).toBe(404);
    const wrongType = await emulator.call(
      "GET",
      `/configured-audience-model/${enc(DEMO_JOB_ARNS.sportsFans)}`,
    );
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.message).toMatch(/^configuredAudienceModelArn: /);
  });
});

describe("tags", () => {
  const model = DEMO_AUDIENCE_MODELS.retail.arn;
  const tagsPath = `/tags/${enc(model)}`;

  it("adds, overwrites, lists and removes tags", async () => {
    expect(
      (await emulator.call("POST", tagsPath, { tags: { owner: "growth", stage: "test" } })).json,
    ).toEqual({});
    expect((await emulator.call("GET", tagsPath)).json).toEqual({
      tags: { owner: "growth", stage: "test" },
    });
    const untag = await emulator.call("DELETE", `${tagsPath}?tagKeys=stage&tagKeys=absent`);
    expect(untag.status).toBe(200);
    expect((await emulator.call("GET", tagsPath)).json).toEqual({ tags: { owner: "growth" } });
  });

  it("tags jobs, audience models and training datasets too", async () => {
    for (const arn of [
      DEMO_JOB_ARNS.randomBaseline,
      DEMO_AUDIENCE_MODELS.retail.arn,
      DEMO_TRAINING_DATASETS.retail.arn,
    ]) {
      expect((await emulator.call("POST", `/tags/${enc(arn)}`, { tags: { k: "v" } })).status).toBe(
        200,
      );
      expect((await emulator.call("GET", `/tags/${enc(arn)}`)).json.tags).toMatchObject({ k: "v" });
    }
  });

  it("answers 404 for an unknown resource and 403 for another member's job", async () => {
    const unknown = await emulator.call("GET", `/tags/${enc(model.replace(/.{4}$/, "0000"))}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("x-amzn-errortype")).toBe("ResourceNotFoundException");
    const partner = await emulator.call("POST", `/tags/${enc(DEMO_JOB_ARNS.partnerFitness)}`, {
      tags: { k: "v" },
    });
    expect(partner.status).toBe(403);
    expect(partner.headers.get("x-amzn-errortype")).toBe("AccessDeniedException");
  });

  it("requires tagKeys on UntagResource and refuses aws: keys", async () => {
    const missing = await emulator.call("DELETE", tagsPath);
    expect(missing.status).toBe(400);
    expect(missing.json.message).toMatch(/^tagKeys: /);
    const reserved = await emulator.call("DELETE", `${tagsPath}?tagKeys=aWs%3Aowner`);
    expect(reserved.status).toBe(400);
    expect(reserved.json.message).toMatch(/reserved/);
  });

  it("counts existing tags against the limit of 50 (the partner tagging its own model)", async () => {
    const arn = DEMO_AUDIENCE_MODELS.streaming.arn;
    const partner = asAccount(PARTNER_ACCOUNT_ID);
    const tag = (tags: Record<string, string>) =>
      emulator.call("POST", `/tags/${enc(arn)}`, { tags }, partner);
    const forty = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`a${i}`, "x"]));
    expect((await tag(forty)).status).toBe(200);
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`b${i}`, "x"]));
    expect((await tag(ten)).status).toBe(200);
    const over = await tag({ c0: "x" });
    expect(over.status).toBe(400);
    expect(over.json.message).toMatch(/^tags: At most 50 tags/);
    expect((await tag({ a0: "overwrite" })).status).toBe(200);
    // Our account may not tag the partner's model.
    expect((await emulator.call("POST", `/tags/${enc(arn)}`, { tags: { k: "v" } })).status).toBe(
      403,
    );
  });
});
