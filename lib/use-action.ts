"use client";

import { useRef, useState } from "react";

import { fail, type ActionError, type ActionResult } from "@/lib/action-result";
import { DASHBOARD_NO_ANSWER as NO_ANSWER } from "@/lib/fetch-json";

/**
 * The one way a component calls a server action: one call at a time (a second
 * press while one is under way does nothing and resolves to undefined),
 * `pending` while it runs, and the last failure in `error` until the next call
 * or `clear()`. The action's result is returned for the caller's next step.
 */
export function useAction<Input, Data>(action: (input: Input) => Promise<ActionResult<Data>>) {
  const running = useRef(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActionError | undefined>();

  async function run(input: Input): Promise<ActionResult<Data> | undefined> {
    if (running.current) return undefined;
    running.current = true;
    setPending(true);
    setError(undefined);
    let result: ActionResult<Data>;
    try {
      result = await action(input);
    } catch {
      result = fail(NO_ANSWER);
    } finally {
      running.current = false;
      setPending(false);
    }
    if (!result.ok) setError(result.error);
    return result;
  }

  return { run, pending, error, clear: () => setError(undefined) };
}
