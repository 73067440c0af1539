/** ListTagsForResource, TagResource, UntagResource. */
import { z } from "zod";

import {
  RESERVED_TAG_KEY_PATTERN,
  taggableArnSchema,
  tagResourceRequestSchema,
  TAGS_MAX,
  untagResourceRequestSchema,
} from "../../lib/schemas/api";
import { accessDenied, notFound, validationError } from "../http";
import { accountOf, notAuthorizedMessage } from "../identity";
import { validate } from "../validate";
import type { Context, Operation } from "./context";
import { jobFor } from "./generation-jobs";

const resourceInput = z.strictObject({ resourceArn: taggableArnSchema });

/**
 * The ARN when it names a resource of the calling account (a job through the
 * account's own ARN of it); otherwise a 403 in AWS's words or a 404.
 */
function taggableResource(context: Context, account: string, action: string, arn: string): string {
  if (accountOf(arn) !== account) {
    throw accessDenied(notAuthorizedMessage(account, `cleanrooms-ml:${action}`, arn));
  }
  const { models } = context.store;
  const type = arn.split(":")[5]?.split("/")[0];
  const exists =
    type === "training-dataset"
      ? models.trainingDataset(arn) !== undefined
      : type === "audience-model"
        ? models.audienceModel(arn) !== undefined
        : type === "configured-audience-model"
          ? models.configuredModel(arn) !== undefined
          : type === "audience-generation-job"
            ? startedJob(context, account, action, arn)
            : false;
  if (!exists) throw notFound(`Resource ${arn} does not exist.`);
  return arn;
}

/** True for a job the account started; a job started on its model by another is not its to tag. */
function startedJob(context: Context, account: string, action: string, arn: string): boolean {
  const { row } = jobFor(context, account, action, arn);
  if (row.started_by !== account) {
    throw accessDenied(
      `Account ${account} may not read or change the tags of ${arn}: account ${row.started_by} started that job on this account's model.`,
    );
  }
  return true;
}

export const listTagsForResource: Operation = (context, { account, label }) => {
  const { resourceArn } = validate(resourceInput, { resourceArn: label });
  const arn = taggableResource(context, account, "ListTagsForResource", resourceArn);
  return { body: { tags: context.store.tags.get(arn) } };
};

export const tagResource: Operation = (context, { account, label, body }) => {
  const input = validate(tagResourceRequestSchema, { ...body, resourceArn: label });
  const arn = taggableResource(context, account, "TagResource", input.resourceArn);
  const { store } = context;
  store.transaction(() => {
    const merged = { ...store.tags.get(arn), ...input.tags };
    if (Object.keys(merged).length > TAGS_MAX) {
      throw validationError(
        `tags: At most ${TAGS_MAX} tags are allowed per resource; ${arn} would have ${Object.keys(merged).length}`,
      );
    }
    store.tags.put(arn, input.tags);
  });
  return { body: {} };
};

export const untagResource: Operation = (context, { account, label, query }) => {
  const input = validate(untagResourceRequestSchema, {
    resourceArn: label,
    tagKeys: query.has("tagKeys") ? query.getAll("tagKeys") : undefined,
  });
  const reserved = input.tagKeys.find((key) => RESERVED_TAG_KEY_PATTERN.test(key));
  if (reserved !== undefined) {
    throw validationError(
      `tagKeys: Tag keys starting with aws: (in any case) are reserved for AWS and cannot be removed (${reserved})`,
    );
  }
  const arn = taggableResource(context, account, "UntagResource", input.resourceArn);
  context.store.tags.remove(arn, input.tagKeys);
  return { body: {} };
};
