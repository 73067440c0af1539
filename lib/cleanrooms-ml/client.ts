/**
 * `CleanRoomsMLClient`: configuration, and `send` — serialize, sign, send,
 * read the response, and retry transient failures, for any command.
 */
import type { OperationGate } from "./backoff";
import type { CleanRoomsMLCommand } from "./operation";
import {
  defaultEndpoint,
  deserializeError,
  deserializeOutput,
  parseEndpoint,
  responseMetadata,
  serializeRequest,
  type Endpoint,
} from "./protocol";
import {
  abortError,
  backoffDelay,
  DEFAULT_MAX_ATTEMPTS,
  isRetryableError,
  isThrottlingError,
  sleep as realSleep,
  type RandomSource,
  type Sleep,
} from "./retry";
import { createSigner, type CredentialsOption, type RequestSigner } from "./signing";
import { sendHttpRequest } from "./transport";
import type { MetadataBearer, ResponseMetadata } from "./types";

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface CleanRoomsMLClientConfig {
  /** AWS region, e.g. `us-east-1`. Defaults to `AWS_REGION` / `AWS_DEFAULT_REGION`; needed by the first `send`. */
  region?: string;
  /** Overrides `https://cleanrooms-ml.<region>.amazonaws.com`, e.g. `http://127.0.0.1:4750` for the local service. */
  endpoint?: string | URL;
  /** Static credentials or a provider; defaults to the standard Node credential chain. */
  credentials?: CredentialsOption;
  /** Attempts per call, first one included (default 3). 1 disables retries. */
  maxAttempts?: number;
  /** Milliseconds one attempt may take, headers and body (default 30 000; 0 disables). */
  requestTimeout?: number;
  /** Waits between attempts; injectable so tests need not sleep. */
  sleep?: Sleep;
  /** Source of jitter in [0, 1); injectable for tests. */
  random?: RandomSource;
  /**
   * A back-off shared by every call of an operation (see `backoff.ts`):
   * entered before each attempt, told how each answer went. Not part of the
   * official client; without it each call backs off on its own.
   */
  backoff?: OperationGate;
}

export interface SendOptions<Output = unknown> {
  abortSignal?: AbortSignal;
  /**
   * Not part of the official client. Called before each retry that follows a
   * failure the service may have acted on anyway (a timeout, a lost
   * connection, a 5xx; never a throttle, which means it did nothing): an
   * operation that is not idempotent looks there for what the lost attempt
   * did. What it returns is the call's answer, and nothing is sent again.
   */
  beforeRetry?: (failure: unknown) => Promise<Output | undefined>;
}

/** The configuration in effect, as the SDK exposes it on `client.config`. */
export interface ResolvedClientConfig {
  region: string | undefined;
  endpoint: string | undefined;
  maxAttempts: number;
  requestTimeout: number;
}

export class CleanRoomsMLClient {
  readonly config: ResolvedClientConfig;
  private readonly signer: RequestSigner;
  private readonly sleep: Sleep;
  private readonly random: RandomSource;
  private readonly backoff: OperationGate | undefined;
  private endpoint: Endpoint | undefined;

  constructor(config: CleanRoomsMLClientConfig = {}) {
    const maxAttempts = config.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
      throw new RangeError(`maxAttempts must be a whole number of at least 1, got ${maxAttempts}`);
    }
    const requestTimeout = config.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT_MS;
    if (!(requestTimeout >= 0))
      throw new RangeError(`requestTimeout must be 0 or more milliseconds, got ${requestTimeout}`);

    const region =
      config.region || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined;
    this.config = {
      region,
      endpoint: config.endpoint === undefined ? undefined : String(config.endpoint),
      maxAttempts,
      requestTimeout,
    };
    // An endpoint given is checked now; the default one waits for a region.
    if (this.config.endpoint !== undefined) this.endpoint = parseEndpoint(this.config.endpoint);
    this.signer = createSigner({
      region: async () => this.requireRegion(),
      credentials: config.credentials,
    });
    this.sleep = config.sleep ?? realSleep;
    this.random = config.random ?? Math.random;
    this.backoff = config.backoff;
  }

  async send<Input extends object, Output extends MetadataBearer>(
    command: CleanRoomsMLCommand<Input, Output>,
    options: SendOptions<Output> = {},
  ): Promise<Output> {
    const { abortSignal, beforeRetry } = options;
    if (abortSignal?.aborted) throw abortError(abortSignal);
    const { operation, input } = command;
    this.endpoint ??= parseEndpoint(defaultEndpoint(this.requireRegion()));
    const request = serializeRequest(operation, input, this.endpoint);

    let totalRetryDelay = 0;
    for (let attempt = 1; ; attempt++) {
      let metadata: ResponseMetadata = { attempts: attempt, totalRetryDelay };
      let failure: unknown;
      try {
        if (this.backoff)
          await untilAborted(this.backoff.enter(operation.name, abortSignal), abortSignal);
        const signed = await untilAborted(this.signer.sign(request), abortSignal);
        const response = await sendHttpRequest(signed, {
          abortSignal,
          timeoutMs: this.config.requestTimeout,
        });
        metadata = { ...responseMetadata(response), attempts: attempt, totalRetryDelay };
        if (response.status >= 200 && response.status < 300) {
          this.backoff?.answered(operation.name);
          return {
            ...deserializeOutput(operation, response, metadata),
            $metadata: metadata,
          } as Output;
        }
        failure = deserializeError(response, metadata);
        if (isThrottlingError(failure)) this.backoff?.throttled(operation.name);
        else this.backoff?.answered(operation.name);
      } catch (error) {
        if (abortSignal?.aborted) throw abortError(abortSignal);
        failure = error;
      }

      if (attempt >= this.config.maxAttempts || !isRetryableError(failure)) {
        throw withMetadata(failure, metadata);
      }
      const delay = backoffDelay(attempt - 1, this.random);
      await untilAborted(this.sleep(delay, abortSignal), abortSignal);
      totalRetryDelay += delay;
      if (beforeRetry && !isThrottlingError(failure)) {
        const done = await beforeRetry(failure);
        if (done !== undefined) return done;
      }
    }
  }

  /** Nothing to release (fetch pools its own connections); kept for parity with the SDK. */
  destroy(): void {}

  private requireRegion(): string {
    if (!this.config.region) {
      throw new Error("CleanRoomsMLClient: no region. Pass { region } or set AWS_REGION.");
    }
    return this.config.region;
  }
}

/** Settles with `promise`, or rejects with an AbortError as soon as `signal` fires. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Gives a thrown error the call's `$metadata` (attempts, delay, last status), as the SDK does. */
function withMetadata(error: unknown, metadata: ResponseMetadata): unknown {
  if (error instanceof Error) {
    const bearer = error as Error & { $metadata?: ResponseMetadata };
    bearer.$metadata = { ...bearer.$metadata, ...metadata };
  }
  return error;
}
