import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { call, FIXED_NOW } from './helpers.js';

describe('injected faults', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'healthy', now: FIXED_NOW });
  });
  beforeEach(() => {
    sim.setFaults([]);
    sim.clearLog();
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('answers N × 429 with Retry-After, then recovers', async () => {
    sim.setFaults([{ kind: 'rate-limited', path: '/campaigns', times: 2, retryAfter: 3 }]);
    const first = await call(sim, '/campaigns');
    const second = await call(sim, '/campaigns');
    const third = await call(sim, '/campaigns');
    expect([first.status, second.status, third.status]).toEqual([429, 429, 200]);
    expect(first.headers.get('retry-after')).toBe('3');
    expect(first.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Rate limit exceeded',
    });
    expect(sim.counts().rateLimited).toBeGreaterThanOrEqual(2);
  });

  it('answers 429 without Retry-After when none is configured', async () => {
    sim.setFaults([{ kind: 'rate-limited', path: '/accounts' }]);
    const result = await call(sim, '/accounts');
    expect(result.status).toBe(429);
    expect(result.headers.get('retry-after')).toBeNull();
  });

  it('answers N × 5xx with the envelope', async () => {
    sim.setFaults([{ kind: 'server-error', status: 503, path: '/webhooks', times: 1 }]);
    const failed = await call(sim, '/webhooks');
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    expect((await call(sim, '/webhooks')).status).toBe(200);
  });

  it('matches by method and glob pattern only', async () => {
    sim.setFaults([
      { kind: 'server-error', method: 'POST', path: '/accounts/**', times: 'always' },
    ]);
    expect((await call(sim, '/accounts')).status).toBe(200);
    const email = sim.data.workspace.accounts[0]?.email ?? '';
    expect((await call(sim, `/accounts/${encodeURIComponent(email)}`)).status).toBe(200);
    expect(
      (await call(sim, '/accounts/warmup-analytics', { body: { emails: [email] } })).status,
    ).toBe(500);
    expect((await call(sim, '/accounts/test/vitals', { body: { accounts: [email] } })).status).toBe(
      500,
    );
    expect((await call(sim, '/accounts/test/vitals', { body: { accounts: [email] } })).status).toBe(
      500,
    );
  });

  it('delays by a fixed or random latency, then answers normally', async () => {
    sim.setFaults([{ kind: 'latency', ms: 60_000, path: '/workspaces/current' }]);
    await expect(
      call(sim, '/workspaces/current', { signal: AbortSignal.timeout(50) }),
    ).rejects.toThrow();
    sim.setFaults([{ kind: 'latency', ms: [1, 5], path: '/workspaces/current' }]);
    const result = await call(sim, '/workspaces/current');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ id: sim.data.workspace.workspace.id });
  });

  it('hangs until the client gives up', async () => {
    sim.setFaults([{ kind: 'hang', path: '/campaigns/analytics' }]);
    await expect(
      call(sim, '/campaigns/analytics', { signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow();
    expect(sim.log.at(-1)).toMatchObject({ path: '/api/v2/campaigns/analytics', status: 0 });
  });

  it('resets the connection', async () => {
    sim.setFaults([{ kind: 'reset', path: '/webhooks' }]);
    await expect(call(sim, '/webhooks')).rejects.toThrow(/fetch failed/);
    expect(sim.log.at(-1)?.status).toBe(0);
  });

  it('sends malformed JSON with a JSON content type', async () => {
    sim.setFaults([{ kind: 'malformed-json', path: '/campaigns' }]);
    const result = await call(sim, '/campaigns');
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toMatch(/application\/json/);
    expect(() => JSON.parse(result.text) as unknown).toThrow();
  });

  it('sends a Cloudflare-style HTML 403', async () => {
    sim.setFaults([{ kind: 'html-403', path: '/workspaces/current' }]);
    const result = await call(sim, '/workspaces/current');
    expect(result.status).toBe(403);
    expect(result.headers.get('content-type')).toMatch(/text\/html/);
    expect(result.text).toContain('Error 1010');
  });

  it('sends a 200 whose body is an error code', async () => {
    sim.setFaults([{ kind: 'error-in-200', path: '/accounts' }]);
    const result = await call(sim, '/accounts');
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ error: 'ACC_AUTH_ERROR' });
  });

  it('drifts the schema: unknown fields', async () => {
    sim.setFaults([{ kind: 'drift', drift: 'extra-field', path: '/campaigns' }]);
    const body = (await call(sim, '/campaigns?limit=3')).body as {
      items: Record<string, unknown>[];
    };
    expect(body.items).toHaveLength(3);
    for (const item of body.items) expect(item).toHaveProperty('x_added_in_a_later_version');
  });

  it('drifts the schema: unknown enum values (campaign 7, account -7)', async () => {
    sim.setFaults([
      { kind: 'drift', drift: 'unknown-enum', path: '/campaigns' },
      { kind: 'drift', drift: 'unknown-enum', path: '/accounts' },
    ]);
    const campaigns = (await call(sim, '/campaigns?limit=2')).body as {
      items: { status: number }[];
    };
    const accounts = (await call(sim, '/accounts?limit=2')).body as { items: { status: number }[] };
    expect(campaigns.items.map((c) => c.status)).toEqual([7, 7]);
    expect(accounts.items.map((a) => a.status)).toEqual([-7, -7]);
    // The simulator's own data is untouched.
    expect(sim.data.workspace.campaigns.some((c) => c.status === 7)).toBe(false);
  });

  it('drifts the schema: a missing optional field', async () => {
    sim.setFaults([
      { kind: 'drift', drift: 'missing-optional', path: '/campaigns' },
      { kind: 'drift', drift: 'missing-optional', path: '/accounts/*' },
    ]);
    const campaigns = (await call(sim, '/campaigns?limit=2')).body as {
      items: Record<string, unknown>[];
    };
    for (const item of campaigns.items) expect(item).not.toHaveProperty('sequences');
    const email = sim.data.workspace.accounts[0]?.email ?? '';
    const account = (await call(sim, `/accounts/${encodeURIComponent(email)}`)).body as Record<
      string,
      unknown
    >;
    expect(account).not.toHaveProperty('status');
    expect(account).toHaveProperty('email', email);
  });
});
