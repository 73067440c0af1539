import "server-only";

import type { z } from "zod";

import { fail, ok, type ActionError, type ActionResult } from "@/lib/action-result";
import { requireUser, type SignedInUser } from "@/lib/auth/session";
import { fieldErrors, formatIssues } from "@/lib/schemas/issues";
import { toActionError } from "@/lib/service-errors";

interface ActionOptions {
  /** The message for input that fails the schema; by default the schema's own issues, field by field. */
  invalidMessage?: string;
  /** Adjust a mapped service error, e.g. to place a ValidationException beside its form field. */
  mapError?: (error: ActionError) => ActionError;
}

/** What a body knows besides its input. */
export interface ActionContext {
  /** The signed-in person; undefined in the local mode without sign-in. */
  user: SignedInUser | undefined;
}

/**
 * A server action declared with its input schema: the input is parsed before
 * the body runs (an exported action is a public endpoint, whatever the browser
 * checked) and after the session check (without a session, when sign-in is
 * on: Unauthorized, and nothing done). Whatever the body throws comes back as
 * an ActionResult with the service's error type as `code` (docs/ARCHITECTURE.md,
 * "Server actions return results, not exceptions").
 */
export function defineAction<S extends z.ZodType, T>(
  schema: S,
  body: (input: z.infer<S>, context: ActionContext) => Promise<T>,
  options: ActionOptions = {},
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input) => {
    const auth = await requireUser();
    if (!auth.ok) return fail(auth.error);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return fail({
        code: "InvalidInput",
        message: options.invalidMessage ?? formatIssues(parsed.error),
        fieldErrors: fieldErrors(parsed.error),
      });
    }
    try {
      return ok(await body(parsed.data, { user: auth.user }));
    } catch (thrown) {
      const error = toActionError(thrown);
      return fail(options.mapError ? options.mapError(error) : error);
    }
  };
}
