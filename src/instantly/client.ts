import type { z } from 'zod';
import type { Dispatcher } from 'undici';
import type {
  ErrorKind,
  HttpMethod,
  InstantlyApi,
  PaginateOptions,
  QueryValue,
  RequestOptions,
  RequestStatistics,
} from './api.js';
import { systemClock, type Clock } from './clock.js';
import { pageSchema } from './envelope.js';
import { InstantlyError, kindForStatus, type ApiErrorBody } from './errors.js';
import { PAGE_LIMIT, paginateCursor } from './paginate.js';
import { RateBudget, type Permit } from './rate-budget.js';

export { RateBudget } from './rate-budget.js';
import { createRedactor, type Redactor } from './redact.js';
import {
  describeNonJson,
  describeSchemaMismatch,
  errorIn200,
  parseBody,
  readApiError,
} from './response-body.js';
import { parseRetryAfter } from './retry-after.js';
import {
  isRetryable,
  resolveRetryPolicy,
  retryDelay,
  type AttemptOutcome,
  type RetryPolicy,
} from './retry-policy.js';
import { StatisticsRecorder } from './statistics.js';
import { createTransport, type TransportResponse } from './transport.js';
import { buildUrl, fillPath } from './url.js';
import { TOOL_NAME, VERSION } from '../version.js';

export interface ClientOptions {
  apiKey: string;
  /** Origin, e.g. `https://api.instantly.ai`; requests go to `<baseUrl>/api/v2<path>`. */
  baseUrl: string;
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
  /** Per HTTP attempt, body included; default 30 000. */
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

const HINTS: Partial<Record<ErrorKind, string>> = {
  auth: 'check the API key (an API v1 key does not work with v2; a revoked key gives 401)',
  plan: 'the workspace has no active paid plan',
  scope: 'the API key lacks the scope for this endpoint (all:read covers every read)',
};

/** Why one attempt failed, before it is known whether it is the last. */
interface Failure {
  kind: ErrorKind;
  detail: string;
  outcome: AttemptOutcome;
  status?: number;
  apiError?: ApiErrorBody;
  retryAfterMs?: number;
  cause?: Error;
}

type Attempt<T> = { ok: true; value: T } | { ok: false; failure: Failure };

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

function sanitizeCause(error: unknown, redact: Redactor): Error {
  const source = error instanceof Error ? error : new Error(String(error));
  const copy = new Error(redact(source.message).slice(0, 300));
  copy.name = source.name;
  const code = (source as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(copy, { code });
  return copy;
}

function describeHttpError(status: number, apiError: ApiErrorBody | undefined): string {
  if (!apiError) return `HTTP ${status} with a JSON body that has no error message`;
  const label =
    apiError.error !== '' && apiError.error !== apiError.message ? `${apiError.error}: ` : '';
  return `HTTP ${status} ${label}${apiError.message}`.trimEnd();
}

export function createInstantlyClient(options: ClientOptions): InstantlyClient {
  const { origin } = validateOptions(options);
  const redact = createRedactor([options.apiKey]);
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
    const hint = HINTS[failure.kind];
    const parts = [failure.detail];
    if (hint) parts.push(`(${hint})`);
    if (attempts > 1) parts.push(`after ${attempts} attempts`);
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

  function classify(response: TransportResponse, schema: z.ZodType): Attempt<unknown> {
    const { status, headers, text } = response;
    const contentType = [headers['content-type']].flat()[0];
    const body =
      text.trim() === ''
        ? ({ json: true, value: undefined } as const)
        : parseBody(text, contentType);

    if (status >= 200 && status < 300) {
      const outcome: AttemptOutcome = { type: 'status', status };
      if (!body.json) {
        return {
          ok: false,
          failure: {
            kind: 'schema',
            status,
            outcome,
            detail: redact(`expected JSON, got ${describeNonJson(status, body.text, contentType)}`),
          },
        };
      }
      const parsed = schema.safeParse(body.value);
      const embedded = errorIn200(body.value, schema, parsed.success);
      if (embedded !== undefined) {
        const apiError = readApiError(status, body.value);
        return {
          ok: false,
          failure: {
            kind: 'error-in-200',
            status,
            outcome,
            detail: redact(`HTTP ${status} with an error body: ${embedded.slice(0, 160)}`),
            ...(apiError ? { apiError: redactApiError(apiError) } : {}),
          },
        };
      }
      if (!parsed.success) {
        return {
          ok: false,
          failure: {
            kind: 'schema',
            status,
            outcome,
            detail: redact(
              `the response did not match the expected shape: ${describeSchemaMismatch(parsed.error)}`,
            ),
          },
        };
      }
      return { ok: true, value: parsed.data };
    }

    const apiError = body.json ? readApiError(status, body.value) : undefined;
    const detail = body.json
      ? describeHttpError(status, apiError)
      : describeNonJson(status, body.text, contentType);
    const retryAfterMs = parseRetryAfter(headers['retry-after'], clock.now());
    return {
      ok: false,
      failure: {
        kind: kindForStatus(status),
        status,
        outcome: { type: 'status', status },
        detail: redact(detail),
        ...(apiError ? { apiError: redactApiError(apiError) } : {}),
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      },
    };
  }

  function redactApiError(apiError: ApiErrorBody): ApiErrorBody {
    return {
      statusCode: apiError.statusCode,
      error: redact(apiError.error),
      message: redact(apiError.message),
    };
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
      permit = await budget.acquire(outer);
    } catch {
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
      if (timeout.aborted) {
        debug(`${endpoint} -> no response within ${requestTimeoutMs} ms`);
        return {
          ok: false,
          failure: {
            kind: 'timeout',
            outcome: { type: 'request-timeout' },
            detail: `no complete response within ${requestTimeoutMs / 1000} s`,
          },
        };
      }
      const cause = sanitizeCause(error, redact);
      const code = (cause as { code?: string }).code;
      debug(`${endpoint} -> network error ${code ?? cause.name}`);
      return {
        ok: false,
        failure: {
          kind: 'network',
          outcome: { type: 'network' },
          detail: `network error${code ? ` ${code}` : ''}: ${cause.message.slice(0, 160)}`,
          cause,
        },
      };
    } finally {
      permit.release();
    }
    const result = classify(response, call.schema);
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

    for (let retries = 0; ; retries++) {
      if (outer?.aborted) throw cancelled(endpoint, retries);
      const result = await attempt(method, endpoint, url, call, outer, retries);
      if (result.ok) return result.value;
      const { failure } = result;
      const attempts = retries + 1;
      if (!isRetryable(policy, { method, idempotent: call.idempotent }, failure.outcome, retries)) {
        throw finalError(endpoint, failure, attempts);
      }
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
      debug(`${endpoint}: retry ${attempts}/${policy.maxRetries} in ${delay.wait} ms`);
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
      return paginateCursor<Item>(fetchPage, {
        endpoint: `${method} ${path}`,
        maxPages: o.maxPages,
      });
    },
    statistics: (): RequestStatistics => stats.snapshot(),
    currentRate: () => budget.rate,
    close: () => transport.close(),
  };
}
