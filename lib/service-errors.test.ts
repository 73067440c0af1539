import { afterEach, describe, expect, it, vi } from "vitest";

import { routeError, toActionError } from "./service-errors";

const serviceError = (name: string, fault: "client" | "server", message: string) =>
  Object.assign(new Error(message), { name, $fault: fault });

const ARN_MESSAGE =
  "User: arn:aws:iam::111122223333:user/dashboard is not authorized to perform: cleanrooms-ml:ListAudienceGenerationJobs on resource: arn:aws:cleanrooms-ml:us-east-1:111122223333:training-dataset/* because no identity-based policy allows the cleanrooms-ml:ListAudienceGenerationJobs action";

afterEach(() => vi.restoreAllMocks());

describe("a service error as the person reads it", () => {
  it("says in words which permission is missing, never the caller's ARN; the raw message goes to the log", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const error = toActionError(serviceError("AccessDeniedException", "client", ARN_MESSAGE));
    expect(error).toEqual({
      code: "AccessDeniedException",
      message: "The dashboard is not allowed to list audience generation jobs.",
      hint: "Ask your AWS administrator to allow cleanrooms-ml:ListAudienceGenerationJobs for the dashboard's AWS credentials.",
    });
    expect(JSON.stringify(error)).not.toMatch(/arn:|111122223333|policy/);
    expect(log.mock.calls.flat().join(" ")).toContain(ARN_MESSAGE);
  });

  it("words IAM's and the local service's refusals the same way", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(
      toActionError(
        serviceError(
          "AccessDenied",
          "client",
          "User: arn:aws:iam::111122223333:user/dashboard is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::111122223333:role/",
        ),
      ).message,
    ).toBe("The dashboard is not allowed to list roles.");
    expect(
      toActionError(
        serviceError(
          "AccessDeniedException",
          "client",
          "The caller is not authorized to perform cleanrooms:GetCollaborationAnalysisTemplate (denied by the local service's /_emulator/denied).",
        ),
      ).message,
    ).toBe("The dashboard is not allowed to get collaboration analysis template.");
  });

  it("keeps a failure on the service's side to the log, and says only that", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const error = toActionError(
      serviceError(
        "InternalServerException",
        "server",
        "NullPointerException at com.amazon.x(Y.java:42)",
      ),
    );
    expect(error.message).toBe("The service failed on its side.");
    expect(JSON.stringify(error)).not.toContain("java");
    expect(log.mock.calls.flat().join(" ")).toContain("Y.java:42");
  });

  it("keeps a validation message, which names the field to fix", () => {
    expect(
      toActionError(serviceError("ValidationException", "client", "name must match [a-z]+"))
        .message,
    ).toBe("name must match [a-z]+");
  });
});

describe("a service that cannot be reached", () => {
  const socketError = () =>
    Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:4811"), {
      code: "ECONNREFUSED",
      $metadata: { attempts: 3 },
    });

  it("reads “The service can't be reached”, never the socket's words, whichever client threw", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const happyEyeballs = Object.assign(new AggregateError([], ""), { code: "ECONNREFUSED" });
    const ours = new TypeError("fetch failed: connect ECONNREFUSED 127.0.0.1:4811 (GET /x)");
    for (const thrown of [socketError(), happyEyeballs, ours]) {
      const error = toActionError(thrown);
      expect(error.code).toBe("NetworkError");
      expect(error.message).toBe("The service can't be reached.");
      expect(JSON.stringify(error)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|4811/);
    }
  });

  it("names the service in the hint of a route's answer, and keeps the raw words for the log", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { status, error } = routeError(socketError(), { name: "AWS Clean Rooms" });
    expect(status).toBe(502);
    expect(error.message).toBe("The service can't be reached.");
    expect(error.hint).toBe(
      "The dashboard could not reach AWS Clean Rooms. Check that it is running, then try again.",
    );
    expect(log.mock.calls.flat().join(" ")).toContain("ECONNREFUSED 127.0.0.1:4811");
  });
});
