/**
 * Structures of the Clean Rooms ML audience API (model `cleanroomsml-2023-09-06`),
 * named and shaped as in the official `@aws-sdk/client-cleanroomsml`, plus the
 * command input/output types.
 *
 * Enumerations follow the SDK's pattern: a frozen object of values and a type of
 * the same name, so a select's options can come from the same list as the data.
 */

// ---------------------------------------------------------------------------
// Response metadata

export interface ResponseMetadata {
  /** HTTP status of the last response, when one arrived. */
  httpStatusCode?: number;
  /** The `x-amzn-requestid` header of the last response. */
  requestId?: string;
  extendedRequestId?: string;
  cfId?: string;
  /** How many HTTP attempts the call made (1 when it succeeded first time). */
  attempts?: number;
  /** Milliseconds spent waiting between attempts. */
  totalRetryDelay?: number;
}

export interface MetadataBearer {
  $metadata: ResponseMetadata;
}

// ---------------------------------------------------------------------------
// Enumerations

export const AudienceGenerationJobStatus = {
  CREATE_PENDING: "CREATE_PENDING",
  CREATE_IN_PROGRESS: "CREATE_IN_PROGRESS",
  CREATE_FAILED: "CREATE_FAILED",
  ACTIVE: "ACTIVE",
  DELETE_PENDING: "DELETE_PENDING",
  DELETE_IN_PROGRESS: "DELETE_IN_PROGRESS",
  DELETE_FAILED: "DELETE_FAILED",
} as const;
export type AudienceGenerationJobStatus =
  (typeof AudienceGenerationJobStatus)[keyof typeof AudienceGenerationJobStatus];

export const AudienceExportJobStatus = {
  CREATE_PENDING: "CREATE_PENDING",
  CREATE_IN_PROGRESS: "CREATE_IN_PROGRESS",
  CREATE_FAILED: "CREATE_FAILED",
  ACTIVE: "ACTIVE",
} as const;
export type AudienceExportJobStatus =
  (typeof AudienceExportJobStatus)[keyof typeof AudienceExportJobStatus];

export const AudienceModelStatus = {
  CREATE_PENDING: "CREATE_PENDING",
  CREATE_IN_PROGRESS: "CREATE_IN_PROGRESS",
  CREATE_FAILED: "CREATE_FAILED",
  ACTIVE: "ACTIVE",
  DELETE_PENDING: "DELETE_PENDING",
  DELETE_IN_PROGRESS: "DELETE_IN_PROGRESS",
  DELETE_FAILED: "DELETE_FAILED",
} as const;
export type AudienceModelStatus = (typeof AudienceModelStatus)[keyof typeof AudienceModelStatus];

export const ConfiguredAudienceModelStatus = {
  ACTIVE: "ACTIVE",
} as const;
export type ConfiguredAudienceModelStatus =
  (typeof ConfiguredAudienceModelStatus)[keyof typeof ConfiguredAudienceModelStatus];

export const AudienceSizeType = {
  ABSOLUTE: "ABSOLUTE",
  PERCENTAGE: "PERCENTAGE",
} as const;
export type AudienceSizeType = (typeof AudienceSizeType)[keyof typeof AudienceSizeType];

export const WorkerComputeType = {
  CR1X: "CR.1X",
  CR4X: "CR.4X",
  CR8X: "CR.8X",
} as const;
export type WorkerComputeType = (typeof WorkerComputeType)[keyof typeof WorkerComputeType];

export const SharedAudienceMetrics = {
  ALL: "ALL",
  NONE: "NONE",
} as const;
export type SharedAudienceMetrics =
  (typeof SharedAudienceMetrics)[keyof typeof SharedAudienceMetrics];

export const TagOnCreatePolicy = {
  FROM_PARENT_RESOURCE: "FROM_PARENT_RESOURCE",
  NONE: "NONE",
} as const;
export type TagOnCreatePolicy = (typeof TagOnCreatePolicy)[keyof typeof TagOnCreatePolicy];

// ---------------------------------------------------------------------------
// Shared structures

export interface S3ConfigMap {
  s3Uri: string;
}

export interface ProtectedQuerySQLParameters {
  queryString?: string;
  analysisTemplateArn?: string;
  parameters?: Record<string, string>;
}

/** Union: exactly one member. */
export interface WorkerComputeConfigurationProperties {
  spark: Record<string, string>;
}

export interface WorkerComputeConfiguration {
  type?: WorkerComputeType;
  number?: number;
  properties?: WorkerComputeConfigurationProperties;
}

/** Union: exactly one member. */
export interface ComputeConfiguration {
  worker: WorkerComputeConfiguration;
}

export interface AudienceGenerationJobDataSource {
  dataSource?: S3ConfigMap;
  roleArn: string;
  sqlParameters?: ProtectedQuerySQLParameters;
  sqlComputeConfiguration?: ComputeConfiguration;
}

export interface StatusDetails {
  statusCode?: string;
  message?: string;
}

export interface AudienceSize {
  type: AudienceSizeType;
  value: number;
}

export interface RelevanceMetric {
  audienceSize: AudienceSize;
  score?: number;
}

