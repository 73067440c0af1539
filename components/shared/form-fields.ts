import { get, type FieldErrors, type FieldValues } from "react-hook-form";

/** A DOM id for a field path: `tags.2.key` → `job-tags-2-key`. */
export function controlId(path: string): string {
  return `job-${path.replace(/\./g, "-")}`;
}

/**
 * The error message at a field path, if any. A list's own error (too many
 * rows) is at `<path>.root` once it has rows, at `<path>` before.
 */
export function errorAt<Values extends FieldValues>(
  errors: FieldErrors<Values>,
  path: string,
): string | undefined {
  const error = get(errors, path) as
    { message?: unknown; root?: { message?: unknown } } | undefined;
  const message = error?.root?.message ?? error?.message;
  return typeof message === "string" && message !== "" ? message : undefined;
}
