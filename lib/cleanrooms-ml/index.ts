/**
 * Client for the AWS Clean Rooms ML audience operations, shaped like the
 * official `@aws-sdk/client-cleanroomsml` so that swapping it in later is an
 * import change:
 *
 *   const client = new CleanRoomsMLClient({ region: "us-east-1" });
 *   const job = await client.send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn }));
 *
 * Holds no `server-only` import so plain Node (tests, benchmarks) can load it;
 * the app reaches it only through its server-only boundary module.
 */
export { CleanRoomsMLClient, DEFAULT_REQUEST_TIMEOUT_MS } from "./client";
export type { CleanRoomsMLClientConfig, ResolvedClientConfig, SendOptions } from "./client";
export * from "./commands";
export { CleanRoomsMLCommand } from "./operation";
export type { HttpMethod, Operation } from "./operation";
export {
  AccessDeniedException,
  CleanRoomsMLServiceException,
  ConflictException,
  InternalServerException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException,
} from "./errors";
export type { ExceptionOptions, Fault, ServiceExceptionOptions } from "./errors";
export { ResponseParseError } from "./protocol";
export { NetworkingError } from "./transport";
export {
  paginateListAudienceExportJobs,
  paginateListAudienceGenerationJobs,
  paginateListAudienceModels,
  paginateListConfiguredAudienceModels,
} from "./paginate";
export type { PaginationConfiguration, Paginator } from "./paginate";
export { findStartedJob, START_LOOKBACK_MS, startAudienceGenerationJobOnce } from "./start-once";
export {
  BASE_DELAY_MS,
  DEFAULT_MAX_ATTEMPTS,
  SERVICE_MAX_ATTEMPTS,
  isThrottlingError,
  MAX_BACKOFF_MS,
} from "./retry";
export {
  BACKOFF_MAX_SPACING_MS,
  BACKOFF_MIN_SPACING_MS,
  OperationBackoff,
  type OperationGate,
} from "./backoff";
export type { RandomSource, Sleep } from "./retry";
export type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  CredentialsOption,
} from "./signing";
export * from "./types";
