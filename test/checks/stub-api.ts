import type { z } from 'zod';
import type {
  InstantlyApi,
  PaginateOptions,
  RequestOptions,
  RequestStatistics,
} from '../../src/instantly/api.js';

export interface StubCall {
  method: 'GET' | 'POST' | 'PAGINATE';
  path: string;
  params?: Record<string, string> | undefined;
  query?: Record<string, unknown> | undefined;
  body?: unknown;
}

type Handler = (call: StubCall) => unknown;

/**
 * An InstantlyApi for unit tests: answers from `handlers` keyed by `METHOD /template`, validates
 * every answer with the caller's schema (as the real client does) and records each call.
 * PAGINATE handlers return the whole list; GET/POST handlers may return a promise.
 */
export function stubApi(handlers: Record<string, Handler>): InstantlyApi & { calls: StubCall[] } {
  const calls: StubCall[] = [];
  const answer = (call: StubCall): unknown => {
    calls.push(call);
    const handler = handlers[`${call.method} ${call.path}`];
    if (!handler) throw new Error(`stub: no handler for ${call.method} ${call.path}`);
    return handler(call);
  };
  return {
    calls,
    get<S extends z.ZodType>(path: string, o: RequestOptions<S>) {
      return Promise.resolve(
        answer({ method: 'GET', path, params: o.params, query: o.query }),
      ).then((body) => o.schema.parse(body));
    },
    post<S extends z.ZodType>(path: string, o: RequestOptions<S>) {
      return Promise.resolve(answer({ method: 'POST', path, params: o.params, body: o.body })).then(
        (body) => o.schema.parse(body),
      );
    },
    async *paginate<S extends z.ZodType>(path: string, o: PaginateOptions<S>) {
      await Promise.resolve();
      const items = answer({ method: 'PAGINATE', path, query: o.query }) as unknown[];
      for (const item of items) yield o.item.parse(item);
    },
    statistics(): RequestStatistics {
      return { requests: calls.length, retries: 0, rateLimited: 0, waitMs: 0, byEndpoint: {} };
    },
  };
}
