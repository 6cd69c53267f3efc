import { z } from 'zod';

/**
 * One request and its answer, as a recording folder holds it (`exchanges.json`). The request's
 * path and query are decoded (`bob@acme.io`, not `bob%40acme.io`) so that redaction sees every
 * address; replay decodes the requests it answers the same way before matching.
 */
export const Exchange = z.object({
  /** Order in which the requests were sent (0-based). */
  seq: z.number().int().min(0),
  method: z.string(),
  /** `/campaigns/{id}/sending-status`: for readers; replay matches `path`. */
  template: z.string(),
  /** Under `/api/v2`, decoded. */
  path: z.string(),
  /** Decoded pairs in the order sent. */
  query: z.array(z.tuple([z.string(), z.string()])),
  /** The JSON body sent, or null. */
  body: z.unknown(),
  /** `x-as-workspace`, when the run checked a sub-workspace. */
  workspace: z.string().optional(),
  response: z.union([
    z.object({
      status: z.number().int(),
      /** Only the headers that matter to the client: content type, Retry-After, rate limits. */
      headers: z.record(z.string(), z.string()),
      /** As received, redacted. */
      body: z.string(),
    }),
    /** No answer: a connection error or a timeout, replayed as the same error. */
    z.object({ error: z.object({ code: z.string().optional(), message: z.string() }) }),
  ]),
});
export type Exchange = z.infer<typeof Exchange>;

export const RECORDING_FORMAT = 1;

export const Manifest = z.object({
  format: z.literal(RECORDING_FORMAT),
  tool: z.object({ name: z.string(), version: z.string() }),
  node: z.string(),
  /** The run's "now": replay pins the engine's clock to it, so date ranges ask the same. */
  startedAt: z.string(),
  redactedEmails: z.boolean(),
  /** Where the recording came from when not from a live run (the simulator, a capture). */
  source: z.string().optional(),
});
export type Manifest = z.infer<typeof Manifest>;

export const FILES = {
  manifest: 'recording.json',
  exchanges: 'exchanges.json',
  report: 'report.json',
  settings: 'settings.json',
  readme: 'README.md',
  /** test/recordings only: the fingerprints and exit code a replay must give. */
  expected: 'expected.json',
} as const;

/** Response headers worth keeping: what the client reads (type, retry waits, rate limits). */
export function keepHeader(name: string): boolean {
  const n = name.toLowerCase();
  return (
    n === 'content-type' ||
    n === 'retry-after' ||
    n.startsWith('x-ratelimit') ||
    n.startsWith('ratelimit') ||
    n.startsWith('x-rate-limit')
  );
}

/** `/api/v2/campaigns/a%40b?x=1` → decoded path under /api/v2 and decoded query pairs. */
export function splitRequestPath(rawPath: string): { path: string; query: [string, string][] } {
  const url = new URL(rawPath, 'http://recording.invalid');
  const path = url.pathname
    .replace(/^\/api\/v2(?=\/|$)/, '')
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
  return { path, query: [...url.searchParams.entries()] };
}

/** The identity of a request for replay: method, path, query (sorted) and body (keys sorted). */
export function requestKey(
  method: string,
  path: string,
  query: readonly (readonly [string, string])[],
  body: unknown,
): string {
  const sortedQuery = [...query].sort(([a, x], [b, y]) => (a === b ? cmp(x, y) : cmp(a, b)));
  return JSON.stringify([method.toUpperCase(), path, sortedQuery, canonical(body ?? null)]);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** `GET /campaigns/{id}/sending-status (path …, query …, body …)`: how errors name a request. */
export function describeRequest(
  e: Pick<Exchange, 'method' | 'template' | 'path' | 'query' | 'body'>,
): string {
  const qs = e.query.map(([k, v]) => `${k}=${v}`).join('&');
  const parts = [`path ${e.path}${qs ? `?${qs}` : ''}`];
  if (e.body !== null && e.body !== undefined) parts.push(`body ${JSON.stringify(e.body)}`);
  return `${e.method} ${e.template} (${parts.join(', ')})`;
}

/** The JSON body a request carries (the client sends JSON or nothing). */
export function parseSentBody(body: unknown): unknown {
  if (body === undefined || body === null) return null;
  const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : '';
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
