import type { HttpMethod } from './api.js';

/**
 * When to retry and how long to wait, as data plus pure functions (after octokit's plugin-retry:
 * `doNotRetry` wins over everything). The waiting itself is the client's.
 */
export interface RetryPolicy {
  /** Retries after the first attempt; the request is sent at most `maxRetries + 1` times. */
  maxRetries: number;
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
  baseDelayMs: 2_000,
  maxDelayMs: 60_000,
  retryAfterCapMs: 60_000,
  retryOn: [429, 500, 502, 503, 504],
  doNotRetry: [400, 401, 402, 403, 404, 413],
} as const satisfies RetryPolicy;

export function resolveRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  for (const key of ['maxRetries', 'baseDelayMs', 'maxDelayMs', 'retryAfterCapMs'] as const) {
    const value = policy[key];
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`retry.${key} must be a non-negative number, got ${String(value)}`);
    }
  }
  return policy;
}

/** What one attempt ended with. */
export type AttemptOutcome =
  { type: 'status'; status: number } | { type: 'network' } | { type: 'request-timeout' };

/**
 * Only requests that change nothing may be sent twice: GETs, and POSTs the caller marked
 * idempotent (vitals, warmup analytics, leads/list).
 */
export function isRetryable(
  policy: RetryPolicy,
  request: { method: HttpMethod; idempotent?: boolean | undefined },
  outcome: AttemptOutcome,
  retriesSoFar: number,
): boolean {
  if (retriesSoFar >= policy.maxRetries) return false;
  if (request.method !== 'GET' && request.idempotent !== true) return false;
  if (outcome.type !== 'status') return true;
  if (policy.doNotRetry.includes(outcome.status)) return false;
  return policy.retryOn.includes(outcome.status);
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
