/** What every handler shares: the context, replies, query parsing and paging. */
import type { RouteScope } from '../auth.js';
import { envelope, MESSAGES, type Reply } from '../errors.js';
import type { WorkspaceData } from '../types.js';

export interface RouteContext {
  data: WorkspaceData;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  nowMs: number;
}

export interface Route {
  method: 'GET' | 'POST';
  /** Template relative to /api/v2, as in the OpenAPI document. */
  path: string;
  scope: RouteScope;
  handle(ctx: RouteContext): Reply;
}

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const badRequest = (message: string): Reply => envelope(400, message);

/**
 * Instantly documents no default `limit` for the core lists ("always send limit=100"); we use 10,
 * so a client that forgets `limit` pays for it in requests, as it may with the real API.
 */
export const DEFAULT_LIMIT = 10;

export function parseLimit(
  raw: string | null | undefined,
  where: 'querystring' | 'body',
): number | Reply {
  if (raw === null || raw === undefined) return DEFAULT_LIMIT;
  const value = Number(raw);
  if (raw === '' || !Number.isInteger(value)) return badRequest(`${where}/limit must be integer`);
  if (value < 1) return badRequest(`${where}/limit must be >= 1`);
  if (value > 100) return badRequest(`${where}/limit must be <= 100`);
  return value;
}

export function parseBoolean(query: URLSearchParams, name: string): boolean | undefined | Reply {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return badRequest(`querystring/${name} must be boolean`);
}

export function parseEnum(
  query: URLSearchParams,
  name: string,
  allowed: readonly number[],
): number | undefined | Reply {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (raw === '' || !allowed.includes(value))
    return badRequest(`querystring/${name} must be equal to one of the allowed values`);
  return value;
}

export const isReply = (value: unknown): value is Reply =>
  typeof value === 'object' && value !== null && 'status' in value && 'body' in value;

/**
 * A page of the items from `start` on that pass `keep`. Like the live API, every page with
 * items carries `next_starting_after`, the last one included, and the request after the last
 * page answers `{"items": []}` (test/fixtures/real/leonidsvb__campaigns_list.json,
 * margentic__accounts_item_trimmed_and_last_page.json; docs/instantly-api.md, "Pagination").
 * Scans only as far as it must, so each page costs about `limit` items.
 */
export function page<T>(
  items: readonly T[],
  start: number,
  limit: number,
  cursorOf: (item: T) => string,
  keep: (item: T, index: number) => boolean = () => true,
): Reply {
  const slice: T[] = [];
  for (let i = start; i < items.length && slice.length < limit; i++) {
    const item = items[i] as T;
    if (keep(item, i)) slice.push(item);
  }
  return ok(pageBody(slice, cursorOf));
}

/** `{items, next_starting_after}` with the live API's cursor: on every page that has items. */
export function pageBody<T>(items: T[], cursorOf: (item: T) => string): unknown {
  const last = items[items.length - 1];
  return last === undefined ? { items } : { items, next_starting_after: cursorOf(last) };
}

// ---- Dates --------------------------------------------------------------------------------------

/** "a date-only value (YYYY-MM-DD) or a full ISO 8601 timestamp. Date-only values are UTC midnight". */
export function parseDate(raw: string | null): number | undefined | 'invalid' {
  if (raw === null || raw === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(raw)) return 'invalid';
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00.000Z` : raw);
  return Number.isNaN(ms) ? 'invalid' : ms;
}

export function dateRange(
  query: URLSearchParams,
  from = 'start_date',
  to = 'end_date',
): { start?: number; end?: number } | Reply {
  const start = parseDate(query.get(from));
  const end = parseDate(query.get(to));
  if (start === 'invalid')
    return {
      status: 400,
      body: { message: `${from} must be a date (YYYY-MM-DD) or an ISO 8601 timestamp` },
    };
  if (end === 'invalid')
    return {
      status: 400,
      body: { message: `${to} must be a date (YYYY-MM-DD) or an ISO 8601 timestamp` },
    };
  if (start !== undefined && end !== undefined && start > end)
    return { status: 400, body: { message: MESSAGES.startAfterEnd } };
  return { start, end };
}
