import type { FieldErrors } from "react-hook-form";

import type { StartJobFormValues } from "@/lib/schemas/start-job-form";

export { controlId, errorAt } from "@/components/shared/form-fields";

/** The form's key/value row lists. Their whole-list errors live at `<name>.root` (or `<name>` before any row exists). */
const ROW_FIELDS = ["tags", "parameters", "sparkProperties"] as const;
export type RowField = (typeof ROW_FIELDS)[number];

export const isRowField = (path: string): path is RowField =>
  (ROW_FIELDS as readonly string[]).includes(path);

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
