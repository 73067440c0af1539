import { get, type FieldErrors } from "react-hook-form";

import { fieldIds } from "@/components/ui/field";
import type { StartJobFormValues } from "@/lib/schemas/start-job-form";

/** The form's key/value row lists. Their whole-list errors live at `<name>.root` (or `<name>` before any row exists). */
export const ROW_FIELDS = ["tags", "parameters", "sparkProperties"] as const;
export type RowField = (typeof ROW_FIELDS)[number];

export const isRowField = (path: string): path is RowField =>
  (ROW_FIELDS as readonly string[]).includes(path);

/** A DOM id for a field path: `tags.2.key` → `job-tags-2-key`. */
export function controlId(path: string): string {
  return `job-${path.replace(/\./g, "-")}`;
}

/** The error message at a field path, if any (a row list's own error included). */
export function errorAt(errors: FieldErrors<StartJobFormValues>, path: string): string | undefined {
  const error = get(errors, path) as
    { message?: unknown; root?: { message?: unknown } } | undefined;
  const message = isRowField(path) ? (error?.root?.message ?? error?.message) : error?.message;
  return typeof message === "string" && message !== "" ? message : undefined;
}

/** The accessibility attributes of a control: invalid state, and its description and error read with it. */
export function controlA11y(
  id: string,
  { description, error }: { description?: boolean; error?: string },
) {
  const ids = fieldIds(id);
  const describedBy = [
    error ? ids.error : undefined,
    description ? ids.description : undefined,
  ].filter(Boolean);
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy.length > 0 ? describedBy.join(" ") : undefined,
  } as const;
}

/** Every field path with an error, in no particular order (`tags` for a list's own error). */
export function errorPaths(errors: FieldErrors<StartJobFormValues>): string[] {
  const paths: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (typeof record.message === "string" && path !== "") paths.push(path.replace(/\.root$/, ""));
    for (const [key, child] of Object.entries(record)) {
      if (key === "ref" || key === "message" || key === "type" || key === "types") continue;
      walk(child, path ? `${path}.${key}` : key);
    }
  };
  walk(errors, "");
  return paths;
}
