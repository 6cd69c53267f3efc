import { describe, expect, it } from '@jest/globals';
import { anything, mockInstantly, testClient } from './helpers.js';

describe('statistics', () => {
  it('counts requests, retries, 429s and waiting time per endpoint template', async () => {
    const { agent } = mockInstantly((request, index) =>
      request.url.pathname.startsWith('/api/v2/campaigns/') && index < 2
        ? {
            status: 429,
            json: { statusCode: 429, error: 'Too Many Requests', message: 'Rate limit exceeded' },
          }
        : { status: 200, json: {} },
    );
    const { client, clock } = testClient(agent);
    await client.get('/campaigns/{id}', { params: { id: 'c1' }, schema: anything });
    const campaignWait = clock.sleeps.reduce((a, b) => a + b, 0);
    await client.get('/accounts', { schema: anything });
    const accountsWait = clock.sleeps.reduce((a, b) => a + b, 0) - campaignWait;

    const stats = client.statistics();
    expect(stats.byEndpoint['GET /campaigns/{id}']).toEqual({
      requests: 3,
      retries: 2,
      rateLimited: 2,
      waitMs: campaignWait,
    });
    expect(campaignWait).toBeGreaterThan(0);
    expect(stats.byEndpoint['GET /accounts']).toEqual({
      requests: 1,
      retries: 0,
      rateLimited: 0,
      waitMs: accountsWait,
    });
    expect(stats).toMatchObject({
      requests: 4,
      retries: 2,
      rateLimited: 2,
      waitMs: campaignWait + accountsWait,
    });
    expect(Object.keys(stats.byEndpoint)).not.toContain('GET /campaigns/c1');
  });

  it('includes time queued in the rate budget', async () => {
    const { agent } = mockInstantly(() => ({ status: 200, json: {} }));
    const { client } = testClient(agent, { rateLimit: 1 });
    await client.get('/a', { schema: anything });
    await client.get('/a', { schema: anything });
    expect(client.statistics().waitMs).toBe(1000);
  });

  it('hands out snapshots that later requests do not change', async () => {
    const { agent } = mockInstantly(() => ({ status: 200, json: {} }));
    const { client } = testClient(agent);
    await client.get('/a', { schema: anything });
    const before = client.statistics();
    await client.get('/a', { schema: anything });
    expect(before.requests).toBe(1);
    expect(before.byEndpoint['GET /a']?.requests).toBe(1);
    expect(client.statistics().requests).toBe(2);
  });
});
