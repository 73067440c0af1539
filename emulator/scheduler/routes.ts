/**
 * EventBridge Scheduler's operations (API 2021-06-30, rest-json, signing name
 * `scheduler`): schedules, schedule groups and the groups' tags, with the
 * model's routes, members, limits and errors. Timestamps travel as epoch
 * seconds, as the protocol's default; errors carry `{"Message"}`.
 */
import { z } from "zod";

import { conflict, notFound, validationError } from "../http";
import { REGION } from "../identity";
import { decodeToken, encodeToken } from "../pagination";
import {
  queryParams,
  type Context,
  type Operation,
  type OperationRequest,
} from "../routes/context";
import { route, type Route } from "../routing";
import { validate } from "../validate";
import {
  clientTokenSchema,
  createScheduleGroupSchema,
  groupNameSchema,
  listScheduleGroupsSchema,
  listSchedulesSchema,
  scheduleGroupArnSchema,
  scheduleInputSchema,
  scheduleNameSchema,
  tagListSchema,
  type ScheduleInput,
} from "./schemas";
import type { NewSchedule, ScheduleGroupRow, ScheduleRow } from "./store";

export const DEFAULT_GROUP = "default";
/** When every account's `default` group came to be, as the service reports it. */
const DEFAULT_GROUP_CREATED = Date.UTC(2025, 0, 6, 9, 30);
/** Page size when the request sets no MaxResults: the most it may ask for. */
const PAGE_SIZE = 100;
/** How far in the past a StartDate may be (EventBridge Scheduler refuses older ones). */
const START_DATE_GRACE_MS = 5 * 60_000;

export const scheduleArnOf = (account: string, group: string, name: string) =>
  `arn:aws:scheduler:${REGION}:${account}:schedule/${group}/${name}`;
export const scheduleGroupArnOf = (account: string, name: string) =>
  `arn:aws:scheduler:${REGION}:${account}:schedule-group/${name}`;

const seconds = (ms: number) => ms / 1000;

function tokenAfter(list: string, token: string | undefined): number | undefined {
  try {
    return decodeToken(list, token);
  } catch {
    throw validationError("NextToken: is not a token this list returned");
  }
}

function nextTokenOf<T extends { seq: number }>(list: string, rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    NextToken: rows.length > limit && last ? encodeToken(list, last.seq) : undefined,
  };
}

/** A stored group, or the `default` group every account has. */
function groupOf(context: Context, account: string, name: string): ScheduleGroupRow | undefined {
  if (name === DEFAULT_GROUP) {
    return {
      seq: 0,
      account,
      name,
      arn: scheduleGroupArnOf(account, name),
      client_token: null,
      creation_date: DEFAULT_GROUP_CREATED,
      last_modification_date: DEFAULT_GROUP_CREATED,
    };
  }
  return context.store.schedules.group(account, name);
}

function requireGroup(context: Context, account: string, name: string): ScheduleGroupRow {
  const group = groupOf(context, account, name);
  if (!group) throw notFound(`Schedule group ${name} does not exist.`);
  return group;
}

function scheduleInput({ labels, body }: OperationRequest): ScheduleInput {
  return validate(scheduleInputSchema, { ...body, Name: labels.Name ?? "" });
}

/** The rules that need the clock: a StartDate not long past, an EndDate still ahead. */
function checkDates(input: ScheduleInput, now: number): void {
  if (input.StartDate !== undefined && input.StartDate < now - START_DATE_GRACE_MS) {
    throw validationError(
      "StartDate: The StartDate you specify cannot be earlier than 5 minutes prior to the current time.",
    );
  }
  if (input.EndDate !== undefined && input.EndDate <= now) {
    throw validationError(
      "EndDate: The EndDate you specify cannot be earlier than the current time.",
    );
  }
}

