/**
 * Exceptions of the Clean Rooms ML audience API, named as in the official SDK.
 * Every error the service returns arrives as a `CleanRoomsMLServiceException`
 * (or a subclass), with `$fault` and `$metadata`.
 */
import type { ResponseMetadata } from "./types";

export type Fault = "client" | "server";

export interface ServiceExceptionOptions {
  name: string;
  message: string;
  $fault: Fault;
  $metadata: ResponseMetadata;
}

/** What a modelled exception's constructor takes (its name and fault are fixed). */
export type ExceptionOptions = Omit<ServiceExceptionOptions, "name" | "$fault">;

export class CleanRoomsMLServiceException extends Error {
  readonly $fault: Fault;
  $metadata: ResponseMetadata;

  constructor(options: ServiceExceptionOptions) {
    super(options.message);
    this.name = options.name;
    this.$fault = options.$fault;
    this.$metadata = options.$metadata;
  }
}

export class ValidationException extends CleanRoomsMLServiceException {
  constructor(options: ExceptionOptions) {
    super({ ...options, name: "ValidationException", $fault: "client" });
  }
}

export class ConflictException extends CleanRoomsMLServiceException {
  constructor(options: ExceptionOptions) {
    super({ ...options, name: "ConflictException", $fault: "client" });
  }
}

export class ResourceNotFoundException extends CleanRoomsMLServiceException {
  constructor(options: ExceptionOptions) {
    super({ ...options, name: "ResourceNotFoundException", $fault: "client" });
  }
}

export class AccessDeniedException extends CleanRoomsMLServiceException {
  constructor(options: ExceptionOptions) {
    super({ ...options, name: "AccessDeniedException", $fault: "client" });
  }
}

export class ThrottlingException extends CleanRoomsMLServiceException {
  constructor(options: ExceptionOptions) {
    super({ ...options, name: "ThrottlingException", $fault: "client" });
  }
}

export class ServiceQuotaExceededException extends CleanRoomsMLServiceException {
  readonly quotaName?: string;
  readonly quotaValue?: number;

  constructor(options: ExceptionOptions & { quotaName?: string; quotaValue?: number }) {
    super({
      message: options.message,
      $metadata: options.$metadata,
      name: "ServiceQuotaExceededException",
      $fault: "client",
    });
    this.quotaName = options.quotaName;
    this.quotaValue = options.quotaValue;
  }
}

/**
 * Not in the model: what a server-side failure (HTTP 5xx) without an error
 * type becomes.
 */
export class InternalServerException extends CleanRoomsMLServiceException {
  constructor(options: ExceptionOptions) {
    super({ ...options, name: "InternalServerException", $fault: "server" });
  }
}

/** Error type implied by an HTTP status when the response names none. */
export function errorTypeForStatus(status: number): string {
  switch (status) {
    case 400:
      return "ValidationException";
    case 402:
      return "ServiceQuotaExceededException";
    case 403:
      return "AccessDeniedException";
    case 404:
      return "ResourceNotFoundException";
    case 409:
      return "ConflictException";
    case 429:
      return "ThrottlingException";
    default:
      return status >= 500 ? "InternalServerException" : "UnknownError";
  }
}

/**
 * Builds the exception for an error type: the modelled class when the type is
 * known, else a `CleanRoomsMLServiceException` carrying the type as its name.
 * `fields` is the parsed error body (for ServiceQuotaExceededException's extras).
 */
export function createServiceException(
  type: string,
  message: string,
  $metadata: ResponseMetadata,
  fields: Record<string, unknown> = {},
): CleanRoomsMLServiceException {
  const options = { message, $metadata };
  switch (type) {
    case "ValidationException":
      return new ValidationException(options);
    case "ConflictException":
      return new ConflictException(options);
    case "ResourceNotFoundException":
      return new ResourceNotFoundException(options);
    case "AccessDeniedException":
      return new AccessDeniedException(options);
    case "ThrottlingException":
      return new ThrottlingException(options);
    case "ServiceQuotaExceededException":
      return new ServiceQuotaExceededException({
        ...options,
        quotaName: typeof fields.quotaName === "string" ? fields.quotaName : undefined,
        quotaValue: typeof fields.quotaValue === "number" ? fields.quotaValue : undefined,
      });
    case "InternalServerException":
      return new InternalServerException(options);
    default: {
      const status = $metadata.httpStatusCode ?? 0;
      return new CleanRoomsMLServiceException({
        name: type,
        message,
        $fault: status >= 500 ? "server" : "client",
        $metadata,
      });
    }
  }
}
