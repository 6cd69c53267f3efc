import type { z } from 'zod';
import type { Dispatcher } from 'undici';
import type {
  HttpMethod,
  InstantlyApi,
  PaginateOptions,
  QueryValue,
  RequestOptions,
  RequestStatistics,
} from './api.js';
import {
  classifyResponse,
  classifyTransportError,
  type Attempt,
  type Failure,
} from './classify.js';
import { systemClock, type Clock } from './clock.js';
import { pageSchema } from './envelope.js';
import { InstantlyError } from './errors.js';
import { PAGE_LIMIT, paginateCursor } from './paginate.js';
import { PauseOutlastsDeadline, RateBudget, type Permit } from './rate-budget.js';
import { createRedactor, cutUrls } from './redact.js';
import {
  isRateLimited,
  isRetryable,
  rateLimitRetryAllowed,
  resolveRetryPolicy,
  retryDelay,
  type RetryPolicy,
} from './retry-policy.js';

import { StatisticsRecorder } from './statistics.js';
import { createTransport, type TransportResponse } from './transport.js';
import { buildUrl, fillPath } from './url.js';
import { TOOL_NAME, VERSION } from '../version.js';

export { RateBudget } from './rate-budget.js';

/**
 * The Instantly API v2 client: composes the layers, each in its own module and tested alone.
 *
 *   url (path template + params + query) → rate budget (bucket, concurrency, AIMD)
 *   → transport (undici, auth headers) → classify (status, body, schema, error-in-200)
 *   → retry policy (what, how long) → statistics; paginate drives it page by page.
 *
 * Every string that reaches a thrown error or a debug line has been through the redactor.
 */
export interface ClientOptions {
  apiKey: string;
  /** Origin, e.g. `https://api.instantly.ai`; requests go to `<baseUrl>/api/v2<path>`. */
  baseUrl: string;
  /**
   * Other secrets of the run (the GitHub token) masked like the key in every text the client
   * returns or throws, decoded strings included: an API that echoes one must not publish it.
   */
  maskAlso?: readonly string[] | undefined;
  /** Sub-workspace, sent as `x-as-workspace`. */
  workspaceId?: string | undefined;
  /** Requests per second, default 10. */
  rateLimit?: number | undefined;
  /**
   * A budget shared with other clients: many workspaces checked through one agency key spend one
   * rate limit, so one workspace's 429 slows them all. When set, `rateLimit`, `maxConcurrency`
   * and `clock` do not shape the budget (the shared one's own settings do).
   */
  budget?: RateBudget | undefined;
  /** Requests in flight at most, default 4. */
  maxConcurrency?: number | undefined;
  /** Bytes of body read at most per response (default 8 MB); past it, a `too-large` error. */
  maxResponseBytes?: number | undefined;
  /** Per HTTP attempt, body included; default 30 000. Real time, not the injected clock. */
  requestTimeoutMs?: number | undefined;
  /** The whole run's deadline: aborts the request in flight and any wait. */
  signal?: AbortSignal | undefined;
  /**
   * When `signal` will fire, in `clock.now()` time, if known. A retry whose wait would end after
   * it fails at once instead of sleeping into the deadline.
   */
  deadlineAt?: number | undefined;
  dispatcher?: Dispatcher | undefined;
  clock?: Clock | undefined;
  /** Jitter source in [0, 1). */
  random?: (() => number) | undefined;
  retry?: Partial<RetryPolicy> | undefined;
  userAgent?: string | undefined;
  /**
   * One line per attempt and per retry decision (endpoint template, status, waits), for a CLI's
   * verbose mode. Lines are redacted like errors and never carry bodies or headers.
   */
  debug?: ((line: string) => void) | undefined;
}

export interface InstantlyClient extends InstantlyApi {
  /** Requests per second the budget allows now (lower than `rateLimit` after 429s). */
  currentRate(): number;
  /** Closes the default Agent's keep-alive connections (an injected dispatcher is left alone). */
  close(): Promise<void>;
}

export const DEFAULT_RATE_LIMIT = 10;
export const DEFAULT_MAX_CONCURRENCY = 4;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_USER_AGENT = `${TOOL_NAME}/${VERSION}`;

interface CallOptions {
  params?: Record<string, string> | undefined;
  query?: Record<string, QueryValue> | undefined;
  body?: unknown;
  schema: z.ZodType;
  idempotent?: boolean | undefined;
  signal?: AbortSignal | undefined;
}