function rowOf(
  input: ScheduleInput,
  account: string,
  group: string,
  now: number,
  created: number,
): NewSchedule {
  return {
    account,
    group_name: group,
    name: input.Name,
    arn: scheduleArnOf(account, group, input.Name),
    description: input.Description ?? null,
    schedule_expression: input.ScheduleExpression,
    timezone: input.ScheduleExpressionTimezone ?? null,
    start_date: input.StartDate ?? null,
    end_date: input.EndDate ?? null,
    state: input.State ?? "ENABLED",
    flexible_time_window: JSON.stringify(input.FlexibleTimeWindow),
    target: JSON.stringify(input.Target),
    kms_key_arn: input.KmsKeyArn ?? null,
    action_after_completion: input.ActionAfterCompletion ?? null,
    client_token: input.ClientToken ?? null,
    creation_date: created,
    last_modification_date: now,
    next_fire_time: null,
    next_fire_due: null,
    next_fire_offset: null,
  };
}

/** Stores when an enabled schedule fires next, counted from now. */
function planSchedule(context: Context, row: NewSchedule, now: number): void {
  const next = row.state === "ENABLED" ? context.scheduler.planFromNow(row, now) : null;
  context.store.schedules.setNext(row.arn, next);
}

export const createSchedule: Operation = (context, request) => {
  const input = scheduleInput(request);
  const { account } = request;
  const group = input.GroupName ?? DEFAULT_GROUP;
  const now = context.now();
  const existing = context.store.schedules.schedule(account, group, input.Name);
  // A retry with the same ClientToken is the same request: the same answer.
  if (existing && input.ClientToken !== undefined && existing.client_token === input.ClientToken) {
    return { body: { ScheduleArn: existing.arn } };
  }
  checkDates(input, now);
  requireGroup(context, account, group);
  if (existing) throw conflict(`Schedule ${input.Name} already exists.`);
  const row = rowOf(input, account, group, now, now);
  context.store.transaction(() => {
    context.store.schedules.insertSchedule(row);
    planSchedule(context, row, now);
  });
  return { body: { ScheduleArn: row.arn } };
};

export const updateSchedule: Operation = (context, request) => {
  const input = scheduleInput(request);
  const { account } = request;
  const group = input.GroupName ?? DEFAULT_GROUP;
  const now = context.now();
  const existing = context.store.schedules.schedule(account, group, input.Name);
  if (!existing) throw notFound(`Schedule ${input.Name} does not exist.`);
  checkDates(input, now);
  // A full replace: what the request leaves out goes back to its default.
  const row = rowOf(input, account, group, now, existing.creation_date);
  context.store.transaction(() => {
    context.store.schedules.replaceSchedule(row);
    planSchedule(context, row, now);
  });
  return { body: { ScheduleArn: row.arn } };
};

const scheduleKeyInput = z.strictObject({
  Name: scheduleNameSchema,
  groupName: groupNameSchema.optional(),
  clientToken: clientTokenSchema.optional(),
});

function scheduleFromPath(
  context: Context,
  { account, labels, query }: OperationRequest,
): ScheduleRow {
  const input = validate(scheduleKeyInput, {
    Name: labels.Name ?? "",
    ...queryParams(query, ["groupName", "clientToken"]),
  });
  const group = input.groupName ?? DEFAULT_GROUP;
  const row = context.store.schedules.schedule(account, group, input.Name);
  if (!row) throw notFound(`Schedule ${input.Name} does not exist.`);
  return row;
}

/** The Target as GetSchedule shows it: the retry policy's defaults filled in, as AWS does. */
function targetView(target: string): Record<string, unknown> {
  const value = JSON.parse(target) as Record<string, unknown> & {
    RetryPolicy?: { MaximumEventAgeInSeconds?: number; MaximumRetryAttempts?: number };
  };
  return {
    ...value,
    RetryPolicy: {
      MaximumEventAgeInSeconds: value.RetryPolicy?.MaximumEventAgeInSeconds ?? 86400,
      MaximumRetryAttempts: value.RetryPolicy?.MaximumRetryAttempts ?? 185,
    },
  };
}

export const getSchedule: Operation = (context, request) => {
  const row = scheduleFromPath(context, request);
  return {
    body: {
      ActionAfterCompletion: row.action_after_completion ?? "NONE",
      Arn: row.arn,
      CreationDate: seconds(row.creation_date),
      Description: row.description ?? undefined,
      EndDate: row.end_date === null ? undefined : seconds(row.end_date),
      FlexibleTimeWindow: JSON.parse(row.flexible_time_window) as unknown,
      GroupName: row.group_name,
      KmsKeyArn: row.kms_key_arn ?? undefined,
      LastModificationDate: seconds(row.last_modification_date),
      Name: row.name,
      ScheduleExpression: row.schedule_expression,
      ScheduleExpressionTimezone: row.timezone ?? "UTC",
      StartDate: row.start_date === null ? undefined : seconds(row.start_date),
      State: row.state,
      Target: targetView(row.target),
    },
  };
};

