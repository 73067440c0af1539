/**
 * EventBridge Scheduler inputs, with the official model's limits and patterns
 * (API 2021-06-30): member names are the model's (PascalCase), so a 400 names
 * the field as the SDK user wrote it. The expression itself is checked by
 * `lib/schedule-time/expression.ts`, shared with the dashboard's form.
 */
import { z } from "zod";

import {
  isValidTimeZone,
  parseScheduleExpression,
  SCHEDULE_EXPRESSION_MAX_LENGTH,
} from "../../lib/schedule-time/expression";

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .refine((v) => v.length >= min, {
      message: min === 1 ? `${label} is required` : `${label} must be at least ${min} characters`,
      abort: true,
    })
    .refine((v) => v.length <= max, {
      message: `${label} must be at most ${max} characters`,
      abort: true,
    });

const patterned = (label: string, min: number, max: number, pattern: RegExp, rule: string) =>
  text(label, min, max).refine((v) => pattern.test(v), { message: `${label} ${rule}` });

const whole = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .int({ message: `${label} must be a whole number` })
    .min(min, { message: `${label} must be at least ${min}` })
    .max(max, { message: `${label} must be at most ${max}` });

export const NAME_PATTERN = /^[0-9a-zA-Z-_.]+$/;
const NAME_RULE = "may hold only letters, digits, - _ and .";

export const scheduleNameSchema = patterned("Name", 1, 64, NAME_PATTERN, NAME_RULE);
export const groupNameSchema = patterned("GroupName", 1, 64, NAME_PATTERN, NAME_RULE);
export const namePrefixSchema = patterned("NamePrefix", 1, 64, NAME_PATTERN, NAME_RULE);
export const clientTokenSchema = patterned(
  "ClientToken",
  1,
  64,
  /^[a-zA-Z0-9-_]+$/,
  "may hold only letters, digits, - and _",
);
export const maxResultsSchema = z.coerce
  .number({ error: "MaxResults must be a whole number" })
  .int({ message: "MaxResults must be a whole number" })
  .min(1, { message: "MaxResults must be at least 1" })
  .max(100, { message: "MaxResults must be at most 100" });
export const nextTokenSchema = text("NextToken", 1, 2048);
export const scheduleStateSchema = z.enum(["ENABLED", "DISABLED"], {
  error: "State must be ENABLED or DISABLED",
});
export const scheduleGroupArnSchema = patterned(
  "ResourceArn",
  1,
  1011,
  /^arn:aws(-[a-z]+)?:scheduler:[a-z0-9-]+:\d{12}:schedule-group\/[0-9a-zA-Z-_.]+$/,
  "must be a schedule group's ARN (arn:aws:scheduler:<region>:<account>:schedule-group/<name>); only schedule groups carry tags",
);

const roleArnSchema = patterned(
  "RoleArn",
  1,
  1600,
  /^arn:aws(-[a-z]+)?:iam::\d{12}:role\/[\w+=,.@/-]+$/,
  "must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)",
);

/** A timestamp as the SDK sends it in a rest-json body (epoch seconds), or ISO 8601. */
const timestampSchema = (label: string) =>
  z
    .union([z.number(), z.string()], { error: `${label} must be a timestamp` })
    .transform((value, ctx) => {
      const ms = typeof value === "number" ? value * 1000 : Date.parse(value);
      if (!Number.isFinite(ms)) {
        ctx.addIssue({ code: "custom", message: `${label} must be a timestamp` });
        return z.NEVER;
      }
      return Math.round(ms);
    });

const tagSchema = z.strictObject({
  Key: text("Tag key", 1, 128).refine((k) => !/^aws:/i.test(k), {
    message: "Tag keys starting with aws: are reserved for AWS",
  }),
  Value: text("Tag value", 1, 256),
});
export const tagListSchema = z
  .array(tagSchema, { error: "Tags must be a list of {Key, Value}" })
  .max(200, { message: "At most 200 tags are allowed" })
  .refine((tags) => new Set(tags.map((t) => t.Key)).size === tags.length, {
    message: "Each tag key may appear once",
  });

