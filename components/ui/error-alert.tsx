import type { ReactNode } from "react";

import type { ActionError } from "@/lib/action-result";

import { Alert } from "./alert";

/** A failure in words: the service's message, then what the user can do about it. */
export function ErrorMessage({ error }: { error: Pick<ActionError, "message" | "hint"> }) {
  return (
    <>
      <span>{error.message}</span>
      {error.hint && <span className="mt-1 block text-xs">{error.hint}</span>}
    </>
  );
}

/**
 * The one alert for a failed action or read: a title saying what did not
 * happen, the message and hint, and anything the caller adds below.
 */
export function ErrorAlert({
  title,
  error,
  tone = "danger",
  role,
  className,
  children,
}: {
  title: ReactNode;
  error: Pick<ActionError, "message" | "hint">;
  tone?: "danger" | "warning";
  role?: "alert";
  className?: string;
  children?: ReactNode;
}) {
  return (
    <Alert tone={tone} role={role} title={title} className={className}>
      <ErrorMessage error={error} />
      {children}
    </Alert>
  );
}
