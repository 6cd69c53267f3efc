import type { EndpointStatistics, RequestStatistics } from './api.js';

/**
 * Counters for the report's `stats`: what the check cost the workspace's shared rate limit.
 * `requests` counts HTTP attempts (retries included). `waitMs` sums each request's time queued in
 * the rate budget and sleeping before retries; requests wait side by side, so it can exceed the
 * run's wall time.
 */
export class StatisticsRecorder {
  private readonly byEndpoint = new Map<string, EndpointStatistics>();

  private entry(endpoint: string): EndpointStatistics {
    let entry = this.byEndpoint.get(endpoint);
    if (!entry) {
      entry = { requests: 0, retries: 0, rateLimited: 0, waitMs: 0 };
      this.byEndpoint.set(endpoint, entry);
    }
    return entry;
  }

  request(endpoint: string): void {
    this.entry(endpoint).requests++;
  }

  retry(endpoint: string): void {
    this.entry(endpoint).retries++;
  }

  rateLimited(endpoint: string): void {
    this.entry(endpoint).rateLimited++;
  }

  waited(endpoint: string, ms: number): void {
    if (ms > 0) this.entry(endpoint).waitMs += ms;
  }

  /** A copy: later requests do not change a snapshot already put in a report. */
  snapshot(): RequestStatistics {
    const total: RequestStatistics = {
      requests: 0,
      retries: 0,
      rateLimited: 0,
      waitMs: 0,
      byEndpoint: {},
    };
    for (const [endpoint, entry] of [...this.byEndpoint].sort(([a], [b]) => a.localeCompare(b))) {
      total.byEndpoint[endpoint] = { ...entry };
      total.requests += entry.requests;
      total.retries += entry.retries;
      total.rateLimited += entry.rateLimited;
      total.waitMs += entry.waitMs;
    }
    return total;
  }
}
