import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { VERSION } from '../../src/version.js';
import { KEY, anything, campaign, mockInstantly, testClient } from './helpers.js';

const ok = { status: 200, json: { id: 'c1', name: 'Q4', status: 1 } };

describe('request building', () => {
  it('sends the bearer key, an explicit User-Agent and Accept on every request', async () => {
    const { agent, requests } = mockInstantly(() => ok);
    const { client } = testClient(agent);
    await client.get('/campaigns/{id}', { params: { id: 'c1' }, schema: campaign });
    const headers = requests[0]?.headers;
    expect(headers?.authorization).toBe(`Bearer ${KEY}`);
    // Instantly's CDN answers a request without a User-Agent with an HTML 403.
    expect(headers?.['user-agent']).toBe(`instantly-health/${VERSION}`);
    expect(headers?.accept).toBe('application/json');
    expect(headers).not.toHaveProperty('x-as-workspace');
  });

  it('acts on a sub-workspace through x-as-workspace when a workspace id is set', async () => {
    const { agent, requests } = mockInstantly(() => ok);
    const { client } = testClient(agent, { workspaceId: 'ws-42' });
    await client.get('/campaigns/{id}', { params: { id: 'c1' }, schema: campaign });
    expect(requests[0]?.headers['x-as-workspace']).toBe('ws-42');
  });

  it('lets the caller choose the User-Agent', async () => {
    const { agent, requests } = mockInstantly(() => ok);
    const { client } = testClient(agent, { userAgent: 'custom/1' });
    await client.get('/campaigns/{id}', { params: { id: 'c1' }, schema: campaign });
    expect(requests[0]?.headers['user-agent']).toBe('custom/1');
  });

  it('puts requests under <baseUrl>/api/v2 and encodes path params as one segment', async () => {
    const { agent, requests } = mockInstantly(() => ({ status: 200, json: {} }));
    const { client } = testClient(agent);
    await client.get('/accounts/{email}', { params: { email: 'a+b@x.com/..?' }, schema: anything });
    expect(requests[0]?.url.pathname).toBe('/api/v2/accounts/a%2Bb%40x.com%2F..%3F');
  });

  it('accepts a base URL that already ends in /api/v2 or a slash', async () => {
    const { agent, requests } = mockInstantly(() => ({ status: 200, json: {} }));
    const { client } = testClient(agent, { baseUrl: 'https://api.instantly.test/api/v2/' });
    await client.get('/workspaces/current', { schema: anything });
    expect(requests[0]?.url.pathname).toBe('/api/v2/workspaces/current');
  });

  it('sends arrays in the query as repeated keys and leaves undefined values out', async () => {
    const { agent, requests } = mockInstantly(() => ({ status: 200, json: [] }));
    const { client } = testClient(agent);
    await client.get('/campaigns/analytics', {
      query: {
        ids: ['a', 'b'],
        start_date: '2026-11-01',
        exclude_total: true,
        skip: undefined,
        n: 3,
      },
      schema: z.array(z.unknown()),
    });
    const url = requests[0]?.url;
    expect(url?.searchParams.getAll('ids')).toEqual(['a', 'b']);
    expect(url?.searchParams.get('exclude_total')).toBe('true');
    expect(url?.searchParams.get('n')).toBe('3');
    expect(url?.searchParams.has('skip')).toBe(false);
  });

  it('sends POST bodies as JSON with a JSON content type', async () => {
    const { agent, requests } = mockInstantly(() => ({ status: 200, json: { status: 'ok' } }));
    const { client } = testClient(agent);
    await client.post('/accounts/test/vitals', {
      body: { accounts: ['a@x.com'] },
      schema: anything,
      idempotent: true,
    });
    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.headers['content-type']).toBe('application/json');
    expect(requests[0]?.body).toEqual({ accounts: ['a@x.com'] });
  });

  it('returns the schema-parsed body', async () => {
    const { agent } = mockInstantly(() => ({
      status: 200,
      json: { id: 'c1', name: 'Q4', status: 1, extra: true },
    }));
    const { client } = testClient(agent);
    const result = await client.get('/campaigns/{id}', { params: { id: 'c1' }, schema: campaign });
    expect(result).toEqual({ id: 'c1', name: 'Q4', status: 1, extra: true });
  });

  it('fails with a clear message on a missing path parameter, before sending anything', async () => {
    const { agent, requests } = mockInstantly(() => ok);
    const { client } = testClient(agent);
    await expect(client.get('/campaigns/{id}', { schema: campaign })).rejects.toMatchObject({
      kind: 'bad-request',
      endpoint: 'GET /campaigns/{id}',
      message: expect.stringContaining('missing path parameter {id}') as unknown,
    });
    expect(requests).toHaveLength(0);
  });

  it('rejects bad options with messages that say what to fix', async () => {
    const { createInstantlyClient } = await import('../../src/instantly/client.js');
    expect(() => createInstantlyClient({ apiKey: '', baseUrl: 'https://x' })).toThrow(
      /API key is empty/,
    );
    expect(() => createInstantlyClient({ apiKey: 'k', baseUrl: 'api.instantly.ai' })).toThrow(
      /not a URL/,
    );
    expect(() => createInstantlyClient({ apiKey: 'k', baseUrl: 'ftp://x' })).toThrow(
      /must be http/,
    );
    expect(() =>
      createInstantlyClient({ apiKey: 'k', baseUrl: 'https://x', rateLimit: 0 }),
    ).toThrow(/rate limit/);
  });
});
