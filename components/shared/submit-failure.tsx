import { ErrorAlert } from "@/components/ui/error-alert";
import type { ActionError } from "@/lib/action-result";

/** Titles every form gives a refused submit, by error type; a form adds what only it can meet. */
const COMMON_TITLES: Record<string, string> = {
  InvalidInput: "Some values are not valid",
  AccessDeniedException: "Access denied",
  ThrottlingException: "The service is busy",
  ServiceQuotaExceededException: "A quota was reached",
  NetworkError: "The service could not be reached",
};

/**
 * A form's submit the service (or the form's own check) refused: a title by
 * error type, the message and hint, and that the typed values are kept.
 */
export function SubmitFailure({
  error,
  titles,
  fallbackTitle,
  button,
}: {
  error: Pick<ActionError, "code" | "message" | "hint">;
  /** Titles of the error types only this form meets (they win over the common ones). */
  titles: Record<string, string>;
  /** The title of any other error: what did not happen ("The job was not started"). */
  fallbackTitle: string;
  /** The submit button's words, for "press … again". */
  button: string;
}) {
  return (
    <ErrorAlert
      role="alert"
      title={titles[error.code] ?? COMMON_TITLES[error.code] ?? fallbackTitle}
      error={error}
    >
      <p className="mt-1 text-xs opacity-80">
        Error type: {error.code}. Your values are kept: fix what is needed and press {button} again.
      </p>
    </ErrorAlert>
  );
}
