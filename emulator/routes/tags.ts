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
import { ACCOUNT_ID, accountOf } from "../identity";
import { validate } from "../validate";
import type { Context, Operation } from "./context";

const resourceInput = z.strictObject({ resourceArn: taggableArnSchema });

/** The ARN when it names a resource we hold (and may tag); otherwise a 404 or 403. */
function taggableResource(context: Context, arn: string): string {
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
            ? context.engine.job(arn) !== undefined
            : false;
  if (!exists) throw notFound(`Resource ${arn} does not exist.`);
  if (accountOf(arn) !== ACCOUNT_ID) {
    throw accessDenied(
      `Account ${ACCOUNT_ID} may not read or change the tags of ${arn}: it belongs to account ${accountOf(arn)}.`,
    );
  }
  return arn;
}

export const listTagsForResource: Operation = (context, { label }) => {
  const { resourceArn } = validate(resourceInput, { resourceArn: label });
  return { body: { tags: context.store.tags.get(taggableResource(context, resourceArn)) } };
};

export const tagResource: Operation = (context, { label, body }) => {
  const input = validate(tagResourceRequestSchema, { ...body, resourceArn: label });
  const arn = taggableResource(context, input.resourceArn);
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

export const untagResource: Operation = (context, { label, query }) => {
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
  const arn = taggableResource(context, input.resourceArn);
  context.store.tags.remove(arn, input.tagKeys);
  return { body: {} };
};
