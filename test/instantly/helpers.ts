import { MockAgent } from 'undici';
import { z } from 'zod';
import type { Clock } from '../../src/instantly/clock.js';
import { createInstantlyClient, type ClientOptions } from '../../src/instantly/client.js';

export const ORIGIN = 'https://api.instantly.test';
export const KEY = 'canary-key-4f1c9e2d7b';

/**
 * Time that only moves when the client sleeps: a sleep returns at once and advances `now`,
 * so backoff and budget tests run in microseconds and record every wait.
 */
export class FakeClock implements Clock {
  time = 1_750_000_000_000;
  readonly sleeps: number[] = [];

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.sleeps.push(ms);
    this.time += ms;
    // A macrotask, not a microtask: a client bug that retries forever then still lets jest's
    // timeout fire, so the test fails instead of hanging the run.
    await new Promise((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
  }
}

export interface Recorded {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
}

export type Reply =
  | { status: number; json?: unknown; text?: string; headers?: Record<string, string> }
  | { error: Error };

function normaliseHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers instanceof Headers) {
    headers.forEach((value, key) => (out[key] = value));
  } else if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) {
      out[String(headers[i]).toLowerCase()] = String(headers[i + 1]);
    }
  } else if (headers && typeof headers === 'object') {
    for (const [key, value] of Object.entries(headers)) out[key.toLowerCase()] = String(value);
  }
  return out;
}

/** A MockAgent that records every request and answers with `handler`; no network at all. */
export function mockInstantly(handler: (request: Recorded, index: number) => Reply) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const requests: Recorded[] = [];
  agent
    .get(ORIGIN)
    .intercept({ path: () => true, method: () => true })
    .reply((opts) => {
      const recorded: Recorded = {
        method: opts.method,
        url: new URL(opts.path, ORIGIN),
        headers: normaliseHeaders(opts.headers),
        body: typeof opts.body === 'string' && opts.body !== '' ? JSON.parse(opts.body) : undefined,
      };
      requests.push(recorded);
      const reply = handler(recorded, requests.length - 1);
      if ('error' in reply) throw reply.error;
      const isJson = reply.json !== undefined;
      return {
        statusCode: reply.status,
        data: isJson ? JSON.stringify(reply.json) : (reply.text ?? ''),
        responseOptions: {
          headers: {
            ...(isJson ? { 'content-type': 'application/json; charset=utf-8' } : {}),
            ...reply.headers,
          },
        },
      };
    })
    .persist();
  return { agent, requests };
}

/** A client on the mock with small, deterministic retry waits unless a test overrides them. */
export function testClient(agent: MockAgent, overrides: Partial<ClientOptions> = {}) {
  const clock = new FakeClock();
  const client = createInstantlyClient({
    apiKey: KEY,
    baseUrl: ORIGIN,
    dispatcher: agent,
    clock,
    random: () => 0.5,
    ...overrides,
  });
  return { client, clock: (overrides.clock as FakeClock | undefined) ?? clock };
}

export const anything = z.unknown();
export const campaign = z.looseObject({ id: z.string(), name: z.string(), status: z.number() });
