/**
 * Response shapes of the model (`cleanroomsml-2023-09-06`), as read by
 * `readShape`: which members exist, which are timestamps, lists, maps or
 * nested structures. Member names are the model's JSON names.
 */
import { list, map, structure, timestamp, value } from "./schema";

const StringMap = map(value);

const S3ConfigMap = structure({ s3Uri: value });

const StatusDetails = structure({ statusCode: value, message: value });

const AudienceSize = structure({ type: value, value: value });

const AudienceGenerationJobDataSource = structure({
  dataSource: S3ConfigMap,
  roleArn: value,
  sqlParameters: structure({
    queryString: value,
    analysisTemplateArn: value,
    parameters: StringMap,
  }),
  sqlComputeConfiguration: structure({
    worker: structure({ type: value, number: value, properties: structure({ spark: StringMap }) }),
  }),
});

const AudienceQualityMetrics = structure({
  relevanceMetrics: list(structure({ audienceSize: AudienceSize, score: value })),
  recallMetric: value,
});

const ConfiguredAudienceModelOutputConfig = structure({
  destination: structure({ s3Destination: S3ConfigMap }),
  roleArn: value,
});

const AudienceGenerationJobSummary = structure({
  createTime: timestamp,
  updateTime: timestamp,
  audienceGenerationJobArn: value,
  name: value,
  description: value,
  status: value,
  configuredAudienceModelArn: value,
  collaborationId: value,
  startedBy: value,
});

const AudienceExportJobSummary = structure({
  createTime: timestamp,
  updateTime: timestamp,
  name: value,
  audienceGenerationJobArn: value,
  audienceSize: AudienceSize,
  description: value,
  status: value,
  statusDetails: StatusDetails,
  outputLocation: value,
});

const ConfiguredAudienceModelSummary = structure({
  createTime: timestamp,
  updateTime: timestamp,
  name: value,
  audienceModelArn: value,
  outputConfig: ConfiguredAudienceModelOutputConfig,
  description: value,
  configuredAudienceModelArn: value,
  status: value,
});

const AudienceModelSummary = structure({
  createTime: timestamp,
  updateTime: timestamp,
  audienceModelArn: value,
  name: value,
  trainingDatasetArn: value,
  status: value,
  description: value,
});

export const StartAudienceGenerationJobResponse = structure({ audienceGenerationJobArn: value });

export const GetAudienceGenerationJobResponse = structure({
  createTime: timestamp,
  updateTime: timestamp,
  audienceGenerationJobArn: value,
  name: value,
  description: value,
  status: value,
  statusDetails: StatusDetails,
  configuredAudienceModelArn: value,
  seedAudience: AudienceGenerationJobDataSource,
  includeSeedInOutput: value,
  collaborationId: value,
  metrics: AudienceQualityMetrics,
  startedBy: value,
  tags: StringMap,
  protectedQueryIdentifier: value,
});

export const ListAudienceGenerationJobsResponse = structure({
  nextToken: value,
  audienceGenerationJobs: list(AudienceGenerationJobSummary),
});

export const ListAudienceExportJobsResponse = structure({
  nextToken: value,
  audienceExportJobs: list(AudienceExportJobSummary),
});

export const ListConfiguredAudienceModelsResponse = structure({
  nextToken: value,
  configuredAudienceModels: list(ConfiguredAudienceModelSummary),
});

export const GetConfiguredAudienceModelResponse = structure({
  createTime: timestamp,
  updateTime: timestamp,
  configuredAudienceModelArn: value,
  name: value,
  audienceModelArn: value,
  outputConfig: ConfiguredAudienceModelOutputConfig,
  description: value,
  status: value,
  sharedAudienceMetrics: list(value),
  minMatchingSeedSize: value,
  audienceSizeConfig: structure({ audienceSizeType: value, audienceSizeBins: list(value) }),
  tags: StringMap,
  childResourceTagOnCreatePolicy: value,
});

export const ListAudienceModelsResponse = structure({
  nextToken: value,
  audienceModels: list(AudienceModelSummary),
});

export const GetAudienceModelResponse = structure({
  createTime: timestamp,
  updateTime: timestamp,
  trainingDataStartTime: timestamp,
  trainingDataEndTime: timestamp,
  audienceModelArn: value,
  name: value,
  trainingDatasetArn: value,
  status: value,
  statusDetails: StatusDetails,
  kmsKeyArn: value,
  tags: StringMap,
  description: value,
});

export const GetConfiguredAudienceModelPolicyResponse = structure({
  configuredAudienceModelArn: value,
  configuredAudienceModelPolicy: value,
  policyHash: value,
});

export const PutConfiguredAudienceModelPolicyResponse = structure({
  configuredAudienceModelPolicy: value,
  policyHash: value,
});

export const ListTagsForResourceResponse = structure({ tags: StringMap });

/** For operations whose output has no members (or no output shape at all). */
export const EmptyResponse = structure({});
