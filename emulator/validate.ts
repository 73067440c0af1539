/** One call per operation input: the shared schemas of lib/schemas decide, a 400 says why. */
import type { z } from "zod";

import { formatIssues } from "../lib/schemas/issues";
import { validationError } from "./http";

export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(formatIssues(result.error));
  return result.data;
}