export interface AudienceQualityMetrics {
  relevanceMetrics: RelevanceMetric[];
  recallMetric?: number;
}

export interface AudienceDestination {
  s3Destination: S3ConfigMap;
}

export interface ConfiguredAudienceModelOutputConfig {
  destination: AudienceDestination;
  roleArn: string;
}

export interface AudienceSizeConfig {
  audienceSizeType: AudienceSizeType;
  audienceSizeBins: number[];
}

// ---------------------------------------------------------------------------
// Summaries (list items)

export interface AudienceGenerationJobSummary {
  createTime: Date;
  updateTime: Date;
  audienceGenerationJobArn: string;
  name: string;
  description?: string;
  status: AudienceGenerationJobStatus;
  configuredAudienceModelArn: string;
  collaborationId?: string;
  startedBy?: string;
}

export interface AudienceExportJobSummary {
  createTime: Date;
  updateTime: Date;
  name: string;
  audienceGenerationJobArn: string;
  audienceSize: AudienceSize;
  description?: string;
  status: AudienceExportJobStatus;
  statusDetails?: StatusDetails;
  outputLocation?: string;
}

export interface ConfiguredAudienceModelSummary {
  createTime: Date;
  updateTime: Date;
  name: string;
  audienceModelArn: string;
  outputConfig: ConfiguredAudienceModelOutputConfig;
  description?: string;
  configuredAudienceModelArn: string;
  status: ConfiguredAudienceModelStatus;
}

export interface AudienceModelSummary {
  createTime: Date;
  updateTime: Date;
  audienceModelArn: string;
  name: string;
  trainingDatasetArn: string;
  status: AudienceModelStatus;
  description?: string;
}

// ---------------------------------------------------------------------------
// Requests and responses, one pair per operation

export interface StartAudienceGenerationJobRequest {
  name: string;
  configuredAudienceModelArn: string;
  seedAudience: AudienceGenerationJobDataSource;
  includeSeedInOutput?: boolean;
  collaborationId?: string;
  description?: string;
  tags?: Record<string, string>;
}
export interface StartAudienceGenerationJobResponse {
  audienceGenerationJobArn: string;
}

export interface GetAudienceGenerationJobRequest {
  audienceGenerationJobArn: string;
}
export interface GetAudienceGenerationJobResponse {
  createTime: Date;
  updateTime: Date;
  audienceGenerationJobArn: string;
  name: string;
  description?: string;
  status: AudienceGenerationJobStatus;
  statusDetails?: StatusDetails;
  configuredAudienceModelArn: string;
  seedAudience?: AudienceGenerationJobDataSource;
  includeSeedInOutput?: boolean;
  collaborationId?: string;
  metrics?: AudienceQualityMetrics;
  startedBy?: string;
  tags?: Record<string, string>;
  protectedQueryIdentifier?: string;
}

export interface ListAudienceGenerationJobsRequest {
  nextToken?: string;
  maxResults?: number;
  configuredAudienceModelArn?: string;
  collaborationId?: string;
}
export interface ListAudienceGenerationJobsResponse {
  nextToken?: string;
  audienceGenerationJobs: AudienceGenerationJobSummary[];
}

export interface DeleteAudienceGenerationJobRequest {
  audienceGenerationJobArn: string;
}

export interface StartAudienceExportJobRequest {
  name: string;
  audienceGenerationJobArn: string;
  audienceSize: AudienceSize;
  description?: string;
}

export interface ListAudienceExportJobsRequest {
  nextToken?: string;
  maxResults?: number;
  audienceGenerationJobArn?: string;
}
export interface ListAudienceExportJobsResponse {
  nextToken?: string;
  audienceExportJobs: AudienceExportJobSummary[];
}

export interface ListConfiguredAudienceModelsRequest {
  nextToken?: string;
  maxResults?: number;
}
export interface ListConfiguredAudienceModelsResponse {
  nextToken?: string;
  configuredAudienceModels: ConfiguredAudienceModelSummary[];
}

export interface GetConfiguredAudienceModelRequest {
  configuredAudienceModelArn: string;
}
export interface GetConfiguredAudienceModelResponse {
  createTime: Date;
  updateTime: Date;
  configuredAudienceModelArn: string;
  name: string;
  audienceModelArn: string;
  outputConfig: ConfiguredAudienceModelOutputConfig;
  description?: string;
  status: ConfiguredAudienceModelStatus;
  sharedAudienceMetrics: SharedAudienceMetrics[];
  minMatchingSeedSize?: number;
  audienceSizeConfig?: AudienceSizeConfig;
  tags?: Record<string, string>;
  childResourceTagOnCreatePolicy?: TagOnCreatePolicy;
}

export interface ListAudienceModelsRequest {
  nextToken?: string;
  maxResults?: number;
}
export interface ListAudienceModelsResponse {
  nextToken?: string;
  audienceModels: AudienceModelSummary[];
}

