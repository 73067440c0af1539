/**
 * The local EventBridge Scheduler against the official model (kept unchanged
 * in `test/reference/scheduler-2021-06-30/`): every operation's route, the
 * modelled errors' status codes and message member, every query parameter
 * read under its model name, string limits and enums.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { START_AUDIENCE_JOB_TARGET_ARN } from "../../lib/schedule-time/expression";
import { readServiceModel, shapeOf } from "../../test/service-model";
import { DEMO_SCHEDULER_ROLE_ARN } from "../demo/collaborations";
import { ERROR_STATUS } from "../http";
import { ACCOUNT_ID } from "../identity";
import { REST_JSON_SERVICES } from "../server";
import { asAccount, startTestEmulator, type TestEmulator } from "../testing";
import { SCHEDULER_ROUTES } from "./routes";

const model = readServiceModel("scheduler-2021-06-30");
const shape = (name: string) => shapeOf(model, name);

let emulator: TestEmulator;
const signed = asAccount(ACCOUNT_ID, "scheduler");
const call = (method: string, pathAndQuery: string, body?: unknown) =>
  emulator.call(method, pathAndQuery, body, signed);

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());

const validSchedule = {
  ScheduleExpression: "rate(1 day)",
  FlexibleTimeWindow: { Mode: "OFF" },
  State: "DISABLED",
  Target: { Arn: START_AUDIENCE_JOB_TARGET_ARN, RoleArn: DEMO_SCHEDULER_ROLE_ARN, Input: "{}" },
};

describe("EventBridge Scheduler's model", () => {
  it("is served under its signing name with every operation at the model's route", () => {
    expect(model.metadata).toMatchObject({ signingName: "scheduler", protocol: "rest-json" });
    expect(REST_JSON_SERVICES[model.metadata.signingName]?.routes).toBe(SCHEDULER_ROUTES);
    const served = SCHEDULER_ROUTES.map((r) => `${r.name} ${r.method} ${r.path}`).sort();
    const modelled = Object.entries(model.operations)
      .map(([name, op]) => `${name} ${op.http.method} ${op.http.requestUri}`)
      .sort();
    expect(served).toEqual(modelled);
  });

  it("answers each modelled error with its status code and message member", () => {
    const errors = new Set(
      Object.values(model.operations).flatMap((op) => op.errors.map((e) => e.shape)),
    );
    for (const name of errors) {
      const error = shape(name);
      expect(ERROR_STATUS[name as keyof typeof ERROR_STATUS], name).toBe(
        error.error?.httpStatusCode,
      );
      expect(Object.keys(error.members ?? {})).toEqual([
        REST_JSON_SERVICES.scheduler?.messageMember,
      ]);
    }
  });

  it("reads every query parameter under the model's name", async () => {
    const bad: Record<string, string> = {
      groupName: "no spaces allowed",
      clientToken: "no spaces allowed",
      ScheduleGroup: "no spaces allowed",
      NamePrefix: "no spaces allowed",
      State: "SOMETIMES",
      MaxResults: "0",
      NextToken: "not-a-token",
    };
    for (const [name, op] of Object.entries(model.operations)) {
      for (const member of Object.values(shape(op.input!.shape).members ?? {})) {
        if (member.location !== "querystring" || member.locationName === "TagKeys") continue;
        const value = bad[member.locationName!];
        expect(value, `${name} ${member.locationName}`).toBeDefined();
        const uri = op.http.requestUri
          .replace("{Name}", "conformance")
          .replace(
            "{ResourceArn}",
            encodeURIComponent(`arn:aws:scheduler:us-east-1:${ACCOUNT_ID}:schedule-group/default`),
          );
        const res = await call(
          op.http.method,
          `${uri}?${member.locationName}=${encodeURIComponent(value!)}`,
        );
        expect(res.status, `${name} ${member.locationName}: ${res.text}`).toBe(400);
        expect(res.headers.get("x-amzn-errortype")).toBe("ValidationException");
      }
    }
  });

  it("refuses each of CreateSchedule's strings one character over the model's maximum, naming it", async () => {
    const input = shape("CreateScheduleInput");
    const over = (member: string) =>
      "a".repeat((shape(input.members![member]!.shape).max ?? 0) + 1);
    for (const member of [
      "Description",
      "GroupName",
      "ScheduleExpression",
      "ScheduleExpressionTimezone",
      "ClientToken",
    ]) {
      const res = await call("POST", "/schedules/conformance", {
        ...validSchedule,
        [member]: over(member),
      });
      expect(res.status, member).toBe(400);
      expect(String(res.json.Message), member).toContain(`${member}:`);
    }
    const longName = over("Name");
    const res = await call("POST", `/schedules/${longName}`, validSchedule);
    expect(res.status).toBe(400);
    expect(res.json.Message).toMatch(/^Name: Name must be at most 64 characters/);
    const longTarget = await call("POST", "/schedules/conformance", {
      ...validSchedule,
      Target: { ...validSchedule.Target, Arn: "a".repeat((shape("TargetArn").max ?? 0) + 1) },
    });
    expect(longTarget.json.Message).toMatch(/^Target\.Arn: /);
  });

  it("takes exactly the model's enum values", async () => {
    for (const [member, enumShape, wrap] of [
      ["State", "ScheduleState", (v: string) => v],
      ["ActionAfterCompletion", "ActionAfterCompletion", (v: string) => v],
      ["FlexibleTimeWindow", "FlexibleTimeWindowMode", (v: string) => ({ Mode: v })],
    ] as const) {
      for (const value of shape(enumShape).enum ?? []) {
        const window =
          member === "FlexibleTimeWindow" && value === "FLEXIBLE"
            ? { Mode: value, MaximumWindowInMinutes: 5 }
            : wrap(value);
        const name = `enum-${member}-${value}`.toLowerCase().replace(/_/g, "-");
        const res = await call("POST", `/schedules/${name}`, {
          ...validSchedule,
          [member]: window,
        });
        expect(res.status, `${member} ${value}: ${res.text}`).toBe(200);
      }
      const res = await call("POST", "/schedules/enum-bogus", {
        ...validSchedule,
        [member]: wrap("BOGUS"),
      });
      expect(res.status, member).toBe(400);
    }
  });
});