export const deleteSchedule: Operation = (context, request) => {
  const row = scheduleFromPath(context, request);
  // Its jobs stay: a schedule owns nothing it started.
  context.store.schedules.deleteSchedule(row.arn);
  return { body: {} };
};

export const listSchedules: Operation = (context, { account, query }) => {
  const input = validate(
    listSchedulesSchema,
    queryParams(query, ["ScheduleGroup", "NamePrefix", "State", "MaxResults", "NextToken"]),
  );
  if (input.ScheduleGroup !== undefined) requireGroup(context, account, input.ScheduleGroup);
  const after = tokenAfter("schedules", input.NextToken) ?? 0;
  const limit = input.MaxResults ?? PAGE_SIZE;
  const rows = context.store.schedules.schedules(
    account,
    { group: input.ScheduleGroup, namePrefix: input.NamePrefix, state: input.State },
    after,
    limit + 1,
  );
  const { items, NextToken } = nextTokenOf("schedules", rows, limit);
  return {
    body: {
      Schedules: items.map((row) => ({
        Arn: row.arn,
        CreationDate: seconds(row.creation_date),
        GroupName: row.group_name,
        LastModificationDate: seconds(row.last_modification_date),
        Name: row.name,
        State: row.state,
        Target: { Arn: (JSON.parse(row.target) as { Arn: string }).Arn },
      })),
      NextToken,
    },
  };
};

function tagsOf(context: Context, arn: string) {
  return Object.entries(context.store.tags.get(arn)).map(([Key, Value]) => ({ Key, Value }));
}

export const createScheduleGroup: Operation = (context, { account, labels, body }) => {
  const input = validate(createScheduleGroupSchema, { ...body, Name: labels.Name ?? "" });
  const existing = groupOf(context, account, input.Name);
  if (existing) {
    if (input.ClientToken !== undefined && existing.client_token === input.ClientToken) {
      return { body: { ScheduleGroupArn: existing.arn } };
    }
    throw conflict(`Schedule group ${input.Name} already exists.`);
  }
  const now = context.now();
  const arn = scheduleGroupArnOf(account, input.Name);
  context.store.transaction(() => {
    context.store.schedules.insertGroup({
      account,
      name: input.Name,
      arn,
      client_token: input.ClientToken ?? null,
      creation_date: now,
      last_modification_date: now,
    });
    context.store.tags.put(
      arn,
      Object.fromEntries((input.Tags ?? []).map((t) => [t.Key, t.Value])),
    );
  });
  return { body: { ScheduleGroupArn: arn } };
};

const groupKeyInput = z.strictObject({
  Name: groupNameSchema,
  clientToken: clientTokenSchema.optional(),
});

function groupView(group: ScheduleGroupRow) {
  return {
    Arn: group.arn,
    CreationDate: seconds(group.creation_date),
    LastModificationDate: seconds(group.last_modification_date),
    Name: group.name,
    State: "ACTIVE",
  };
}

export const getScheduleGroup: Operation = (context, { account, labels }) => {
  const { Name } = validate(groupKeyInput, { Name: labels.Name ?? "" });
  return { body: groupView(requireGroup(context, account, Name)) };
};

export const deleteScheduleGroup: Operation = (context, { account, labels, query }) => {
  const { Name } = validate(groupKeyInput, {
    Name: labels.Name ?? "",
    ...queryParams(query, ["clientToken"]),
  });
  if (Name === DEFAULT_GROUP) {
    throw validationError("Name: The default schedule group cannot be deleted.");
  }
  const group = requireGroup(context, account, Name);
  // AWS deletes the group's schedules with it (their jobs stay).
  context.store.transaction(() => {
    context.store.schedules.deleteGroup(account, Name);
    context.store.tags.removeAll(group.arn);
  });
  return { body: {} };
};