const flexibleTimeWindowSchema = z
  .strictObject({
    Mode: z.enum(["OFF", "FLEXIBLE"], { error: "FlexibleTimeWindow.Mode must be OFF or FLEXIBLE" }),
    MaximumWindowInMinutes: whole("MaximumWindowInMinutes", 1, 1440).optional(),
  })
  .superRefine((window, ctx) => {
    if (window.Mode === "FLEXIBLE" && window.MaximumWindowInMinutes === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["MaximumWindowInMinutes"],
        message: "MaximumWindowInMinutes is required when Mode is FLEXIBLE (1 to 1440)",
      });
    }
    if (window.Mode === "OFF" && window.MaximumWindowInMinutes !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["MaximumWindowInMinutes"],
        message: "MaximumWindowInMinutes applies only when Mode is FLEXIBLE",
      });
    }
  });

const ecsTagsSchema = z
  .array(z.record(text("Tag key", 1, 128), text("Tag value", 1, 256)))
  .max(50, { message: "At most 50 tags are allowed" });

const ecsParametersSchema = z.strictObject({
  TaskDefinitionArn: text("TaskDefinitionArn", 1, 1600),
  CapacityProviderStrategy: z
    .array(
      z.strictObject({
        capacityProvider: text("capacityProvider", 1, 255),
        base: whole("base", 0, 100000).optional(),
        weight: whole("weight", 0, 1000).optional(),
      }),
    )
    .max(6)
    .optional(),
  EnableECSManagedTags: z.boolean().optional(),
  EnableExecuteCommand: z.boolean().optional(),
  Group: text("Group", 1, 255).optional(),
  LaunchType: z.enum(["EC2", "FARGATE", "EXTERNAL"]).optional(),
  NetworkConfiguration: z
    .strictObject({
      awsvpcConfiguration: z
        .strictObject({
          AssignPublicIp: z.enum(["ENABLED", "DISABLED"]).optional(),
          SecurityGroups: z
            .array(text("SecurityGroup", 1, 1000))
            .min(1)
            .max(5)
            .optional(),
          Subnets: z
            .array(text("Subnet", 1, 1000))
            .min(1)
            .max(16),
        })
        .optional(),
    })
    .optional(),
  PlacementConstraints: z
    .array(
      z.strictObject({
        expression: text("expression", 0, 2000).optional(),
        type: z.enum(["distinctInstance", "memberOf"]).optional(),
      }),
    )
    .max(10)
    .optional(),
  PlacementStrategy: z
    .array(
      z.strictObject({
        field: text("field", 0, 255).optional(),
        type: z.enum(["random", "spread", "binpack"]).optional(),
      }),
    )
    .max(5)
    .optional(),
  PlatformVersion: text("PlatformVersion", 1, 64).optional(),
  PropagateTags: z.enum(["TASK_DEFINITION"]).optional(),
  ReferenceId: text("ReferenceId", 0, 1024).optional(),
  Tags: ecsTagsSchema.optional(),
  TaskCount: whole("TaskCount", 1, 10).optional(),
});

