import type { Report } from '../model/report.js';
import { createProxyFetch } from '../net/proxy.js';
import { blindSuites } from '../report/blind.js';

/**
 * The dead-man's switch of contract section 6: after every run, a GET to `url` when the run
 * could check everything and to `<url>/fail` when it was `failed` or blind (the convention of
 * healthchecks.io and similar services). Bounded (a timeout per attempt, one retry) and never
 * fatal: a ping that cannot be sent comes back as a warning. The URL is a secret (it lets anyone
 * ping): it never appears in a message.
 */

export interface HeartbeatOptions {
  /** Per attempt; default 10 s. */
  timeoutMs?: number;
  /** Wait before the one retry; default 1 s. */
  retryDelayMs?: number;
  fetch?: typeof fetch;
}

/** Pings after a run of these reports: `<url>` when every one could check everything. */
export function heartbeatAfter(
  url: string,
  reports: readonly Report[],
  options: HeartbeatOptions = {},
): Promise<string | undefined> {
  const sawAll = reports.every((r) => blindSuites(r).length === 0);
  return pingHeartbeat(url, sawAll, options);
}

export function heartbeatTarget(url: string, ok: boolean): string {
  return ok ? url : `${url.replace(/\/+$/, '')}/fail`;
}

/** Returns a warning when the ping did not get a 2xx answer after one retry; never throws. */
export async function pingHeartbeat(
  url: string,
  ok: boolean,
  options: HeartbeatOptions = {},
): Promise<string | undefined> {
  const send = options.fetch ?? createProxyFetch();
  const target = heartbeatTarget(url, ok);
  let last = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, options.retryDelayMs ?? 1000));
    try {
      const response = await send(target, {
        method: 'GET',
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        redirect: 'follow',
      });
      // Drain the body so the connection is released; its content does not matter.
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return undefined;
      last = `it answered ${response.status}`;
    } catch (err) {
      last =
        err instanceof Error && err.name === 'TimeoutError'
          ? 'it did not answer in time'
          : 'it could not be reached';
    }
  }
  return `The heartbeat ping (heartbeat-url) failed: ${last}, after one retry. The run's result is unaffected; check the URL and that the runner can reach it.`;
}
