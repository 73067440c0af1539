/**
 * What every server action returns (docs/ARCHITECTURE.md, "Server actions
 * return results, not exceptions"): a result, never a thrown exception, with
 * the service's error type as `code`.
 */
export interface ActionError {
  /** The service's exception name (e.g. `ValidationException`), or one of ours: `InvalidInput`, `NetworkError`. */
  code: string;
  message: string;
  /** What the user can do about it, in plain words. */
  hint?: string;
  /** Messages keyed by form field path (e.g. `tags.2.key`). */
  fieldErrors?: Record<string, string>;
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export const ok = <T>(data: T): ActionResult<T> => ({ ok: true, data });
export const fail = <T = never>(error: ActionError): ActionResult<T> => ({ ok: false, error });
