import { describe, expect, it } from "vitest";

import { policyInWords, readModelPolicy } from "./model-policy";

const MODEL = "arn:aws:cleanrooms-ml:us-east-1:444455556666:configured-audience-model/m";
const COLLABORATION = "5f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5";
/** The policy Clean Rooms manages for a model association. */
const MANAGED = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { AWS: ["arn:aws:iam::111122223333:root"] },
      Action: "cleanrooms-ml:StartAudienceGenerationJob",
      Resource: [MODEL, "arn:aws:cleanrooms-ml:us-east-1:444455556666:audience-generation-job/*"],
      Condition: { StringEquals: { "cleanrooms-ml:CollaborationId": COLLABORATION } },
    },
  ],
});

describe("a configured model's resource policy in words", () => {
  it("names who may start jobs, in which collaboration, by member and collaboration name", () => {
    const policy = readModelPolicy(MANAGED)!;
    expect(
      policyInWords({
        ...policy,
        names: {
          accounts: { "111122223333": "AnyCompany Retail" },
          collaborations: { [COLLABORATION]: "Retail and streaming lookalikes" },
        },
      }),
    ).toEqual([
      "AnyCompany Retail (111122223333) may start audience generation jobs on this model, in the collaboration Retail and streaming lookalikes only.",
    ]);
  });

  it("falls back to IDs, reads bare account principals, denials and any collaboration", () => {
    const policy = readModelPolicy(
      JSON.stringify({
        Statement: {
          Effect: "Deny",
          Principal: { AWS: ["777788889999", "arn:aws:iam::123456789012:root"] },
          Action: ["cleanrooms-ml:*"],
          Resource: MODEL,
        },
      }),
    )!;
    expect(policyInWords(policy)).toEqual([
      "Account 777788889999 and Account 123456789012 may not do anything with it on this model, in any collaboration.",
    ]);
  });

  it("says a statement it cannot put in words is there, rather than leaving it out", () => {
    const policy = readModelPolicy(
      JSON.stringify({
        Statement: [
          JSON.parse(MANAGED).Statement[0],
          {
            Effect: "Allow",
            Principal: { AWS: "arn:aws:iam::111122223333:role/Analyst" },
            Action: "cleanrooms-ml:StartAudienceGenerationJob",
            Resource: MODEL,
            Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } },
          },
        ],
      }),
    )!;
    expect(policy.unexplained).toBe(1);
    expect(policyInWords(policy)[1]).toBe(
      "One more statement has conditions not shown here: read the policy in the AWS console.",
    );
  });

  it("is undefined for text that is not a policy document", () => {
    expect(readModelPolicy("not json")).toBeUndefined();
    expect(readModelPolicy("{}")).toBeUndefined();
  });
});
