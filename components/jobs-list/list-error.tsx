import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-alert";
import type { ActionError } from "@/lib/action-result";

/** The service could not be read: what happened, what to do, and "Try again" (never a blank page). */
export function ListError({
  error,
  onRetry,
  retrying,
  title = "The jobs could not be loaded",
}: {
  error: ActionError;
  onRetry: () => void;
  retrying?: boolean;
  title?: string;
}) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 px-5 py-5 text-sm text-red-900"
    >
      <h2 className="text-base font-semibold">{title}</h2>
      <p className="mt-1">
        <ErrorMessage error={error} />
      </p>
      <div className="mt-4">
        <Button variant="secondary" onClick={onRetry} disabled={retrying}>
          {retrying ? "Trying again…" : "Try again"}
        </Button>
      </div>
    </div>
  );
}

/** The same error turned small, for a failed refresh or "load more" above rows that are still shown. */
export function InlineListError({
  error,
  onRetry,
  retrying,
  what,
}: {
  error: ActionError;
  onRetry: () => void;
  retrying?: boolean;
  what: string;
}) {
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <p>
        <span className="font-medium">{what}</span> <ErrorMessage error={error} />
      </p>
      <Button variant="secondary" onClick={onRetry} disabled={retrying}>
        {retrying ? "Trying again…" : "Try again"}
      </Button>
    </div>
  );
}
