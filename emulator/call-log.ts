/**
 * What the local service remembers about the calls it received, for the
 * `/_emulator/*` controls (control.ts, denials.ts): the counts, the answers to
 * lose and the operations to deny. Kept apart from the controls so the
 * operations' context (routes/context.ts) can hold them without importing the
 * controls that change them.
 */
/**
 * Requests received per operation since start (or the last reset), those
 * answered with an injected ThrottlingException also counted apart.
 */
export class CallCounter {
  private calls: Record<string, number> = {};
  private throttledCalls: Record<string, number> = {};

  received(operation: string): void {
    this.calls[operation] = (this.calls[operation] ?? 0) + 1;
  }

  throttled(operation: string): void {
    this.throttledCalls[operation] = (this.throttledCalls[operation] ?? 0) + 1;
  }

  reset(): void {
    this.calls = {};
    this.throttledCalls = {};
  }

  toJSON(): { calls: Record<string, number>; throttled: Record<string, number> } {
    return { calls: { ...this.calls }, throttled: { ...this.throttledCalls } };
  }
}

/** How an answer is lost: the connection closed without one, or a 500 after the work was done. */
export type LostAnswer = "drop" | "error";
export const LOST_ANSWERS: readonly LostAnswer[] = ["drop", "error"];
export const MAX_LOST_ANSWERS = 100;

/**
 * Answers to lose on purpose, per operation, for `/_emulator/lost-answers`:
 * the request is carried out (a job is started) and then its answer is lost,
 * so a test can show what a client's retry does when the service acted but
 * the client never heard.
 */
export class LostAnswers {
  private armed = new Map<string, { as: LostAnswer; remaining: number }>();

  arm(operation: string, as: LostAnswer, count: number): void {
    this.armed.set(operation, { as, remaining: count });
  }

  clear(): void {
    this.armed.clear();
  }

  /** How this call's answer is lost, if it is; counts it off. */
  take(operation: string): LostAnswer | undefined {
    const armed = this.armed.get(operation);
    if (!armed) return undefined;
    if (--armed.remaining <= 0) this.armed.delete(operation);
    return armed.as;
  }

  toJSON(): Record<string, { as: LostAnswer; remaining: number }> {
    return Object.fromEntries([...this.armed].map(([op, armed]) => [op, { ...armed }]));
  }
}

/**
 * Operations refused with the service's own access-denied error (denials.ts),
 * named as in an IAM policy: `cleanrooms:ListMemberships`.
 */
export class DeniedOperations {
  private readonly operations = new Set<string>();

  has(service: string, operation: string): boolean {
    return this.operations.has(`${service}:${operation}`);
  }

  replace(operations: readonly string[]): void {
    this.operations.clear();
    for (const o of operations) this.operations.add(o);
  }

  clear(): void {
    this.operations.clear();
  }

  toJSON(): string[] {
    return [...this.operations].sort();
  }
}
