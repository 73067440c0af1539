/**
 * The session check inside every action and JSON route (behind Proxy's), and
 * the who-did-it tags, against a real local service. The session itself is
 * stood in for: next-auth's getServerSession and next/headers are replaced,
 * since no request is in flight in a unit test.
 */
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import {
  DEMO_CONFIGURED_MODELS,
  DEMO_JOB_ARNS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
} from "@/emulator/demo/catalog";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import type { ActionResult } from "@/lib/action-result";
import { emptyStartJobForm, type StartJobFormValues } from "@/lib/schemas/start-job-form";
import { recordClientAgainst, type SentCommand } from "@/test/local-service";

const session = vi.hoisted(() => ({
  current: null as null | { user: { email: string; name?: string } },
  headers: new Headers(),
}));
vi.mock("next-auth/next", () => ({ getServerSession: async () => session.current }));
vi.mock("next/headers", () => ({
  headers: async () => session.headers,
  cookies: async () => ({ getAll: () => [] }),
}));

type Action = (input: unknown) => Promise<ActionResult<unknown>>;

const values: StartJobFormValues = {
  ...emptyStartJobForm,
  name: "Signed-in start",
  configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
  s3Uri: DEMO_SEED_URIS.tooSmall,
  roleArn: DEMO_SEED_ROLE_ARN,
};

let emulator: TestEmulator;
const sent: SentCommand[] = [];

async function load(env: Record<string, string>) {
  vi.resetModules();
  vi.unstubAllEnvs();
  await recordClientAgainst(emulator.url, sent, env);
  return {
    start: (await import("./start-audience-generation-job")).startAudienceGenerationJob as Action,
    exportJob: (await import("./start-audience-export-job")).startAudienceExportJob as Action,
    tag: (await import("./tag-resource")).tagResource as Action,
    untag: (await import("./untag-resource")).untagResource as Action,
    remove: (await import("./delete-audience-generation-job"))
      .deleteAudienceGenerationJob as Action,
    jsonRoute: (await import("@/lib/api-route")).jsonRoute,
  };
}

const OIDC_ENV = {
  AUTH_OIDC_ISSUER: "https://idp.example.com",
  AUTH_OIDC_CLIENT_ID: "dashboard",
  AUTH_OIDC_CLIENT_SECRET: "client-secret",
  AUTH_SECRET: "a-session-secret-of-at-least-32-characters",
  AUTH_URL: "https://audiences.example.com",
  AUTH_ALLOWED_EMAIL_DOMAINS: "example.com",
};

async function tagsOf(arn: string) {
  return (await emulator.call("GET", `/tags/${encodeURIComponent(arn)}`)).json.tags as Record<
    string,
    string
  >;
}

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  emulator = await startTestEmulator();
});
afterAll(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await emulator?.close();
});
beforeEach(() => {
  sent.length = 0;
  session.current = null;
  session.headers = new Headers();
});

