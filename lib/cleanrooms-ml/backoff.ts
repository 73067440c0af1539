/**
 * One back-off per operation for the whole process. When the service answers
 * `ThrottlingException`, every call of that operation slows down together
 * (rather than each call retrying on its own and adding to the storm): from
 * then on calls go one per `spacing` milliseconds, a token bucket holding one
 * token. Each throttled answer doubles the spacing (from
 * {@link BACKOFF_MIN_SPACING_MS} to {@link BACKOFF_MAX_SPACING_MS}); each
 * answer that is not a throttle halves it, and below the minimum the operation
 * runs free again. Other operations are not affected.
 *
 * The client enters the gate before every attempt (`CleanRoomsMLClient`'s
 * `backoff` option); the server's reads ask {@link OperationBackoff.isWaiting}
 * to answer from their cache instead of queueing (docs/ARCHITECTURE.md,
 * "Server reads: coalescing, caching and back-off").
 */
import { sleep as realSleep, type Sleep } from "./retry";

export const BACKOFF_MIN_SPACING_MS = 2_000;
export const BACKOFF_MAX_SPACING_MS = 10_000;

/** What the client needs from a shared back-off. */
export interface OperationGate {
  /** Resolves when the operation may send its next attempt (at once while it is not backing off). */
  enter(operation: string, signal?: AbortSignal): Promise<void>;
  /** The service answered this operation with a throttling error. */
  throttled(operation: string): void;
  /** The service answered this operation with anything but a throttling error. */
  answered(operation: string): void;
}

interface State {
  /** Milliseconds between two calls; 0 never stored (the operation is then absent). */
  spacing: number;
  /** The earliest time the next call may go. */
  nextSlot: number;
}

export class OperationBackoff implements OperationGate {
  private readonly states = new Map<string, State>();
  private readonly now: () => number;
  private readonly sleep: Sleep;

  constructor(options: { now?: () => number; sleep?: Sleep } = {}) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
  }

  async enter(operation: string, signal?: AbortSignal): Promise<void> {
    const state = this.states.get(operation);
    if (!state) return;
    const now = this.now();
    const slot = Math.max(now, state.nextSlot);
    // Each caller takes its own slot, so waiting callers go one by one, not all at once.
    state.nextSlot = slot + state.spacing;
    if (slot > now) await this.sleep(slot - now, signal);
  }

  throttled(operation: string): void {
    const state = this.states.get(operation);
    const spacing = state
      ? Math.min(BACKOFF_MAX_SPACING_MS, state.spacing * 2)
      : BACKOFF_MIN_SPACING_MS;
    const nextSlot = Math.max(state?.nextSlot ?? 0, this.now() + spacing);
    this.states.set(operation, { spacing, nextSlot });
  }

  answered(operation: string): void {
    const state = this.states.get(operation);
    if (!state) return;
    const spacing = state.spacing / 2;
    if (spacing < BACKOFF_MIN_SPACING_MS) {
      // Healthy again once the slots already handed out have passed.
      if (state.nextSlot <= this.now()) this.states.delete(operation);
      else state.spacing = 0;
    } else {
      state.spacing = spacing;
    }
  }

  /** True while a call of this operation entering now would have to wait. */
  isWaiting(operation: string): boolean {
    const state = this.states.get(operation);
    return state !== undefined && state.nextSlot > this.now();
  }

  /** The spacing in force (0 when the operation runs free), for logs and tests. */
  spacingOf(operation: string): number {
    return this.states.get(operation)?.spacing ?? 0;
  }
}