export interface GetAudienceModelRequest {
  audienceModelArn: string;
}
export interface GetAudienceModelResponse {
  createTime: Date;
  updateTime: Date;
  trainingDataStartTime?: Date;
  trainingDataEndTime?: Date;
  audienceModelArn: string;
  name: string;
  trainingDatasetArn: string;
  status: AudienceModelStatus;
  statusDetails?: StatusDetails;
  kmsKeyArn?: string;
  tags?: Record<string, string>;
  description?: string;
}

export interface ListTagsForResourceRequest {
  resourceArn: string;
}
export interface ListTagsForResourceResponse {
  tags: Record<string, string>;
}

export interface TagResourceRequest {
  resourceArn: string;
  tags: Record<string, string>;
}
// The model's TagResourceResponse and UntagResourceResponse have no members.
export type TagResourceResponse = Record<never, never>;

export interface UntagResourceRequest {
  resourceArn: string;
  tagKeys: string[];
}
export type UntagResourceResponse = Record<never, never>;

// ---------------------------------------------------------------------------
// Command inputs and outputs (every output carries `$metadata`)

export type StartAudienceGenerationJobCommandInput = StartAudienceGenerationJobRequest;
export type StartAudienceGenerationJobCommandOutput = StartAudienceGenerationJobResponse &
  MetadataBearer;

export type GetAudienceGenerationJobCommandInput = GetAudienceGenerationJobRequest;
export type GetAudienceGenerationJobCommandOutput = GetAudienceGenerationJobResponse &
  MetadataBearer;

export type ListAudienceGenerationJobsCommandInput = ListAudienceGenerationJobsRequest;
export type ListAudienceGenerationJobsCommandOutput = ListAudienceGenerationJobsResponse &
  MetadataBearer;

export type DeleteAudienceGenerationJobCommandInput = DeleteAudienceGenerationJobRequest;
/** The operation has no output shape: only `$metadata`. */
export type DeleteAudienceGenerationJobCommandOutput = MetadataBearer;

export type StartAudienceExportJobCommandInput = StartAudienceExportJobRequest;
/** The operation has no output shape: only `$metadata`. */
export type StartAudienceExportJobCommandOutput = MetadataBearer;

export type ListAudienceExportJobsCommandInput = ListAudienceExportJobsRequest;
export type ListAudienceExportJobsCommandOutput = ListAudienceExportJobsResponse & MetadataBearer;

export type ListConfiguredAudienceModelsCommandInput = ListConfiguredAudienceModelsRequest;
export type ListConfiguredAudienceModelsCommandOutput = ListConfiguredAudienceModelsResponse &
  MetadataBearer;

export type GetConfiguredAudienceModelCommandInput = GetConfiguredAudienceModelRequest;
export type GetConfiguredAudienceModelCommandOutput = GetConfiguredAudienceModelResponse &
  MetadataBearer;

export type ListAudienceModelsCommandInput = ListAudienceModelsRequest;
export type ListAudienceModelsCommandOutput = ListAudienceModelsResponse & MetadataBearer;

export type GetAudienceModelCommandInput = GetAudienceModelRequest;
export type GetAudienceModelCommandOutput = GetAudienceModelResponse & MetadataBearer;

export type ListTagsForResourceCommandInput = ListTagsForResourceRequest;
export type ListTagsForResourceCommandOutput = ListTagsForResourceResponse & MetadataBearer;

export type TagResourceCommandInput = TagResourceRequest;
export type TagResourceCommandOutput = TagResourceResponse & MetadataBearer;

export type UntagResourceCommandInput = UntagResourceRequest;
export type UntagResourceCommandOutput = UntagResourceResponse & MetadataBearer;

/** The policy a configured audience model's owner sets (docs/ARCHITECTURE.md, "Two accounts"). */
export const PolicyExistenceCondition = {
  POLICY_MUST_EXIST: "POLICY_MUST_EXIST",
  POLICY_MUST_NOT_EXIST: "POLICY_MUST_NOT_EXIST",
} as const;
export type PolicyExistenceCondition =
  (typeof PolicyExistenceCondition)[keyof typeof PolicyExistenceCondition];

export interface GetConfiguredAudienceModelPolicyRequest {
  configuredAudienceModelArn: string;
}
export interface GetConfiguredAudienceModelPolicyResponse {
  configuredAudienceModelArn: string;
  /** The resource policy, a JSON policy document. */
  configuredAudienceModelPolicy: string;
  policyHash: string;
}
export interface PutConfiguredAudienceModelPolicyRequest {
  configuredAudienceModelArn: string;
  configuredAudienceModelPolicy: string;
  previousPolicyHash?: string;
  policyExistenceCondition?: PolicyExistenceCondition;
}
export interface PutConfiguredAudienceModelPolicyResponse {
  configuredAudienceModelPolicy: string;
  policyHash: string;
}

export type GetConfiguredAudienceModelPolicyCommandInput = GetConfiguredAudienceModelPolicyRequest;
export type GetConfiguredAudienceModelPolicyCommandOutput =
  GetConfiguredAudienceModelPolicyResponse & MetadataBearer;

export type PutConfiguredAudienceModelPolicyCommandInput = PutConfiguredAudienceModelPolicyRequest;
export type PutConfiguredAudienceModelPolicyCommandOutput =
  PutConfiguredAudienceModelPolicyResponse & MetadataBearer;