describe("with sign-in on and no session", () => {
  it("every action answers Unauthorized, whatever its input, and sends nothing", async () => {
    const actions = await load(OIDC_ENV);
    const valid: [Action, unknown][] = [
      [actions.start, values],
      [
        actions.exportJob,
        {
          name: "x",
          audienceGenerationJobArn: DEMO_JOB_ARNS.sportsFans,
          audienceSize: { type: "ABSOLUTE", value: 5000 },
        },
      ],
      [actions.tag, { resourceArn: DEMO_JOB_ARNS.sportsFans, tags: { team: "x" } }],
      [actions.untag, { resourceArn: DEMO_JOB_ARNS.sportsFans, tagKeys: ["team"] }],
      [actions.remove, { audienceGenerationJobArn: DEMO_JOB_ARNS.sportsFans }],
    ];
    for (const [action, input] of valid) {
      expect(await action(input)).toMatchObject({ ok: false, error: { code: "Unauthorized" } });
    }
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...valid.map(([a]) => a)),
        fc.anything(),
        async (action, input) => {
          expect(await action(input)).toMatchObject({ ok: false, error: { code: "Unauthorized" } });
        },
      ),
      { numRuns: 300 },
    );
    expect(sent).toEqual([]);
    expect(
      (
        await emulator.call(
          "GET",
          `/audience-generation-job/${encodeURIComponent(DEMO_JOB_ARNS.sportsFans)}`,
        )
      ).status,
    ).toBe(200);
  });

  it("a JSON route answers 401 before it reads anything", async () => {
    const { jsonRoute } = await load(OIDC_ENV);
    const handler = vi.fn(async () => ({
      data: { secret: "data" },
      body: '{"secret":"data"}',
      etag: '"secret"',
      readAt: Date.now(),
    }));
    const { z } = await import("zod");
    const response = await jsonRoute(z.object({}), handler)(new Request("http://localhost/api/x"));
    expect(response.status).toBe(401);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ error: { code: "Unauthorized" } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("a job in the server's read cache is still refused without a session, even to If-None-Match", async () => {
    // Signed in: the read fills the process's cache (shared across module reloads, as in a server).
    await load(OIDC_ENV);
    session.current = { user: { email: "alice@example.com" } };
    const signedIn = (await import("@/app/api/job/route")).GET;
    const url = `http://localhost/api/job?arn=${encodeURIComponent(DEMO_JOB_ARNS.sportsFans)}`;
    const read = await signedIn(new Request(url));
    expect(read.status).toBe(200);
    const etag = read.headers.get("etag")!;
    expect(sent.filter((s) => s.operation === "GetAudienceGenerationJob")).toHaveLength(1);

    session.current = null;
    sent.length = 0;
    for (const headers of [{}, { "if-none-match": etag }] as Record<string, string>[]) {
      const refused = await signedIn(new Request(url, { headers }));
      expect(refused.status).toBe(401);
      expect(refused.headers.get("etag")).toBeNull();
      expect(await refused.text()).not.toContain("audienceGenerationJobArn");
    }
    expect(sent).toEqual([]);
  });

  it("a server that must not run without sign-in refuses every action", async () => {
    // Pointed at AWS (no endpoint) and with no sign-in: the start-up check would have stopped it.
    vi.resetModules();
    vi.unstubAllEnvs();
    vi.stubEnv("CLEANROOMS_ML_ENDPOINT", "");
    vi.stubEnv("AWS_REGION", "us-east-1");
    vi.stubEnv("DASHBOARD_BIND_HOST", "127.0.0.1");
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { tagResource } = await import("./tag-resource");
    expect(
      await tagResource({ resourceArn: DEMO_JOB_ARNS.sportsFans, tags: { a: "b" } }),
    ).toMatchObject({
      ok: false,
      error: { code: "Unauthorized" },
    });
    expect(errors).toHaveBeenCalledWith(
      expect.stringContaining("Refusing to start without sign-in"),
    );
    errors.mockRestore();
  });
});

