/**
 * One command class per operation. Each declares its route and member
 * locations exactly as in the model (`service-2.json`); `protocol.ts` does the
 * rest for all of them.
 */
import { CleanRoomsMLCommand, type Operation } from "./operation";
import * as shapes from "./shapes";
import type * as T from "./types";

const startAudienceGenerationJob: Operation<T.StartAudienceGenerationJobCommandInput> = {
  name: "StartAudienceGenerationJob",
  method: "POST",
  path: "/audience-generation-job",
  body: [
    "name",
    "configuredAudienceModelArn",
    "seedAudience",
    "includeSeedInOutput",
    "collaborationId",
    "description",
    "tags",
  ],
  output: shapes.StartAudienceGenerationJobResponse,
};
export class StartAudienceGenerationJobCommand extends CleanRoomsMLCommand<
  T.StartAudienceGenerationJobCommandInput,
  T.StartAudienceGenerationJobCommandOutput
> {
  readonly operation = startAudienceGenerationJob;
}

const getAudienceGenerationJob: Operation<T.GetAudienceGenerationJobCommandInput> = {
  name: "GetAudienceGenerationJob",
  method: "GET",
  path: "/audience-generation-job/{audienceGenerationJobArn}",
  uri: { audienceGenerationJobArn: "audienceGenerationJobArn" },
  output: shapes.GetAudienceGenerationJobResponse,
};
export class GetAudienceGenerationJobCommand extends CleanRoomsMLCommand<
  T.GetAudienceGenerationJobCommandInput,
  T.GetAudienceGenerationJobCommandOutput
> {
  readonly operation = getAudienceGenerationJob;
}

const listAudienceGenerationJobs: Operation<T.ListAudienceGenerationJobsCommandInput> = {
  name: "ListAudienceGenerationJobs",
  method: "GET",
  path: "/audience-generation-job",
  query: {
    nextToken: "nextToken",
    maxResults: "maxResults",
    configuredAudienceModelArn: "configuredAudienceModelArn",
    collaborationId: "collaborationId",
  },
  output: shapes.ListAudienceGenerationJobsResponse,
};
export class ListAudienceGenerationJobsCommand extends CleanRoomsMLCommand<
  T.ListAudienceGenerationJobsCommandInput,
  T.ListAudienceGenerationJobsCommandOutput
> {
  readonly operation = listAudienceGenerationJobs;
}

const deleteAudienceGenerationJob: Operation<T.DeleteAudienceGenerationJobCommandInput> = {
  name: "DeleteAudienceGenerationJob",
  method: "DELETE",
  path: "/audience-generation-job/{audienceGenerationJobArn}",
  uri: { audienceGenerationJobArn: "audienceGenerationJobArn" },
  output: shapes.EmptyResponse,
};
export class DeleteAudienceGenerationJobCommand extends CleanRoomsMLCommand<
  T.DeleteAudienceGenerationJobCommandInput,
  T.DeleteAudienceGenerationJobCommandOutput
> {
  readonly operation = deleteAudienceGenerationJob;
}

const startAudienceExportJob: Operation<T.StartAudienceExportJobCommandInput> = {
  name: "StartAudienceExportJob",
  method: "POST",
  path: "/audience-export-job",
  body: ["name", "audienceGenerationJobArn", "audienceSize", "description"],
  output: shapes.EmptyResponse,
};
export class StartAudienceExportJobCommand extends CleanRoomsMLCommand<
  T.StartAudienceExportJobCommandInput,
  T.StartAudienceExportJobCommandOutput
> {
  readonly operation = startAudienceExportJob;
}

const listAudienceExportJobs: Operation<T.ListAudienceExportJobsCommandInput> = {
  name: "ListAudienceExportJobs",
  method: "GET",
  path: "/audience-export-job",
  query: {
    nextToken: "nextToken",
    maxResults: "maxResults",
    audienceGenerationJobArn: "audienceGenerationJobArn",
  },
  output: shapes.ListAudienceExportJobsResponse,
};
export class ListAudienceExportJobsCommand extends CleanRoomsMLCommand<
  T.ListAudienceExportJobsCommandInput,
  T.ListAudienceExportJobsCommandOutput
> {
  readonly operation = listAudienceExportJobs;
}

const listConfiguredAudienceModels: Operation<T.ListConfiguredAudienceModelsCommandInput> = {
  name: "ListConfiguredAudienceModels",
  method: "GET",
  path: "/configured-audience-model",
  query: { nextToken: "nextToken", maxResults: "maxResults" },
  output: shapes.ListConfiguredAudienceModelsResponse,
};
export class ListConfiguredAudienceModelsCommand extends CleanRoomsMLCommand<
  T.ListConfiguredAudienceModelsCommandInput,
  T.ListConfiguredAudienceModelsCommandOutput
> {
  readonly operation = listConfiguredAudienceModels;
}