export const listScheduleGroups: Operation = (context, { account, query }) => {
  const input = validate(
    listScheduleGroupsSchema,
    queryParams(query, ["NamePrefix", "MaxResults", "NextToken"]),
  );
  const after = tokenAfter("schedule-groups", input.NextToken) ?? -1;
  const limit = input.MaxResults ?? PAGE_SIZE;
  const rows: ScheduleGroupRow[] = [];
  if (after < 0 && DEFAULT_GROUP.startsWith(input.NamePrefix ?? "")) {
    rows.push(groupOf(context, account, DEFAULT_GROUP)!);
  }
  rows.push(
    ...context.store.schedules.groups(account, input.NamePrefix, Math.max(after, 0), limit + 1),
  );
  const { items, NextToken } = nextTokenOf("schedule-groups", rows, limit);
  return { body: { ScheduleGroups: items.map(groupView), NextToken } };
};

/** The group a tag operation's ARN names, in the caller's account. */
function taggedGroup(context: Context, account: string, label: string): ScheduleGroupRow {
  const arn = validate(z.strictObject({ ResourceArn: scheduleGroupArnSchema }), {
    ResourceArn: label,
  }).ResourceArn;
  const name = arn.slice(arn.lastIndexOf("/") + 1);
  const group = arn.split(":")[4] === account ? groupOf(context, account, name) : undefined;
  if (!group || group.arn !== arn) throw notFound(`Schedule group ${arn} does not exist.`);
  return group;
}

export const listTagsForResource: Operation = (context, { account, labels }) => {
  const group = taggedGroup(context, account, labels.ResourceArn ?? "");
  return { body: { Tags: tagsOf(context, group.arn) } };
};

export const tagResource: Operation = (context, { account, labels, body }) => {
  const group = taggedGroup(context, account, labels.ResourceArn ?? "");
  const { Tags } = validate(z.strictObject({ Tags: tagListSchema }), body);
  const merged = {
    ...context.store.tags.get(group.arn),
    ...Object.fromEntries(Tags.map((t) => [t.Key, t.Value])),
  };
  if (Object.keys(merged).length > 200) {
    throw validationError("Tags: A schedule group may carry at most 200 tags.");
  }
  context.store.transaction(() => {
    context.store.tags.put(group.arn, merged);
    if (group.seq > 0) context.store.schedules.touchGroup(group.arn, context.now());
  });
  return { body: {} };
};

export const untagResource: Operation = (context, { account, labels, query }) => {
  const group = taggedGroup(context, account, labels.ResourceArn ?? "");
  const { TagKeys } = validate(
    z.strictObject({
      TagKeys: z
        .array(
          z
            .string()
            .min(1, { message: "Tag keys must not be empty" })
            .max(128, { message: "Tag keys are at most 128 characters" }),
        )
        .min(1, { message: "TagKeys is required" })
        .max(200, { message: "At most 200 tag keys may be removed at once" }),
    }),
    { TagKeys: query.getAll("TagKeys") },
  );
  context.store.transaction(() => {
    context.store.tags.remove(group.arn, TagKeys);
    if (group.seq > 0) context.store.schedules.touchGroup(group.arn, context.now());
  });
  return { body: {} };
};

/** EventBridge Scheduler's routing table, as in the model. */
export const SCHEDULER_ROUTES: Route[] = [
  route("GET", "/schedules", "ListSchedules", listSchedules),
  route("POST", "/schedules/{Name}", "CreateSchedule", createSchedule),
  route("GET", "/schedules/{Name}", "GetSchedule", getSchedule),
  route("PUT", "/schedules/{Name}", "UpdateSchedule", updateSchedule),
  route("DELETE", "/schedules/{Name}", "DeleteSchedule", deleteSchedule),
  route("GET", "/schedule-groups", "ListScheduleGroups", listScheduleGroups),
  route("POST", "/schedule-groups/{Name}", "CreateScheduleGroup", createScheduleGroup),
  route("GET", "/schedule-groups/{Name}", "GetScheduleGroup", getScheduleGroup),
  route("DELETE", "/schedule-groups/{Name}", "DeleteScheduleGroup", deleteScheduleGroup),
  route("GET", "/tags/{ResourceArn}", "ListTagsForResource", listTagsForResource),
  route("POST", "/tags/{ResourceArn}", "TagResource", tagResource),
  route("DELETE", "/tags/{ResourceArn}", "UntagResource", untagResource),
];
