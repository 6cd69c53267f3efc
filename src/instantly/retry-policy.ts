import type { HttpMethod } from './api.js';

/**
 * When to retry and how long to wait, as data plus pure functions (after octokit's plugin-retry:
 * `doNotRetry` wins over everything). The waiting itself is the client's.
 */
export interface RetryPolicy {
  /**
   * Retries after the first attempt for failures other than 429; such a request is sent at most
   * `maxRetries + 1` times.
   */
  maxRetries: number;
  /**
   * How long after a request's first attempt its 429s are still retried (the run's deadline,
   * when sooner, ends them first). A 429 means a workspace window is spent, often by another
   * integration; it heals when the window moves on, not after a number of attempts, so it is
   * retried by time: two full one-minute windows, after which the limit is not a window.
   */
  rateLimitWindowMs: number;
  /** Backoff ceiling of the first retry; doubles each retry (full jitter: a random wait below it). */
  baseDelayMs: number;
  /** Ceiling of the backoff. */
  maxDelayMs: number;
  /** Longest `Retry-After` obeyed; a server asking for more (a cooldown) ends the retries. */
  retryAfterCapMs: number;
  retryOn: readonly number[];
  doNotRetry: readonly number[];
}

/**
 * Instantly's rate-limit page suggests pausing 2 s between batches; docs/instantly-api.md ("Rate limits") recommends
 * 2, 4, 8, 16, 32 s capped at 60 s and at most 5 retries. Retry-After capped at 60 s too: a
 * longer wait is the workspace cooldown, which retrying cannot outlast within a run.
 */
export const DEFAULT_RETRY_POLICY = {
  maxRetries: 5,
  rateLimitWindowMs: 120_000,
  baseDelayMs: 2_000,
  maxDelayMs: 60_000,
  retryAfterCapMs: 60_000,
  retryOn: [429, 500, 502, 503, 504],
  doNotRetry: [400, 401, 402, 403, 404, 413],
} as const satisfies RetryPolicy;

export function resolveRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  for (const key of [
    'maxRetries',
    'rateLimitWindowMs',
    'baseDelayMs',
    'maxDelayMs',
    'retryAfterCapMs',
  ] as const) {
    const value = policy[key];
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`retry.${key} must be a non-negative number, got ${String(value)}`);
    }
  }
  return policy;
}

/** What one attempt ended with. */
export type AttemptOutcome =
  | { type: 'status'; status: number }
  | { type: 'network'; code?: string | undefined }
  | { type: 'request-timeout' }
  /** The body passed the response cap: the next attempt would be just as large. */
  | { type: 'too-large' };

/**
 * Transport errors that the same request cannot heal: a certificate that fails verification
 * stays failing (a wrong base-url, an intercepting proxy), so it is never retried.
 */
const TLS_CODE = /^(CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_SSL_)/;
/** A host that does not resolve may be a DNS blip once; twice it is a wrong base-url. */
const ONE_RETRY_CODES: readonly string[] = ['ENOTFOUND'];

/** Retries this outcome may have at most, whatever the policy's count (Infinity: the policy's). */
function retryCeiling(outcome: AttemptOutcome): number {
  if (outcome.type === 'too-large') return 0;
  if (outcome.type === 'network' && outcome.code !== undefined) {
    if (TLS_CODE.test(outcome.code)) return 0;
    if (ONE_RETRY_CODES.includes(outcome.code)) return 1;
  }
  return Infinity;
}

export function isRateLimited(outcome: AttemptOutcome): boolean {
  return outcome.type === 'status' && outcome.status === 429;
}

/**
 * Only requests that change nothing may be sent twice: GETs, and POSTs the caller marked
 * idempotent (vitals, warmup analytics, leads/list). `retriesSoFar` counts retries after
 * failures other than 429 (429s are bounded by time, in `rateLimitRetryAllowed`).
 */
export function isRetryable(
  policy: RetryPolicy,
  request: { method: HttpMethod; idempotent?: boolean | undefined },
  outcome: AttemptOutcome,
  retriesSoFar: number,
): boolean {
  if (request.method !== 'GET' && request.idempotent !== true) return false;
  if (isRateLimited(outcome)) return true;
  if (retriesSoFar >= Math.min(policy.maxRetries, retryCeiling(outcome))) return false;
  if (outcome.type !== 'status') return true;
  if (policy.doNotRetry.includes(outcome.status)) return false;
  return policy.retryOn.includes(outcome.status);
}

/**
 * A 429 may be retried until `rateLimitWindowMs` after the request's first attempt (the client
 * also checks each wait against the run's deadline).
 */
export function rateLimitRetryAllowed(policy: RetryPolicy, elapsedMs: number): boolean {
  return elapsedMs < policy.rateLimitWindowMs;
}

/** Full jitter (AWS architecture blog): uniform in [0, min(cap, base * 2^retry)). */
export function backoffDelay(policy: RetryPolicy, retryIndex: number, random: () => number) {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

export type RetryDelay = { wait: number } | { giveUp: string };

/** The server's `Retry-After` when it sent one it may keep, else the backoff. */
export function retryDelay(
  policy: RetryPolicy,
  retryIndex: number,
  random: () => number,
  retryAfterMs: number | undefined,
): RetryDelay {
  if (retryAfterMs === undefined) return { wait: backoffDelay(policy, retryIndex, random) };
  if (retryAfterMs > policy.retryAfterCapMs) {
    return {
      giveUp: `Retry-After asks for ${Math.ceil(retryAfterMs / 1000)} s, more than the ${Math.ceil(policy.retryAfterCapMs / 1000)} s cap`,
    };
  }
  return { wait: retryAfterMs };
}
