import { describe, expect, it } from "vitest";

import { SCHEDULE_TAG } from "@/lib/schemas/dashboard-tags";
import { scheduleFormSchemaFor, type ScheduleFormValues } from "@/lib/schemas/schedule";
import { emptyStartJobForm } from "@/lib/schemas/start-job-form-values";

import { formValuesFromSchedule, newScheduleValues, toScheduleRequest } from "./schedule-request";
import { requestFromInput } from "./target-input";

const values: ScheduleFormValues = {
  cadence: "MONTHLY",
  time: "07:30",
  weekdays: [],
  monthDay: "15",
  expression: "",
  name: "fans-monthly",
  description: "Fresh fans each month",
  baseName: "fans",
  timezone: "America/New_York",
  startDate: "2027-01-01T00:00",
  endDate: "2027-12-31T23:59",
  enabled: false,
  flexibleWindow: "30",
  roleArn: "arn:aws:iam::111122223333:role/AudienceScheduler",
  job: {
    ...emptyStartJobForm,
    name: "fans",
    configuredAudienceModelArn:
      "arn:aws:cleanrooms-ml:us-east-1:111122223333:configured-audience-model/retail",
    s3Uri: "s3://seeds/fans.csv",
    roleArn: "arn:aws:iam::111122223333:role/SeedReader",
    tags: [{ key: "team", value: "growth" }],
  },
};

describe("the schedule request", () => {
  it("says the form's values in the Scheduler model's members", () => {
    const request = toScheduleRequest(values, undefined);
    expect(request).toMatchObject({
      Name: "fans-monthly",
      GroupName: "default",
      ScheduleExpression: "cron(30 7 15 * ? *)",
      ScheduleExpressionTimezone: "America/New_York",
      State: "DISABLED",
      Description: "Fresh fans each month",
      FlexibleTimeWindow: { Mode: "FLEXIBLE", MaximumWindowInMinutes: 30 },
      ActionAfterCompletion: "NONE",
      Target: {
        Arn: "arn:aws:scheduler:::aws-sdk:cleanroomsml:startAudienceGenerationJob",
        RoleArn: values.roleArn,
      },
    });
    // Midnight in New York (UTC−5 in January) is 05:00 UTC.
    expect(request.StartDate).toEqual(new Date("2027-01-01T05:00:00Z"));
    expect(request.EndDate).toEqual(new Date("2028-01-01T04:59:00Z"));
    expect(requestFromInput(request.Target!.Input)?.tags).toEqual({
      team: "growth",
      [SCHEDULE_TAG]: "fans-monthly",
    });
    expect(
      toScheduleRequest({ ...values, flexibleWindow: "" }, undefined).FlexibleTimeWindow,
    ).toEqual({
      Mode: "OFF",
    });
  });

  it("reads a schedule back into the same form values (editing)", () => {
    const request = toScheduleRequest(values, undefined);
    const back = formValuesFromSchedule({ ...request, State: request.State });
    // The words come back as they were; the expression field holds their cron for the expert view.
    expect(back).toEqual({
      ...values,
      expression: "cron(30 7 15 * ? *)",
      weekdays: ["MON"],
      job: { ...values.job, name: "fans-<aws.scheduler.scheduled-time>" },
    });
  });

  it("suggests new values from a job, valid as they are once a role is chosen", () => {
    const fresh = newScheduleValues(
      { ...values.job, name: "Spring sale lookalikes, a very long name indeed (copy)" },
      { timezone: "UTC", baseNameMax: 42 },
    );
    expect(fresh.name).toBe("Spring-sale-lookalikes-a-very-long-name-indeed-weekly");
    expect([...fresh.baseName].length).toBeLessThanOrEqual(42);
    const parsed = scheduleFormSchemaFor({
      schedulerRoles: undefined,
      now: new Date("2026-12-06T00:00:00Z"),
    }).safeParse({
      ...fresh,
      roleArn: values.roleArn,
    });
    expect(parsed.success).toBe(true);
  });
});