const getConfiguredAudienceModel: Operation<T.GetConfiguredAudienceModelCommandInput> = {
  name: "GetConfiguredAudienceModel",
  method: "GET",
  path: "/configured-audience-model/{configuredAudienceModelArn}",
  uri: { configuredAudienceModelArn: "configuredAudienceModelArn" },
  output: shapes.GetConfiguredAudienceModelResponse,
};
export class GetConfiguredAudienceModelCommand extends CleanRoomsMLCommand<
  T.GetConfiguredAudienceModelCommandInput,
  T.GetConfiguredAudienceModelCommandOutput
> {
  readonly operation = getConfiguredAudienceModel;
}

const listAudienceModels: Operation<T.ListAudienceModelsCommandInput> = {
  name: "ListAudienceModels",
  method: "GET",
  path: "/audience-model",
  query: { nextToken: "nextToken", maxResults: "maxResults" },
  output: shapes.ListAudienceModelsResponse,
};
export class ListAudienceModelsCommand extends CleanRoomsMLCommand<
  T.ListAudienceModelsCommandInput,
  T.ListAudienceModelsCommandOutput
> {
  readonly operation = listAudienceModels;
}

const getAudienceModel: Operation<T.GetAudienceModelCommandInput> = {
  name: "GetAudienceModel",
  method: "GET",
  path: "/audience-model/{audienceModelArn}",
  uri: { audienceModelArn: "audienceModelArn" },
  output: shapes.GetAudienceModelResponse,
};
export class GetAudienceModelCommand extends CleanRoomsMLCommand<
  T.GetAudienceModelCommandInput,
  T.GetAudienceModelCommandOutput
> {
  readonly operation = getAudienceModel;
}

const listTagsForResource: Operation<T.ListTagsForResourceCommandInput> = {
  name: "ListTagsForResource",
  method: "GET",
  path: "/tags/{resourceArn}",
  uri: { resourceArn: "resourceArn" },
  output: shapes.ListTagsForResourceResponse,
};
export class ListTagsForResourceCommand extends CleanRoomsMLCommand<
  T.ListTagsForResourceCommandInput,
  T.ListTagsForResourceCommandOutput
> {
  readonly operation = listTagsForResource;
}

const tagResource: Operation<T.TagResourceCommandInput> = {
  name: "TagResource",
  method: "POST",
  path: "/tags/{resourceArn}",
  uri: { resourceArn: "resourceArn" },
  body: ["tags"],
  output: shapes.EmptyResponse,
};
export class TagResourceCommand extends CleanRoomsMLCommand<
  T.TagResourceCommandInput,
  T.TagResourceCommandOutput
> {
  readonly operation = tagResource;
}

const untagResource: Operation<T.UntagResourceCommandInput> = {
  name: "UntagResource",
  method: "DELETE",
  path: "/tags/{resourceArn}",
  uri: { resourceArn: "resourceArn" },
  query: { tagKeys: "tagKeys" },
  output: shapes.EmptyResponse,
};
export class UntagResourceCommand extends CleanRoomsMLCommand<
  T.UntagResourceCommandInput,
  T.UntagResourceCommandOutput
> {
  readonly operation = untagResource;
}

const getConfiguredAudienceModelPolicy: Operation<T.GetConfiguredAudienceModelPolicyCommandInput> =
  {
    name: "GetConfiguredAudienceModelPolicy",
    method: "GET",
    path: "/configured-audience-model/{configuredAudienceModelArn}/policy",
    uri: { configuredAudienceModelArn: "configuredAudienceModelArn" },
    output: shapes.GetConfiguredAudienceModelPolicyResponse,
  };
export class GetConfiguredAudienceModelPolicyCommand extends CleanRoomsMLCommand<
  T.GetConfiguredAudienceModelPolicyCommandInput,
  T.GetConfiguredAudienceModelPolicyCommandOutput
> {
  readonly operation = getConfiguredAudienceModelPolicy;
}

const putConfiguredAudienceModelPolicy: Operation<T.PutConfiguredAudienceModelPolicyCommandInput> =
  {
    name: "PutConfiguredAudienceModelPolicy",
    method: "PUT",
    path: "/configured-audience-model/{configuredAudienceModelArn}/policy",
    uri: { configuredAudienceModelArn: "configuredAudienceModelArn" },
    body: ["configuredAudienceModelPolicy", "previousPolicyHash", "policyExistenceCondition"],
    output: shapes.PutConfiguredAudienceModelPolicyResponse,
  };
export class PutConfiguredAudienceModelPolicyCommand extends CleanRoomsMLCommand<
  T.PutConfiguredAudienceModelPolicyCommandInput,
  T.PutConfiguredAudienceModelPolicyCommandOutput
> {
  readonly operation = putConfiguredAudienceModelPolicy;
}

/** Every command class, for code (and tests) that walk all operations. */
export const commands = {
  StartAudienceGenerationJobCommand,
  GetAudienceGenerationJobCommand,
  ListAudienceGenerationJobsCommand,
  DeleteAudienceGenerationJobCommand,
  StartAudienceExportJobCommand,
  ListAudienceExportJobsCommand,
  ListConfiguredAudienceModelsCommand,
  GetConfiguredAudienceModelCommand,
  GetConfiguredAudienceModelPolicyCommand,
  PutConfiguredAudienceModelPolicyCommand,
  ListAudienceModelsCommand,
  GetAudienceModelCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
} as const;