describe("signed in", () => {
  it("records who started a job, replacing any record the input brought along", async () => {
    const { start } = await load(OIDC_ENV);
    session.current = { user: { email: "alice@example.com", name: "Alice" } };
    const result = await start({
      ...values,
      tags: [
        { key: "team", value: "growth" },
        { key: "dashboard:started-by", value: "mallory@example.com" },
        { key: "dashboard:exported-by", value: "mallory@example.com" },
      ],
    });
    expect(result.ok).toBe(true);
    const arn = (result as { data: { audienceGenerationJobArn: string } }).data
      .audienceGenerationJobArn;
    expect(await tagsOf(arn)).toEqual({
      team: "growth",
      "dashboard:started-by": "alice@example.com",
    });
  });

  it("keeps room for the record: 50 tags of the person's own are one too many", async () => {
    const { start } = await load(OIDC_ENV);
    session.current = { user: { email: "alice@example.com" } };
    const tags = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: "v" }));
    expect(await start({ ...values, tags })).toMatchObject({
      ok: false,
      error: {
        code: "InvalidInput",
        fieldErrors: {
          tags: "A job can have at most 50 tags, and this one would have 51 (50 here and 1 the dashboard adds to record who started it): remove 1 tag",
        },
      },
    });
    expect(sent).toEqual([]);
  });

  it("records who changed tags and who exported, and refuses to let anyone write the record", async () => {
    const { start, tag, untag, exportJob } = await load(OIDC_ENV);
    session.current = { user: { email: "bob@example.com" } };
    const started = await start({
      ...values,
      // Job names are unique within an account: this is a second job.
      name: "Signed-in start, tagged and exported",
      s3Uri: DEMO_SEED_URIS.sportsFans,
      tags: [{ key: "team", value: "a" }],
    });
    const arn = (started as { data: { audienceGenerationJobArn: string } }).data
      .audienceGenerationJobArn;

    expect(await tag({ resourceArn: arn, tags: { "dashboard:started-by": "x" } })).toMatchObject({
      ok: false,
      error: { code: "InvalidInput" },
    });
    expect(await untag({ resourceArn: arn, tagKeys: ["Dashboard:Started-By"] })).toMatchObject({
      ok: false,
      error: { code: "InvalidInput" },
    });

    session.current = { user: { email: "carol@example.com" } };
    expect(await untag({ resourceArn: arn, tagKeys: ["team"] })).toEqual({ ok: true, data: null });
    expect(await tagsOf(arn)).toEqual({
      "dashboard:started-by": "bob@example.com",
      "dashboard:tags-changed-by": "carol@example.com",
    });

    await emulator.waitForJob(arn, (job) => job.status === "ACTIVE");
    session.current = { user: { email: "dave@example.com" } };
    const exported = await exportJob({
      name: "Export by Dave",
      audienceGenerationJobArn: arn,
      audienceSize: { type: "PERCENTAGE", value: 5 },
    });
    expect(exported).toEqual({ ok: true, data: null });
    expect(await tagsOf(arn)).toMatchObject({ "dashboard:exported-by": "dave@example.com" });
  });

  it("behind a trusted proxy, the person is the one its header names, only with the proxy's secret and from an allowed domain", async () => {
    const secret = "proxy-secret-".repeat(3);
    const { tag } = await load({
      AUTH_TRUSTED_PROXY_HEADER: "x-forwarded-email",
      AUTH_TRUSTED_PROXY_SECRET: secret,
      AUTH_ALLOWED_EMAIL_DOMAINS: "example.com",
    });
    const started = await emulator.call("POST", "/audience-generation-job", {
      name: "Proxy target",
      configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
      seedAudience: { dataSource: { s3Uri: DEMO_SEED_URIS.tooSmall }, roleArn: DEMO_SEED_ROLE_ARN },
    });
    const arn = started.json.audienceGenerationJobArn as string;

    expect(await tag({ resourceArn: arn, tags: { a: "1" } })).toMatchObject({
      ok: false,
      error: { code: "Unauthorized" },
    });
    // The header alone, as anyone reaching the dashboard around the proxy could send it.
    session.headers = new Headers({ "x-forwarded-email": "erin@example.com" });
    expect(await tag({ resourceArn: arn, tags: { a: "1" } })).toMatchObject({
      ok: false,
      error: { code: "Unauthorized" },
    });
    session.headers = new Headers({
      "x-forwarded-email": "eve@elsewhere.example",
      "x-dashboard-proxy-secret": secret,
    });
    expect(await tag({ resourceArn: arn, tags: { a: "1" } })).toMatchObject({
      ok: false,
      error: { code: "Unauthorized" },
    });
    session.headers = new Headers({
      "x-forwarded-email": "erin@example.com",
      "x-dashboard-proxy-secret": secret,
    });
    expect(await tag({ resourceArn: arn, tags: { a: "1" } })).toEqual({ ok: true, data: null });
    expect(await tagsOf(arn)).toEqual({ a: "1", "dashboard:tags-changed-by": "erin@example.com" });
  });
});
