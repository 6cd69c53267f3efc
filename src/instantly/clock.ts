import { setTimeout as delay } from 'node:timers/promises';

/** Time as the client sees it; tests inject a fake so backoff and budgets run in microseconds. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, rejects as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms, signal) => {
    await delay(ms, undefined, signal ? { signal } : {});
  },
};
