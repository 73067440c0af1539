import { describe, expect, it } from "vitest";

import { fieldErrors } from "./issues";
import {
  scheduleFieldForMessage,
  scheduleFormSchemaFor,
  type ScheduleFormValues,
} from "./schedule";
import { emptyStartJobForm } from "./start-job-form-values";

const ROLE = "arn:aws:iam::111122223333:role/AudienceScheduler";
const NOW = new Date("2026-12-06T12:00:00Z");

const valid: ScheduleFormValues = {
  cadence: "DAILY",
  time: "06:00",
  weekdays: [],
  monthDay: "1",
  expression: "",
  name: "fans.daily_1",
  description: "",
  baseName: "fans",
  timezone: "America/New_York",
  startDate: "",
  endDate: "",
  enabled: true,
  flexibleWindow: "",
  roleArn: ROLE,
  job: {
    ...emptyStartJobForm,
    configuredAudienceModelArn:
      "arn:aws:cleanrooms-ml:us-east-1:111122223333:configured-audience-model/retail",
    s3Uri: "s3://seeds/fans.csv",
    roleArn: "arn:aws:iam::111122223333:role/SeedReader",
  },
};

function errors(values: Partial<ScheduleFormValues>, roles?: string[]) {
  const result = scheduleFormSchemaFor({ schedulerRoles: roles, now: NOW }).safeParse({
    ...valid,
    ...values,
  });
  return result.success ? {} : fieldErrors(result.error);
}

describe("the schedule form's rules", () => {
  it("takes valid values", () => {
    expect(errors({})).toEqual({});
    expect(errors({ cadence: "EXPRESSION", expression: "rate(1 minute)" }, [ROLE])).toEqual({});
  });

  it("follows the Scheduler model's name rule and limits", () => {
    expect(errors({ name: "" }).name).toBe("Schedule name is required");
    expect(errors({ name: "a".repeat(65) }).name).toMatch(/at most 64/);
    expect(errors({ name: "fans weekly" }).name).toMatch(/only letters, digits/);
    expect(errors({ description: "d".repeat(513) }).description).toMatch(/at most 512/);
    expect(errors({ flexibleWindow: "0" }).flexibleWindow).toMatch(/1 to 1440/);
    expect(errors({ flexibleWindow: "1441" }).flexibleWindow).toMatch(/1 to 1440/);
    expect(errors({ flexibleWindow: "1440" })).toEqual({});
    expect(errors({ roleArn: "SchedulerRole" }).roleArn).toMatch(/IAM role ARN/);
    expect(errors({ timezone: "Mars/Olympus" }).timezone).toMatch(/not a time zone/);
  });

  it("refuses a schedule that never runs, beside what makes it so", () => {
    expect(
      errors({ cadence: "EXPRESSION", expression: "at(2020-01-01T00:00:00)" }).expression,
    ).toMatch(/in the past/);
    expect(
      errors({ cadence: "EXPRESSION", expression: "cron(0 9 * * * *)" }).expression,
    ).toBeDefined();
    expect(errors({ endDate: "2026-12-01T00:00" }).endDate).toMatch(/in the past/);
    // The end falls before the first run at 06:00 New York time (11:00 UTC) after the start.
    expect(errors({ startDate: "2027-01-01T07:00", endDate: "2027-01-02T05:00" }).endDate).toMatch(
      /end date comes before the first run/,
    );
    expect(errors({ startDate: "2027-01-02T00:00", endDate: "2027-01-01T00:00" }).endDate).toMatch(
      /end must come after the start/,
    );
  });

  it("leaves room for the due time in the run's name", () => {
    expect(errors({ baseName: "b".repeat(42) })).toEqual({});
    expect(errors({ baseName: "b".repeat(43) }).baseName).toMatch(/at most 42 characters/);
    expect(errors({ baseName: "  " }).baseName).toBe("Job name is required");
  });

  it("refuses a role that does not trust the scheduler, once the roles are known", () => {
    expect(errors({}, ["arn:aws:iam::111122223333:role/Other"]).roleArn).toMatch(
      /does not trust scheduler\.amazonaws\.com/,
    );
    expect(errors({}, undefined)).toEqual({});
  });

  it("checks the job with the new-job form's own rules", () => {
    expect(errors({ job: { ...valid.job, s3Uri: "" } }).job).toMatch(
      /The job's settings need a fix/,
    );
  });

  it("places the service's refusals by the member they name", () => {
    expect(scheduleFieldForMessage("ScheduleExpressionTimezone must be an IANA time zone")).toBe(
      "timezone",
    );
    expect(scheduleFieldForMessage("ScheduleExpression: Invalid cron")).toBe("expression");
    expect(scheduleFieldForMessage("EndDate must be after StartDate")).toBe("endDate");
    expect(scheduleFieldForMessage("Target.RoleArn must be an IAM role ARN")).toBe("roleArn");
    expect(scheduleFieldForMessage("Name must be at most 64 characters")).toBe("name");
  });
});