function validateOptions(options: ClientOptions): { origin: string } {
  if (typeof options.apiKey !== 'string' || options.apiKey.trim() === '') {
    throw new TypeError(
      'The Instantly API key is empty: set it (INSTANTLY_API_KEY or the api-key input).',
    );
  }
  let url: URL;
  try {
    url = new URL(options.baseUrl);
  } catch {
    throw new TypeError(
      `base-url is not a URL: ${JSON.stringify(options.baseUrl)} (expected e.g. https://api.instantly.ai)`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(
      `base-url must be http(s), got ${url.protocol} (expected e.g. https://api.instantly.ai)`,
    );
  }
  if (options.workspaceId !== undefined && !/^[\x21-\x7e]*$/.test(options.workspaceId)) {
    throw new TypeError('workspace-id may only contain printable ASCII without spaces');
  }
  // Accept `https://api.instantly.ai/api/v2` too: the client adds `/api/v2` itself.
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v2$/, '');
  return { origin: `${url.origin}${path}` };
}

export function createInstantlyClient(options: ClientOptions): InstantlyClient {
  const { origin } = validateOptions(options);
  const secrets = [options.apiKey, ...(options.maskAlso ?? [])];
  const redactKey = createRedactor(secrets);
  // Every text that leaves the client: key masked, URLs cut to scheme and host.
  const redact = (text: string) => cutUrls(redactKey(text));
  // Key forms only, for whole response bodies (campaign copy after the word "bearer" stays).
  const maskBody = createRedactor(secrets, { bearer: false });
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const policy = resolveRetryPolicy(options.retry);
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const maxConcurrency = options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
  const budget =
    options.budget ??
    new RateBudget({
      rate: options.rateLimit ?? DEFAULT_RATE_LIMIT,
      maxConcurrency,
      clock,
    });
  const stats = new StatisticsRecorder();
  const debug = options.debug
    ? (line: string) => {
        options.debug?.(redact(line));
      }
    : () => undefined;
  const transport = createTransport({
    apiKey: options.apiKey,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    workspaceId: options.workspaceId,
    dispatcher: options.dispatcher,
    maxConnections: maxConcurrency,
    maxResponseBytes: options.maxResponseBytes,
  });

  /** The run's deadline or the caller's own signal ended the request: never retried. */
  function cancelled(endpoint: string, attempts: number) {
    const runEnded = options.signal?.aborted === true;
    return new InstantlyError({
      kind: 'timeout',
      endpoint,
      detail: runEnded
        ? "the run's deadline was reached before the request finished"
        : 'the request was cancelled by its caller (its deadline passed)',
      attempts,
    });
  }

  function finalError(endpoint: string, failure: Failure, attempts: number, note?: string) {
    const parts = [failure.detail];
    if (failure.hint) parts.push(`(${failure.hint})`);
    // One count, the same one the checks print ("after N retries"): retries, not attempts.
    const retries = attempts - 1;
    if (retries > 0) parts.push(`after ${retries} ${retries === 1 ? 'retry' : 'retries'}`);
    if (note) parts.push(`; ${note}`);
    return new InstantlyError({
      kind: failure.kind,
      endpoint,
      detail: redact(parts.join(' ').replace(/ ;/g, ';')),
      ...(failure.status !== undefined ? { status: failure.status } : {}),
      ...(failure.apiError ? { apiError: failure.apiError } : {}),
      attempts,
      ...(failure.cause ? { cause: failure.cause } : {}),
    });
  }

  async function attempt(
    method: HttpMethod,
    endpoint: string,
    url: string,
    call: CallOptions,
    outer: AbortSignal | undefined,
    attempts: number,
  ): Promise<Attempt<unknown>> {
    let permit: Permit;
    try {
      permit = await budget.acquire(outer, options.deadlineAt);
    } catch (error) {
      if (error instanceof PauseOutlastsDeadline) {
        debug(`${endpoint} -> not sent: ${error.message}`);
        throw new InstantlyError({
          kind: 'rate-limited',
          endpoint,
          detail: `not sent: ${error.message}`,
          attempts,
        });
      }
      throw cancelled(endpoint, attempts);
    }
    stats.waited(endpoint, permit.waitedMs);
    stats.request(endpoint);
    const timeout = AbortSignal.timeout(requestTimeoutMs);
    const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
    let response: TransportResponse;
    const sentAt = clock.now();
    try {
      response = await transport.send({ method, url, body: call.body, signal });
    } catch (error) {
      if (outer?.aborted) {
        debug(`${endpoint} -> cancelled`);
        throw cancelled(endpoint, attempts + 1);
      }
      const failure = classifyTransportError(error, {
        timedOut: timeout.aborted,
        requestTimeoutMs,
        redact,
      });
      debug(`${endpoint} -> ${failure.detail}`);
      return { ok: false, failure };
    } finally {
      permit.release();
    }
    // The key is masked in the whole body before anything parses or shortens it: an error
    // message cut at 160 characters before masking would leak the part of an echoed key before
    // the cut.
    const masked = { ...response, text: maskBody(response.text) };
    const result = classifyResponse(masked, call.schema, {
      nowMs: clock.now(),
      redact,
      maskDecoded: maskBody,
    });
    debug(
      `${endpoint} -> HTTP ${response.status} in ${clock.now() - sentAt} ms` +
        (result.ok ? '' : ` (${result.failure.kind}: ${result.failure.detail})`),
    );
    if (response.status === 429) {
      stats.rateLimited(endpoint);
      const retryAfter = result.ok ? undefined : result.failure.retryAfterMs;
      budget.onRateLimited(
        permit,
        retryAfter === undefined ? undefined : Math.min(retryAfter, policy.retryAfterCapMs),
      );
    } else {
      budget.onSuccess();
    }
    return result;
  }

  async function send(method: HttpMethod, template: string, call: CallOptions): Promise<unknown> {
    const endpoint = `${method} ${template}`;
    let url: string;
    try {
      url = buildUrl(origin, fillPath(template, call.params), call.query);
    } catch (error) {
      throw new InstantlyError({
        kind: 'bad-request',
        endpoint,
        detail: redact(error instanceof Error ? error.message : String(error)),
      });
    }
    const signals = [options.signal, call.signal].filter((s): s is AbortSignal => s !== undefined);
    const outer =
      signals.length === 0
        ? undefined
        : signals.length === 1
          ? signals[0]
          : AbortSignal.any(signals);

    const firstAt = clock.now();
    // Retries after failures other than 429, which the policy bounds by count; 429s by time.
    let otherRetries = 0;
    for (let retries = 0; ; retries++) {
      if (outer?.aborted) throw cancelled(endpoint, retries);
      const result = await attempt(method, endpoint, url, call, outer, retries);
      if (result.ok) return result.value;
      const { failure } = result;
      const attempts = retries + 1;
      const rateLimited = isRateLimited(failure.outcome);
      const request = { method, idempotent: call.idempotent };
      if (!isRetryable(policy, request, failure.outcome, otherRetries)) {
        throw finalError(endpoint, failure, attempts);
      }
      if (rateLimited && !rateLimitRetryAllowed(policy, clock.now() - firstAt)) {
        throw finalError(
          endpoint,
          failure,
          attempts,
          `still rate-limited ${Math.round((clock.now() - firstAt) / 1000)} s after the first attempt`,
        );
      }
      if (!rateLimited) otherRetries++;
      const delay = retryDelay(policy, retries, random, failure.retryAfterMs);
      if ('giveUp' in delay)
        throw finalError(endpoint, failure, attempts, `not retried: ${delay.giveUp}`);
      if (options.deadlineAt !== undefined && clock.now() + delay.wait > options.deadlineAt) {
        throw finalError(
          endpoint,
          failure,
          attempts,
          `not retried: the run's deadline comes before the next attempt (${Math.ceil(delay.wait / 1000)} s away)`,
        );
      }
      stats.retry(endpoint);
      debug(
        `${endpoint}: retry ${attempts}${rateLimited ? ' (rate-limited)' : `/${policy.maxRetries}`} in ${delay.wait} ms`,
      );
      const before = clock.now();
      try {
        await clock.sleep(delay.wait, outer);
      } catch {
        throw cancelled(endpoint, attempts);
      } finally {
        stats.waited(endpoint, clock.now() - before);
      }
    }
  }

  function request<S extends z.ZodType>(method: HttpMethod, path: string, o: RequestOptions<S>) {
    return send(method, path, o) as Promise<z.infer<S>>;
  }

  return {
    get: (path, o) => request('GET', path, o),
    post: (path, o) => request('POST', path, o),
    paginate<S extends z.ZodType>(path: string, o: PaginateOptions<S>): AsyncIterable<z.infer<S>> {
      const method = o.method ?? 'GET';
      const schema = pageSchema(o.item);
      type Item = z.infer<S>;
      const fetchPage = async (cursor: string | undefined) => {
        const page =
          method === 'GET'
            ? await send('GET', path, {
                params: o.params,
                query: { limit: PAGE_LIMIT, ...o.query, starting_after: cursor },
                schema,
                signal: o.signal,
              })
            : await send('POST', path, {
                params: o.params,
                query: o.query,
                body: {
                  limit: PAGE_LIMIT,
                  ...o.body,
                  ...(cursor === undefined ? {} : { starting_after: cursor }),
                },
                schema,
                // A list read changes nothing, so a POST list may be retried like a GET.
                idempotent: true,
                signal: o.signal,
              });
        return page as { items: Item[]; next_starting_after?: string | null };
      };
      // The page size asked for: a shorter page is the last one (paginate.ts).
      const asked = method === 'GET' ? o.query?.limit : o.body?.limit;
      return paginateCursor<Item>(fetchPage, {
        endpoint: `${method} ${path}`,
        limit: Number.isInteger(Number(asked)) && Number(asked) > 0 ? Number(asked) : PAGE_LIMIT,
        maxPages: o.maxPages,
      });
    },
    statistics: (): RequestStatistics => stats.snapshot(),
    currentRate: () => budget.rate,
    close: () => transport.close(),
  };
}
