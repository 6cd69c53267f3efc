import { request, type Dispatcher } from 'undici';
import { parseRetryAfter } from '../instantly/retry-after.js';
import { createProxyDispatcher } from '../net/proxy.js';

/**
 * The one HTTP sender of notifications: a JSON POST through the proxy-aware dispatcher, with a
 * timeout per attempt and bounded retries (429 and 5xx, and network errors) that honour a capped
 * `Retry-After`. It never throws and never names the URL beyond its host: webhook URLs carry
 * their token in the path.
 */

export interface SendOptions {
  /** Retries after the first attempt. */
  retries?: number;
  /** Per attempt, for the whole exchange. */
  timeoutMs?: number;
  /** Backoff before retry n (1-based) when the server gives no Retry-After: base × 2^(n−1). */
  backoffBaseMs?: number;
  /** The longest wait a Retry-After may ask for. */
  maxWaitMs?: number;
  dispatcher?: Dispatcher;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export type SendResult =
  { ok: true; status: number; attempts: number } | { ok: false; attempts: number; message: string };

const DEFAULTS = { retries: 2, timeoutMs: 10_000, backoffBaseMs: 1_000, maxWaitMs: 10_000 };
/** An answer body is only read to free the connection; a chat API's error text is short. */
const MAX_ERROR_TEXT = 200;

export async function sendJson(
  url: string,
  body: unknown,
  options: SendOptions = {},
): Promise<SendResult> {
  const { retries, timeoutMs, backoffBaseMs, maxWaitMs } = { ...DEFAULTS, ...options };
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  // One dispatcher per message, closed after it: an idle keep-alive socket would hold the
  // action's process open after its last step, and a message or two needs no pool.
  const dispatcher = options.dispatcher ?? createProxyDispatcher();
  try {
    return await attempts(url, body, dispatcher, {
      retries,
      timeoutMs,
      backoffBaseMs,
      maxWaitMs,
      sleep,
      now,
    });
  } finally {
    if (dispatcher !== options.dispatcher) await dispatcher.close().catch(() => undefined);
  }
}

interface AttemptOptions {
  retries: number;
  timeoutMs: number;
  backoffBaseMs: number;
  maxWaitMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

async function attempts(
  url: string,
  body: unknown,
  dispatcher: Dispatcher,
  { retries, timeoutMs, backoffBaseMs, maxWaitMs, sleep, now }: AttemptOptions,
): Promise<SendResult> {
  const host = hostOf(url);
  const payload = JSON.stringify(body);
  let last = '';
  for (let attempt = 1; attempt <= retries + 1; attempt++) {
    let wait: number | undefined;
    try {
      const response = await request(url, {
        method: 'POST',
        body: payload,
        headers: { 'content-type': 'application/json', 'user-agent': 'instantly-health' },
        dispatcher,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = withoutSecret(await response.body.text(), url)
        .slice(0, MAX_ERROR_TEXT)
        .replace(/\s+/g, ' ');
      if (response.statusCode >= 200 && response.statusCode < 300) {
        return { ok: true, status: response.statusCode, attempts: attempt };
      }
      last = `${host} answered HTTP ${response.statusCode}${text ? `: ${text}` : ''}`;
      const retryable = response.statusCode === 429 || response.statusCode >= 500;
      if (!retryable) return { ok: false, attempts: attempt, message: last };
      wait = parseRetryAfter(response.headers['retry-after'], now());
    } catch (err) {
      last = `could not reach ${host}: ${errorText(err, timeoutMs)}`;
    }
    if (attempt <= retries) {
      await sleep(Math.min(wait ?? backoffBaseMs * 2 ** (attempt - 1), maxWaitMs));
    }
  }
  return { ok: false, attempts: retries + 1, message: `${last} (after ${retries + 1} attempts)` };
}

/** A receiver may echo the URL or its path back; the path is the secret. */
function withoutSecret(text: string, url: string): string {
  let out = text.split(url).join('<notify-url>');
  try {
    const { pathname, search } = new URL(url);
    for (const part of [pathname + search, pathname]) {
      if (part.length > 1) out = out.split(part).join('<path>');
    }
  } catch {
    // An unparsable URL was never sent.
  }
  return out;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the notification URL';
  }
}

function errorText(err: unknown, timeoutMs: number): string {
  const name = (err as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  const code =
    (err as { code?: unknown; cause?: { code?: unknown } } | null)?.code ??
    (err as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === 'string' ? code : 'network error';
}
