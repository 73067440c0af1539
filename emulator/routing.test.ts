import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";

import { ApiError } from "./http";
import { matchRoute, route, signingServiceOf } from "./routing";

const request = (authorization?: string) =>
  ({ headers: authorization === undefined ? {} : { authorization } }) as IncomingMessage;

describe("signingServiceOf", () => {
  it("reads the service from the Authorization header's credential scope", () => {
    const header =
      "AWS4-HMAC-SHA256 Credential=AKID/20261130/us-east-1/cleanrooms/aws4_request, SignedHeaders=host, Signature=00";
    expect(signingServiceOf(request(header), new URLSearchParams())).toBe("cleanrooms");
  });

  it("reads a presigned URL's X-Amz-Credential", () => {
    const query = new URLSearchParams({
      "X-Amz-Credential": "AKID/20261130/us-east-1/s3/aws4_request",
    });
    expect(signingServiceOf(request(), query)).toBe("s3");
  });

  it("is undefined for an unsigned request", () => {
    expect(signingServiceOf(request(), new URLSearchParams())).toBeUndefined();
  });
});

describe("matchRoute", () => {
  const noop = () => ({});
  const routes = [
    route("GET", "/memberships", "ListMemberships", noop),
    route(
      "GET",
      "/memberships/{membershipIdentifier}/protectedQueries/{protectedQueryIdentifier}",
      "GetProtectedQuery",
      noop,
    ),
    route("GET", "/tags/{resourceArn}", "ListTagsForResource", noop),
  ];

  it("matches fixed paths and decodes each label", () => {
    expect(matchRoute(routes, "GET", "/memberships", "Test").route.name).toBe("ListMemberships");
    const { route: found, labels } = matchRoute(
      routes,
      "GET",
      "/memberships/m-1/protectedQueries/q%2D2",
      "Test",
    );
    expect(found.name).toBe("GetProtectedQuery");
    expect(labels).toEqual({ membershipIdentifier: "m-1", protectedQueryIdentifier: "q-2" });
  });

  it("keeps an encoded slash inside one label", () => {
    const arn = "arn:aws:cleanrooms-ml:us-east-1:111122223333:audience-generation-job/abc";
    const { labels } = matchRoute(routes, "GET", `/tags/${encodeURIComponent(arn)}`, "Test");
    expect(labels.resourceArn).toBe(arn);
  });

  it("refuses an unknown path, a wrong method and bad percent-encoding", () => {
    expect(() => matchRoute(routes, "GET", "/nothing", "Test")).toThrow(
      /No Test operation answers/,
    );
    expect(() => matchRoute(routes, "POST", "/memberships", "Test")).toThrow(ApiError);
    expect(() => matchRoute(routes, "GET", "/tags/%E0%A4%A", "Test")).toThrow(/percent-encoding/);
  });
});
