import { describe, expect, it } from "vitest";

import { CLEANROOMS_ML_PRINCIPAL, trustsService } from "./trust-policy";

const encoded = (policy: unknown) => encodeURIComponent(JSON.stringify(policy));

describe("trustsService", () => {
  it("reads IAM's URL-encoded document, a single statement and a single service", () => {
    const policy = {
      Version: "2012-10-17",
      Statement: {
        Effect: "Allow",
        Principal: { Service: CLEANROOMS_ML_PRINCIPAL },
        Action: "sts:AssumeRole",
      },
    };
    expect(trustsService(encoded(policy), CLEANROOMS_ML_PRINCIPAL)).toBe(true);
  });

  it("finds the service in lists of statements, services and actions, with conditions", () => {
    const policy = {
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::111122223333:root" },
          Action: "sts:AssumeRole",
        },
        {
          Effect: "Allow",
          Principal: { Service: ["cleanrooms.amazonaws.com", CLEANROOMS_ML_PRINCIPAL] },
          Action: ["sts:AssumeRole", "sts:TagSession"],
          Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } },
        },
      ],
    };
    expect(trustsService(encoded(policy), CLEANROOMS_ML_PRINCIPAL)).toBe(true);
  });

  it("does not count other services, Deny statements, other actions or garbage", () => {
    const other = {
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: "lambda.amazonaws.com" },
          Action: "sts:AssumeRole",
        },
      ],
    };
    const deny = {
      Statement: [
        {
          Effect: "Deny",
          Principal: { Service: CLEANROOMS_ML_PRINCIPAL },
          Action: "sts:AssumeRole",
        },
      ],
    };
    const tagOnly = {
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: CLEANROOMS_ML_PRINCIPAL },
          Action: "sts:TagSession",
        },
      ],
    };
    expect(trustsService(encoded(other), CLEANROOMS_ML_PRINCIPAL)).toBe(false);
    expect(trustsService(encoded(deny), CLEANROOMS_ML_PRINCIPAL)).toBe(false);
    expect(trustsService(encoded(tagOnly), CLEANROOMS_ML_PRINCIPAL)).toBe(false);
    expect(trustsService("%7Bnot json", CLEANROOMS_ML_PRINCIPAL)).toBe(false);
    expect(trustsService(undefined, CLEANROOMS_ML_PRINCIPAL)).toBe(false);
  });
});
