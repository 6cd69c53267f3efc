import { describe, expect, it } from '@jest/globals';
import { parseRetryAfter } from '../../src/instantly/retry-after.js';
import {
  DEFAULT_RETRY_POLICY,
  backoffDelay,
  isRetryable,
  resolveRetryPolicy,
} from '../../src/instantly/retry-policy.js';
import { FakeClock, anything, mockInstantly, testClient, type Reply } from './helpers.js';

const fine: Reply = { status: 200, json: { ok: true } };
const status = (code: number, headers?: Record<string, string>): Reply => ({
  status: code,
  json: { statusCode: code, error: 'Err', message: `status ${code}` },
  ...(headers ? { headers } : {}),
});

/** Fails `failures` times with `reply`, then answers 200. */
function flaky(failures: number, reply: Reply) {
  return mockInstantly((_request, index) => (index < failures ? reply : fine));
}

describe('retry policy (pure)', () => {
  it('defaults to docs/instantly-api.md ("Rate limits"): 5 retries, 2 s base, 60 s cap', () => {
    expect(DEFAULT_RETRY_POLICY).toMatchObject({
      maxRetries: 5,
      baseDelayMs: 2000,
      maxDelayMs: 60_000,
    });
  });

  it('uses full jitter below an exponentially growing, capped ceiling', () => {
    const policy = resolveRetryPolicy();
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(policy, n, () => 0.999999))).toEqual([
      1999, 3999, 7999, 15999, 31999, 59999,
    ]);
    expect(backoffDelay(policy, 3, () => 0)).toBe(0);
  });

  it('lets doNotRetry win over retryOn', () => {
    const policy = resolveRetryPolicy({ retryOn: [429, 503], doNotRetry: [503] });
    expect(isRetryable(policy, { method: 'GET' }, { type: 'status', status: 503 }, 0)).toBe(false);
    expect(isRetryable(policy, { method: 'GET' }, { type: 'status', status: 429 }, 0)).toBe(true);
  });

  it('rejects nonsense settings with the name of the setting', () => {
    expect(() => resolveRetryPolicy({ maxRetries: -1 })).toThrow(/retry.maxRetries/);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-11-30T08:00:00Z');
  it('reads seconds', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(['2'], now)).toBe(2000);
  });
  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Mon, 30 Nov 2026 08:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 30 Nov 2026 07:00:00 GMT', now)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('client retries', () => {
  it.each([429, 500, 502, 503, 504])(
    'retries a GET after %i with exponential backoff',
    async (code) => {
      const { agent, requests } = flaky(3, status(code));
      const { client, clock } = testClient(agent);
      await expect(client.get('/campaigns', { schema: anything })).resolves.toEqual({ ok: true });
      expect(requests).toHaveLength(4);
      // random() = 0.5 → half of 2 s, 4 s, 8 s.
      expect(clock.sleeps.filter((ms) => ms >= 1000)).toEqual([1000, 2000, 4000]);
    },
  );

  it('draws each backoff from the injected random source (full jitter)', async () => {
    const { agent } = flaky(2, status(503));
    const draws = [0.1, 0.9];
    const { client, clock } = testClient(agent, { random: () => draws.shift() ?? 0 });
    await client.get('/campaigns', { schema: anything });
    expect(clock.sleeps).toEqual([200, 3600]);
  });

  it('retries network errors', async () => {
    const { agent, requests } = flaky(2, {
      error: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    });
    const { client } = testClient(agent);
    await expect(client.get('/campaigns', { schema: anything })).resolves.toEqual({ ok: true });
    expect(requests).toHaveLength(3);
  });

  it.each([400, 401, 402, 403, 404, 413])('never retries %i', async (code) => {
    const { agent, requests } = flaky(1, status(code));
    const { client, clock } = testClient(agent);
    await expect(client.get('/campaigns', { schema: anything })).rejects.toMatchObject({
      status: code,
    });
    expect(requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('stops after maxRetries and reports how many attempts were made', async () => {
    // Succeeds on the 10th attempt, so an unbounded client would wrongly resolve, not hang.
    const { agent, requests } = flaky(9, status(503));
    const { client } = testClient(agent, { retry: { maxRetries: 2 } });
    const error = await client.get('/campaigns', { schema: anything }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'server', status: 503, attempts: 3 });
    expect(requests).toHaveLength(3);
  });

  it('makes at most 6 attempts for a 5xx by default, and says so with one count', async () => {
    const { agent, requests } = flaky(9, status(503));
    const { client } = testClient(agent);
    const error = (await client
      .get('/campaigns', { schema: anything })
      .catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ kind: 'server', attempts: 6 });
    expect(requests).toHaveLength(6);
    expect(error.message).toMatch(/after 5 retries/);
    expect(error.message).not.toMatch(/attempts/);
  });

  it('retries a 429 past the retry count: a spent window heals with time', async () => {
    // Six 429s in a row: one more than the count that bounds other failures.
    const { agent, requests } = flaky(6, status(429));
    const { client } = testClient(agent);
    await expect(client.get('/campaigns', { schema: anything })).resolves.toEqual({ ok: true });
    expect(requests).toHaveLength(7);
  });

  it('retries 429s for two full minute windows, then says so', async () => {
    const { agent, requests } = flaky(Infinity, status(429));
    const { client, clock } = testClient(agent);
    const start = clock.now();
    const error = (await client
      .get('/campaigns', { schema: anything })
      .catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429 });
    expect(error.message).toMatch(/still rate-limited \d+ s after the first attempt/);
    expect(clock.now() - start).toBeGreaterThanOrEqual(120_000);
    expect(requests.length).toBeGreaterThan(6);
  });

  it("retries 429s until the run's deadline when it is known", async () => {
    const clock = new FakeClock();
    const { agent } = flaky(Infinity, status(429));
    const { client } = testClient(agent, { clock, deadlineAt: clock.now() + 100_000 });
    const start = clock.now();
    const error = (await client
      .get('/campaigns', { schema: anything })
      .catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ kind: 'rate-limited' });
    expect(error.message).toMatch(/deadline comes before the next attempt/);
    expect(clock.now() - start).toBeGreaterThan(60_000);
    expect(clock.now()).toBeLessThanOrEqual(start + 100_000);
  });

  it.each(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID'])(
    'never retries a TLS verification failure (%s)',
    async (code) => {
      const { agent, requests } = flaky(9, {
        error: Object.assign(new Error('certificate verification failed'), { code }),
      });
      const { client } = testClient(agent);
      await expect(client.get('/campaigns', { schema: anything })).rejects.toMatchObject({
        kind: 'network',
        attempts: 1,
      });
      expect(requests).toHaveLength(1);
    },
  );

  it('retries a host that does not resolve (ENOTFOUND) once only', async () => {
    const { agent, requests } = flaky(9, {
      error: Object.assign(new Error('getaddrinfo ENOTFOUND api.example'), { code: 'ENOTFOUND' }),
    });
    const { client } = testClient(agent);
    const error = (await client
      .get('/campaigns', { schema: anything })
      .catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ kind: 'network', attempts: 2 });
    expect(error.message).toMatch(/after 1 retry\b/);
    expect(requests).toHaveLength(2);
  });

  it('never retries a POST that is not marked idempotent', async () => {
    const { agent, requests } = flaky(1, status(503));
    const { client } = testClient(agent);
    await expect(
      client.post('/webhooks/{id}/test', { params: { id: 'w' }, schema: anything }),
    ).rejects.toMatchObject({
      kind: 'server',
    });
    expect(requests).toHaveLength(1);
  });

  it('retries a POST marked idempotent', async () => {
    const { agent, requests } = flaky(1, status(503));
    const { client } = testClient(agent);
    await client.post('/accounts/warmup-analytics', {
      body: { emails: ['a@x.com'] },
      schema: anything,
      idempotent: true,
    });
    expect(requests).toHaveLength(2);
    expect(requests[1]?.body).toEqual({ emails: ['a@x.com'] });
  });

  it('waits what Retry-After says (seconds) instead of the backoff', async () => {
    const { agent } = flaky(1, status(429, { 'retry-after': '7' }));
    const { client, clock } = testClient(agent);
    await client.get('/campaigns', { schema: anything });
    expect(clock.sleeps).toContain(7000);
    expect(clock.sleeps).not.toContain(1000);
  });

  it('waits until a Retry-After HTTP date', async () => {
    const clock = new FakeClock();
    const at = new Date(clock.now() + 12_000).toUTCString();
    const { agent } = flaky(1, status(503, { 'retry-after': at }));
    const { client } = testClient(agent, { clock });
    await client.get('/campaigns', { schema: anything });
    expect(clock.sleeps.some((ms) => ms > 11_000 && ms <= 12_000)).toBe(true);
  });

  it('gives up at once when Retry-After asks for more than the cap (a cooldown)', async () => {
    const { agent, requests } = flaky(1, status(429, { 'retry-after': '3600' }));
    const { client, clock } = testClient(agent, { retry: { retryAfterCapMs: 60_000 } });
    const error = (await client
      .get('/campaigns', { schema: anything })
      .catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ kind: 'rate-limited' });
    expect(error.message).toMatch(/Retry-After asks for 3600 s/);
    expect(requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('uses the configured base and cap', async () => {
    const { agent } = flaky(3, status(500));
    const { client, clock } = testClient(agent, {
      retry: { baseDelayMs: 10, maxDelayMs: 25 },
      random: () => 0.999,
      rateLimit: 1000,
    });
    await client.get('/campaigns', { schema: anything });
    expect(clock.sleeps).toEqual([9, 19, 24]);
  });
});