export const targetSchema = z.strictObject({
  Arn: text("Target.Arn", 1, 1600),
  RoleArn: roleArnSchema,
  Input: text("Target.Input", 1, Number.MAX_SAFE_INTEGER).optional(),
  DeadLetterConfig: z
    .strictObject({
      Arn: patterned(
        "DeadLetterConfig.Arn",
        1,
        1600,
        /^arn:aws(-[a-z]+)?:sqs:[a-z0-9-]+:\d{12}:[a-zA-Z0-9-_]+$/,
        "must be an SQS queue ARN",
      ).optional(),
    })
    .optional(),
  RetryPolicy: z
    .strictObject({
      MaximumEventAgeInSeconds: whole("MaximumEventAgeInSeconds", 60, 86400).optional(),
      MaximumRetryAttempts: whole("MaximumRetryAttempts", 0, 185).optional(),
    })
    .optional(),
  EcsParameters: ecsParametersSchema.optional(),
  EventBridgeParameters: z
    .strictObject({
      DetailType: text("DetailType", 1, 128),
      Source: text("Source", 1, 256),
    })
    .optional(),
  KinesisParameters: z.strictObject({ PartitionKey: text("PartitionKey", 1, 256) }).optional(),
  SageMakerPipelineParameters: z
    .strictObject({
      PipelineParameterList: z
        .array(
          z.strictObject({
            Name: patterned(
              "Name",
              1,
              256,
              /^[A-Za-z0-9\-_]*$/,
              "may hold only letters, digits, - and _",
            ),
            Value: text("Value", 1, 1024),
          }),
        )
        .max(200)
        .optional(),
    })
    .optional(),
  SqsParameters: z
    .strictObject({ MessageGroupId: text("MessageGroupId", 1, 128).optional() })
    .optional(),
});
export type Target = z.infer<typeof targetSchema>;

const scheduleExpressionSchema = text(
  "ScheduleExpression",
  1,
  SCHEDULE_EXPRESSION_MAX_LENGTH,
).superRefine((value, ctx) => {
  const parsed = parseScheduleExpression(value);
  if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
});

/** CreateSchedule's and UpdateSchedule's body plus the Name of the path (the same shape). */
export const scheduleInputSchema = z
  .strictObject({
    Name: scheduleNameSchema,
    GroupName: groupNameSchema.optional(),
    ScheduleExpression: scheduleExpressionSchema,
    ScheduleExpressionTimezone: text("ScheduleExpressionTimezone", 1, 50)
      .refine(isValidTimeZone, {
        message:
          "ScheduleExpressionTimezone must be an IANA time zone, such as America/New_York or UTC",
      })
      .optional(),
    StartDate: timestampSchema("StartDate").optional(),
    EndDate: timestampSchema("EndDate").optional(),
    Description: text("Description", 0, 512).optional(),
    State: scheduleStateSchema.optional(),
    FlexibleTimeWindow: flexibleTimeWindowSchema,
    Target: targetSchema,
    KmsKeyArn: patterned(
      "KmsKeyArn",
      1,
      2048,
      /^arn:aws(-[a-z]+)?:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[0-9a-zA-Z-_]*$/,
      "must be a KMS key or alias ARN",
    ).optional(),
    ActionAfterCompletion: z
      .enum(["NONE", "DELETE"], { error: "ActionAfterCompletion must be NONE or DELETE" })
      .optional(),
    ClientToken: clientTokenSchema.optional(),
  })
  .superRefine((input, ctx) => {
    if (
      input.StartDate !== undefined &&
      input.EndDate !== undefined &&
      input.EndDate <= input.StartDate
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["EndDate"],
        message: "EndDate must be after StartDate",
      });
    }
  });
export type ScheduleInput = z.infer<typeof scheduleInputSchema>;

export const createScheduleGroupSchema = z.strictObject({
  Name: groupNameSchema,
  Tags: tagListSchema.optional(),
  ClientToken: clientTokenSchema.optional(),
});

export const listSchedulesSchema = z.strictObject({
  ScheduleGroup: groupNameSchema.optional(),
  NamePrefix: namePrefixSchema.optional(),
  State: scheduleStateSchema.optional(),
  MaxResults: maxResultsSchema.optional(),
  NextToken: nextTokenSchema.optional(),
});

export const listScheduleGroupsSchema = z.strictObject({
  NamePrefix: namePrefixSchema.optional(),
  MaxResults: maxResultsSchema.optional(),
  NextToken: nextTokenSchema.optional(),
});
