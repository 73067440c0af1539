import type { ActionError } from "@/lib/action-result";

/** What a marketer can do about each service error: the one error mapping. */
const HINTS: Record<string, string> = {
  ValidationException: "Correct the value the service names and try again.",
  ResourceNotFoundException:
    "It may have been deleted, or belong to another account or region. Check the link or pick it again from the list.",
  AccessDeniedException:
    "The dashboard's AWS credentials are not allowed to do this. Ask your AWS administrator for the Clean Rooms ML permission named in the message.",
  ConflictException:
    "The resource changed meanwhile. Reload to see its current state, then try again.",
  ThrottlingException:
    "The service is busy and asked us to slow down. Wait a moment and try again.",
  ServiceQuotaExceededException:
    "Your account reached a Clean Rooms ML quota. Delete jobs you no longer need or ask AWS for a higher quota.",
  NetworkError:
    "The dashboard could not reach the Clean Rooms ML service. Check that it is running, then try again.",
  InternalServerError: "The service failed on its side. Try again in a moment.",
};

function errorName(error: unknown): string {
  if (error && typeof error === "object" && "name" in error && typeof error.name === "string")
    return error.name;
  return "Error";
}

function isServiceError(error: unknown): error is Error & { $fault: "client" | "server" } {
  return error instanceof Error && "$fault" in error;
}

/** Turn anything a client call threw into an ActionError, keeping the service's type and message. */
export function toActionError(error: unknown): ActionError {
  if (isServiceError(error)) {
    const code =
      error.$fault === "server" && !HINTS[error.name] ? "InternalServerError" : error.name;
    return { code, message: error.message || code, hint: HINTS[code] };
  }
  const name = errorName(error);
  if (
    name === "TimeoutError" ||
    name === "AbortError" ||
    (error instanceof TypeError && /fetch/i.test(error.message))
  ) {
    return {
      code: "NetworkError",
      message: "The Clean Rooms ML service did not answer.",
      hint: HINTS.NetworkError,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: name, message, hint: HINTS.InternalServerError };
}

export function errorHint(code: string): string | undefined {
  return HINTS[code];
}
