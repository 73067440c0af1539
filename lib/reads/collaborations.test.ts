/**
 * The dashboard's AWS Clean Rooms and IAM reads (lib/reads/collaborations.ts,
 * lib/reads/roles.ts) through their GET routes, with the official clients of
 * lib/aws-clients.ts pointed at a real local service by CLEANROOMS_ML_ENDPOINT:
 * what each route answers, that repeated reads share one call, and a denied
 * call answered as the service's error (the pickers then fall back to typing).
 */
import { beforeAll, describe, expect, it } from "vitest";

import {
  DEMO_ANALYSIS_TEMPLATES,
  DEMO_COLLABORATION_ID,
  DEMO_PROTECTED_QUERY_IDS,
  DEMO_SEED_ROLE_ARN,
} from "@/emulator/demo/catalog";
import { localServiceForTests } from "@/test/local-service";

type Route = (request: Request) => Promise<Response>;

let routes: Record<
  | "memberships"
  | "collaboration"
  | "templates"
  | "template"
  | "protectedQuery"
  | "roles"
  | "recentRoles",
  Route
>;

const get = (route: Route, query = "") => route(new Request(`http://127.0.0.1/api/x?${query}`));

async function calls(): Promise<Record<string, number>> {
  return (await service.emulator.call("GET", "/_emulator/calls")).json.calls as Record<
    string,
    number
  >;
}

const service = localServiceForTests();

beforeAll(async () => {
  routes = {
    memberships: (await import("@/app/api/collaborations/route")).GET,
    collaboration: (await import("@/app/api/collaboration/route")).GET,
    templates: (await import("@/app/api/analysis-templates/route")).GET,
    template: (await import("@/app/api/analysis-template/route")).GET,
    protectedQuery: (await import("@/app/api/protected-query/route")).GET,
    roles: (await import("@/app/api/roles/route")).GET,
    recentRoles: (await import("@/app/api/recent-roles/route")).GET,
  };
});

describe("Clean Rooms reads", () => {
  it("lists the caller's memberships once for any number of readers", async () => {
    await service.emulator.call("DELETE", "/_emulator/calls");
    const [first, second] = await Promise.all([get(routes.memberships), get(routes.memberships)]);
    expect(first.status).toBe(200);
    const memberships = (await first.json()) as { collaborationName: string }[];
    expect(memberships.map((m) => m.collaborationName)).toEqual([
      "Loyalty insights",
      "Retail and streaming lookalikes",
    ]);
    expect((await second.json()) as unknown).toEqual(memberships);
    await get(routes.memberships);
    expect((await calls()).ListMemberships).toBe(1);
  });

  it("names a collaboration and its members, and knows the caller's own account", async () => {
    const res = await get(routes.collaboration, `id=${DEMO_COLLABORATION_ID}`);
    expect(await res.json()).toEqual({
      collaborationId: DEMO_COLLABORATION_ID,
      name: "Retail and streaming lookalikes",
      members: [
        { accountId: "444455556666", displayName: "Example Streaming" },
        { accountId: "111122223333", displayName: "AnyCompany Retail" },
      ],
      callerAccountId: "111122223333",
    });
    expect((await get(routes.collaboration, "id=not-a-uuid")).status).toBe(400);
  });

  it("lists a collaboration's templates and reads one's parameters and SQL; a template of another collaboration is a 404", async () => {
    const list = await get(routes.templates, `collaborationId=${DEMO_COLLABORATION_ID}`);
    expect(((await list.json()) as { name: string }[]).map((t) => t.name)).toEqual([
      "Customers by segment",
      "Valuable customers of a segment",
    ]);
    const arn = DEMO_ANALYSIS_TEMPLATES.valuableCustomers.arn;
    const one = await get(
      routes.template,
      `collaborationId=${DEMO_COLLABORATION_ID}&arn=${encodeURIComponent(arn)}`,
    );
    expect(await one.json()).toMatchObject({
      arn,
      sql: DEMO_ANALYSIS_TEMPLATES.valuableCustomers.sql,
      parameters: [
        { name: "segment", type: "VARCHAR" },
        { name: "min_value", type: "REAL", defaultValue: "500" },
      ],
    });
    const elsewhere = await get(
      routes.template,
      `collaborationId=e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b&arn=${encodeURIComponent(arn)}`,
    );
    expect(elsewhere.status).toBe(404);
    expect(((await elsewhere.json()) as { error: { code: string } }).error.code).toBe(
      "ResourceNotFoundException",
    );
  });

  it("reads a demo job's protected query through the caller's membership", async () => {
    const res = await get(
      routes.protectedQuery,
      `collaborationId=${DEMO_COLLABORATION_ID}&id=${DEMO_PROTECTED_QUERY_IDS.travelSql}`,
    );
    expect(await res.json()).toMatchObject({
      id: DEMO_PROTECTED_QUERY_IDS.travelSql,
      status: "SUCCESS",
      statistics: { totalDurationInMillis: expect.any(Number) },
    });
  });

  it("answers a denied call with the service's error, not a cached list", async () => {
    await service.emulator.call("PUT", "/_emulator/denied", {
      operations: ["cleanrooms:ListCollaborationAnalysisTemplates"],
    });
    try {
      const res = await get(
        routes.templates,
        "collaborationId=e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b",
      );
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        "AccessDeniedException",
      );
    } finally {
      await service.emulator.call("DELETE", "/_emulator/denied");
    }
  });
});

describe("IAM reads", () => {
  it("offers only the roles that trust Clean Rooms ML, with their paths", async () => {
    const res = await get(routes.roles);
    expect(await res.json()).toEqual([
      expect.objectContaining({ name: "CleanRoomsMLAudienceWriter", path: "/" }),
      expect.objectContaining({
        name: "CleanRoomsMLQueryRunner",
        path: "/service-role/",
        arn: "arn:aws:iam::111122223333:role/service-role/CleanRoomsMLQueryRunner",
      }),
      expect.objectContaining({ name: "CleanRoomsMLSeedReader", arn: DEMO_SEED_ROLE_ARN }),
    ]);
  });

  it("lists the roles of the newest jobs", async () => {
    expect(await (await get(routes.recentRoles)).json()).toEqual([DEMO_SEED_ROLE_ARN]);
  });
});
