import type { RunningSimulator } from '../../src/simulator/index.js';

export interface Call {
  method?: 'GET' | 'POST';
  key?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface CallResult {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
}

/** One request to the simulator; `path` is relative to /api/v2. */
export async function call(
  sim: RunningSimulator,
  path: string,
  options: Call = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const key = options.key === undefined ? sim.apiKey : options.key;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${sim.url}/api/v2${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text, headers: response.headers };
}

/** Every page of a GET list, following next_starting_after. */
export async function allPages(
  sim: RunningSimulator,
  path: string,
  options: Call = {},
): Promise<{ pages: CallResult[]; items: unknown[] }> {
  const pages: CallResult[] = [];
  const items: unknown[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 10_000; i++) {
    const separator = path.includes('?') ? '&' : '?';
    const url =
      cursor === undefined
        ? path
        : `${path}${separator}starting_after=${encodeURIComponent(cursor)}`;
    const result = await call(sim, url, options);
    pages.push(result);
    const body = result.body as { items?: unknown[]; next_starting_after?: string };
    items.push(...(body.items ?? []));
    cursor = body.next_starting_after;
    if (result.status !== 200 || cursor === undefined) break;
  }
  return { pages, items };
}

export const FIXED_NOW = new Date('2026-11-30T06:00:00.000Z');
