import type { z } from 'zod';
import type {
  ErrorKind,
  InstantlyApi,
  PaginateOptions,
  RequestOptions,
  RequestStatistics,
} from '../../src/instantly/api.js';
import { InstantlyError } from '../../src/instantly/errors.js';

/** The client's own error, as it would throw it after `retries` retries. */
export function apiError(
  kind: ErrorKind,
  status: number | undefined,
  endpoint: string,
  retries = 0,
  message?: string,
): InstantlyError {
  return new InstantlyError({
    kind,
    endpoint,
    detail: message ?? `${kind} ${status ?? ''}`.trim(),
    ...(status !== undefined ? { status } : {}),
    ...(message !== undefined && status !== undefined
      ? { apiError: { statusCode: status, error: 'Error', message } }
      : {}),
    attempts: retries + 1,
  });
}

export type Handler = (call: StubCall) => unknown;
export interface StubCall {
  endpoint: string;
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** Replies per `METHOD /template`; a handler may throw. Unrouted endpoints fail the test loudly. */
export function stubApi(routes: Record<string, unknown>): InstantlyApi & { calls: StubCall[] } {
  const calls: StubCall[] = [];
  const reply = (call: StubCall): unknown => {
    calls.push(call);
    if (!(call.endpoint in routes)) throw new Error(`unexpected request ${call.endpoint}`);
    const route = routes[call.endpoint];
    return typeof route === 'function' ? (route as Handler)(call) : structuredClone(route);
  };
  const request = <S extends z.ZodType>(method: string, path: string, o: RequestOptions<S>) => {
    const call: StubCall = { endpoint: `${method} ${path}` };
    if (o.params) call.params = o.params;
    if (o.query) call.query = o.query;
    if (o.body !== undefined) call.body = o.body;
    return Promise.resolve()
      .then(() => reply(call))
      .then((data) => o.schema.parse(data));
  };
  const api = {
    calls,
    get: <S extends z.ZodType>(path: string, o: RequestOptions<S>) => request('GET', path, o),
    post: <S extends z.ZodType>(path: string, o: RequestOptions<S>) => request('POST', path, o),
    paginate<S extends z.ZodType>(path: string, o: PaginateOptions<S>): AsyncIterable<z.infer<S>> {
      return (async function* () {
        let cursor: string | undefined;
        for (;;) {
          const call: StubCall = {
            endpoint: `${o.method ?? 'GET'} ${path}`,
            query: { ...o.query, ...(cursor ? { starting_after: cursor } : {}) },
          };
          await Promise.resolve();
          const page = reply(call) as { items: unknown[]; next_starting_after?: string | null };
          for (const item of page.items) yield o.item.parse(item);
          if (!page.next_starting_after || page.items.length === 0) return;
          cursor = page.next_starting_after;
        }
      })();
    },
    statistics(): RequestStatistics {
      const byEndpoint: RequestStatistics['byEndpoint'] = {};
      for (const c of calls) {
        const e = (byEndpoint[c.endpoint] ??= {
          requests: 0,
          retries: 0,
          rateLimited: 0,
          waitMs: 0,
        });
        e.requests += 1;
      }
      return { requests: calls.length, retries: 0, rateLimited: 0, waitMs: 0, byEndpoint };
    },
  };
  return api;
}

export function fail(
  kind: ErrorKind,
  status: number | undefined,
  endpoint: string,
  retries = 0,
): Handler {
  return () => {
    throw apiError(kind, status, endpoint, retries);
  };
}
