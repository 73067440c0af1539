/** What every operation handler gets: the state, the engine, the clock, and the request's parts. */
import type { CallCounter, DeniedOperations, LostAnswers } from "../call-log";
import type { Engine } from "../engine";
import type { Reply } from "../http";
import type { SeedPaths } from "../lookalike/seed";
import type { NewSchedule } from "../scheduler/store";
import type { Store } from "../store";

export interface Context {
  store: Store;
  engine: Engine;
  /** When EventBridge Scheduler's schedules fire (scheduler/firing.ts). */
  scheduler: SchedulePlanner;
  now: () => number;
  paths: SeedPaths;
  /** Requests received per operation, for `/_emulator/calls`. */
  calls: CallCounter;
  /** Answers to lose after the work is done, for `/_emulator/lost-answers`. */
  lostAnswers: LostAnswers;
  /** Operations to refuse, for `/_emulator/denied`. */
  denied: DeniedOperations;
}

/** Plans a schedule's next firing when it is created or replaced (scheduler/firing.ts). */
export interface SchedulePlanner {
  planFromNow(row: NewSchedule, now: number): { time: number; due: number; offset: number } | null;
}

export interface OperationRequest {
  /**
   * The calling account, from the signature's access key ID (identity.ts):
   * 12 digits name that account, any other key is our default account.
   */
  account: string;
  /** The first path label, percent-decoded (an ARN): most operations have one. */
  label: string;
  /** Every path label, percent-decoded, by its name in the route's path. */
  labels: Record<string, string>;
  query: URLSearchParams;
  /** The JSON body as an object; `{}` when empty. */
  body: Record<string, unknown>;
}

export type Operation = (context: Context, request: OperationRequest) => Reply;

/** The first value of each of the given query parameters that is present. */
export function queryParams(
  query: URLSearchParams,
  names: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = query.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}
