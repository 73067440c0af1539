/**
 * The cost and export routes (GET /api/costs, /api/costs/price, /api/exports/all)
 * against a real local service: every billed SQL and template seed run with
 * its worker configuration, the configured price or none, and every export
 * of every job with the job it belongs to.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";

import { DEMO_ANALYSIS_TEMPLATES, DEMO_JOB_ARNS } from "@/emulator/demo/catalog";
import { localServiceForTests } from "@/test/local-service";

import type { CostHistory } from "./costs-reads";
import type { ExportRowData } from "./reads/exports";

type Route = (request: Request) => Promise<Response>;

let routes: Record<"costs" | "price" | "exports", Route>;
const get = async <T>(route: Route) =>
  (await (await route(new Request("http://127.0.0.1/api/x"))).json()) as T;

localServiceForTests();

beforeAll(async () => {
  routes = {
    costs: (await import("@/app/api/costs/route")).GET,
    price: (await import("@/app/api/costs/price/route")).GET,
    exports: (await import("@/app/api/exports/all/route")).GET,
  };
});

describe("the account's compute history", () => {
  it("holds each billed SQL and template seed run with its workers, CRPU-hours and run time", async () => {
    const { records, price, unreadable } = await get<CostHistory>(routes.costs);
    expect(price).toBeNull();
    expect(unreadable).toBe(0);
    const travel = records.find((r) => r.jobArn === DEMO_JOB_ARNS.travelSql)!;
    expect(travel).toMatchObject({
      worker: { type: "CR.4X", number: 8 },
      seedKey: expect.stringMatching(/^query:select user_id from customers/),
      tags: { team: "travel" },
    });
    // 8 CR.4X workers of 8 CRPUs each, for the run time: as the service billed it.
    expect(travel.crpuHours).toBeCloseTo((64 * travel.durationMs!) / 3_600_000, 3);
    const gamers = records.find((r) => r.jobArn === DEMO_JOB_ARNS.gamersTemplate)!;
    expect(gamers.seedKey).toBe(`template:${DEMO_ANALYSIS_TEMPLATES.customersBySegment.arn}`);
    // S3 seeds use no Clean Rooms compute.
    expect(records.map((r) => r.jobArn)).not.toContain(DEMO_JOB_ARNS.sportsFans);
  });

  it("gives the price only when CRPU_HOUR_PRICE_USD is set", async () => {
    expect(await get(routes.price)).toEqual({ price: null });
    vi.stubEnv("CRPU_HOUR_PRICE_USD", "0.25");
    try {
      expect(await get(routes.price)).toEqual({
        price: { usdPerCrpuHour: 0.25, source: "CRPU_HOUR_PRICE_USD" },
      });
    } finally {
      vi.stubEnv("CRPU_HOUR_PRICE_USD", "");
    }
  });
});

describe("every export of every job", () => {
  it("lists each export with its job's name", async () => {
    const { rows, unreadable } = await get<{ rows: ExportRowData[]; unreadable: number }>(
      routes.exports,
    );
    expect(unreadable).toBe(0);
    expect(rows).toContainEqual(
      expect.objectContaining({
        name: "Sports fans top 10k",
        jobName: "Sports fans lookalike",
        audienceGenerationJobArn: DEMO_JOB_ARNS.sportsFans,
        status: "ACTIVE",
        outputLocation: expect.stringMatching(/^s3:\/\//),
      }),
    );
  });
});
