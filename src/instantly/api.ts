import type { z } from 'zod';

/**
 * The seam between the checks and the Instantly client: checks depend on this interface only,
 * so they can be tested against the simulator through the real client, or against a stub.
 *
 * Paths are templates (`/campaigns/{id}/sending-status`) with `params` filled in and
 * URL-encoded by the client, so that statistics and errors name the endpoint, not the resource.
 * Paths are relative to `<base-url>/api/v2`.
 */

export type HttpMethod = 'GET' | 'POST';

export type QueryValue = string | number | boolean | readonly string[] | undefined;

export interface RequestOptions<S extends z.ZodType> {
  params?: Record<string, string>;
  /** Arrays become repeated keys (`ids=a&ids=b`), as Instantly's analytics endpoints expect. */
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** The response body is validated with this schema; a mismatch is an `InstantlyError` of kind `schema`. */
  schema: S;
  /** Read-only POSTs (vitals, warmup analytics, leads/list) may be retried; other POSTs never are. */
  idempotent?: boolean;
  signal?: AbortSignal;
}

export interface PaginateOptions<S extends z.ZodType> {
  method?: HttpMethod;
  params?: Record<string, string>;
  query?: Record<string, QueryValue>;
  /** For POST lists (leads/list) the cursor and limit travel in the body. */
  body?: Record<string, unknown>;
  /** Schema of one item; the page envelope `{items, next_starting_after}` is the client's. */
  item: S;
  /** Stop with an error after this many pages (a guard, never a silent truncation). */
  maxPages?: number;
  signal?: AbortSignal;
}

export interface EndpointStatistics {
  requests: number;
  retries: number;
  rateLimited: number;
  waitMs: number;
}

export interface RequestStatistics extends EndpointStatistics {
  /** Keyed by `METHOD /path/{template}`. */
  byEndpoint: Record<string, EndpointStatistics>;
}

export interface InstantlyApi {
  get<S extends z.ZodType>(path: string, options: RequestOptions<S>): Promise<z.infer<S>>;
  post<S extends z.ZodType>(path: string, options: RequestOptions<S>): Promise<z.infer<S>>;
  paginate<S extends z.ZodType>(
    path: string,
    options: PaginateOptions<S>,
  ): AsyncIterable<z.infer<S>>;
  statistics(): RequestStatistics;
}

export const ERROR_KINDS = [
  'auth', // 401
  'plan', // 402
  'scope', // 403 (JSON): the key lacks a scope
  'cdn-blocked', // 403 as an HTML page: Instantly's CDN refused the request (no scope fixes it)
  'not-found', // 404
  'too-large', // 413
  'rate-limited', // 429 after the retries ran out
  'server', // 5xx after the retries ran out
  'bad-request', // 400 and other 4xx
  'network', // connection refused/reset, DNS
  'timeout', // a request or the run's deadline ran out
  'schema', // the response did not match the schema
  'error-in-200', // a 200 whose body is {"error": "ACC_..."}
  'pagination', // a repeated cursor or the page cap
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];
