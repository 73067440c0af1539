import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

import { shellQuote, startJobCliCommand } from "./cli-command";
import type { StartAudienceGenerationJobRequest } from "./schemas/api";

const MODEL = "arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/abc-123";
const ROLE = "arn:aws:iam::123456789012:role/SeedReader";

/**
 * Runs `command` in a real bash with `aws` replaced by a function that prints
 * each argument it receives, NUL-separated: what the shell would hand the CLI.
 */
function argsSeenByAws(command: string): string[] {
  const stub = `aws() { for a in "$@"; do printf '%s\\0' "$a"; done; }`;
  const out = execFileSync("bash", ["-c", `${stub}\n${command}`], { encoding: "utf8" });
  return out.split("\0").slice(0, -1);
}

function optionValue(args: string[], option: string): string | undefined {
  const i = args.indexOf(option);
  return i === -1 ? undefined : args[i + 1];
}

describe("shellQuote", () => {
  it("leaves plain words bare", () => {
    expect(shellQuote(MODEL)).toBe(MODEL);
    expect(shellQuote("s3://bucket/key.jsonl")).toBe("s3://bucket/key.jsonl");
  });

  it("quotes spaces, quotes, dollars, newlines and the empty string so the shell reads them back unchanged", () => {
    const values = [
      "two words",
      "it's",
      "'",
      "''",
      '$HOME `id` "x"',
      "line 1\nline 2",
      "",
      "a\\b",
      "*",
      "!",
    ];
    for (const value of values) {
      const [seen] = argsSeenByAws(`aws ${shellQuote(value)}`);
      expect(seen).toBe(value);
    }
  });
});

describe("startJobCliCommand", () => {
  it("writes the required options, one per line", () => {
    const request: StartAudienceGenerationJobRequest = {
      name: "Spring",
      configuredAudienceModelArn: MODEL,
      seedAudience: { roleArn: ROLE, dataSource: { s3Uri: "s3://demo-seeds/seed.jsonl" } },
    };
    expect(startJobCliCommand(request)).toBe(
      [
        "aws cleanroomsml start-audience-generation-job \\",
        "  --name Spring \\",
        `  --configured-audience-model-arn ${MODEL} \\`,
        `  --seed-audience '{"roleArn":"${ROLE}","dataSource":{"s3Uri":"s3://demo-seeds/seed.jsonl"}}'`,
      ].join("\n"),
    );
  });

  it("hands the CLI exactly the request's values, single quotes and all", () => {
    const request: StartAudienceGenerationJobRequest = {
      name: "Mother's day 'VIP' $5",
      configuredAudienceModelArn: MODEL,
      seedAudience: {
        roleArn: ROLE,
        sqlParameters: {
          queryString: "SELECT user_id FROM buyers WHERE segment = 'vip' AND spend > :min_spend",
          parameters: { min_spend: "100" },
        },
        sqlComputeConfiguration: {
          worker: {
            type: "CR.4X",
            number: 16,
            properties: { spark: { "spark.sql.shuffle.partitions": "200" } },
          },
        },
      },
      includeSeedInOutput: true,
      collaborationId: "0f6b1c2e-1a2b-4c3d-8e9f-001122334455",
      description: "First line\nSecond line with 'quotes'",
      tags: { team: "growth", "cost center": "it's 42" },
    };
    const args = argsSeenByAws(startJobCliCommand(request));
    expect(args.slice(0, 2)).toEqual(["cleanroomsml", "start-audience-generation-job"]);
    expect(optionValue(args, "--name")).toBe(request.name);
    expect(optionValue(args, "--configured-audience-model-arn")).toBe(MODEL);
    expect(JSON.parse(optionValue(args, "--seed-audience")!)).toEqual(request.seedAudience);
    expect(args).toContain("--include-seed-in-output");
    expect(optionValue(args, "--collaboration-id")).toBe(request.collaborationId);
    expect(optionValue(args, "--description")).toBe(request.description);
    expect(JSON.parse(optionValue(args, "--tags")!)).toEqual(request.tags);
  });

  it("leaves out what the request leaves out", () => {
    const command = startJobCliCommand({
      name: "n",
      configuredAudienceModelArn: MODEL,
      seedAudience: { roleArn: ROLE, dataSource: { s3Uri: "s3://b/k" } },
    });
    for (const option of [
      "--include-seed-in-output",
      "--collaboration-id",
      "--description",
      "--tags",
    ]) {
      expect(command).not.toContain(option);
    }
  });

  it("says --no-include-seed-in-output when the request says false", () => {
    const command = startJobCliCommand({
      name: "n",
      configuredAudienceModelArn: MODEL,
      seedAudience: { roleArn: ROLE, dataSource: { s3Uri: "s3://b/k" } },
      includeSeedInOutput: false,
    });
    expect(command).toContain("--no-include-seed-in-output");
  });
});
