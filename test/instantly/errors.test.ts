import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { InstantlyError } from '../../src/instantly/errors.js';
import { anything, campaign, mockInstantly, testClient, type Reply } from './helpers.js';

async function failure(reply: Reply, schema: z.ZodType = anything, path = '/campaigns/{id}') {
  const { agent } = mockInstantly(() => reply);
  const { client } = testClient(agent, { retry: { maxRetries: 0 } });
  const error = await client.get(path, { params: { id: 'c1' }, schema }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InstantlyError);
  return error as InstantlyError;
}

const envelope = (statusCode: number, error: string, message: string): Reply => ({
  status: statusCode,
  json: { statusCode, error, message },
});

describe('error kinds', () => {
  it.each([
    [401, 'auth'],
    [402, 'plan'],
    [403, 'scope'],
    [404, 'not-found'],
    [413, 'too-large'],
    [429, 'rate-limited'],
    [500, 'server'],
    [503, 'server'],
    [400, 'bad-request'],
    [409, 'bad-request'],
  ])('maps HTTP %i to kind %s, naming the endpoint template', async (code, kind) => {
    const error = await failure(envelope(code, 'Some Error', 'what happened'));
    expect(error).toMatchObject({ kind, status: code, endpoint: 'GET /campaigns/{id}' });
    expect(error.message).toContain('GET /campaigns/{id}');
    expect(error.message).not.toContain('c1');
  });

  it("keeps Instantly's {statusCode, error, message}", async () => {
    const error = await failure(envelope(401, 'Unauthorized', 'Missing Authorization header'));
    expect(error.apiError).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Missing Authorization header',
    });
    expect(error.message).toContain('Unauthorized: Missing Authorization header');
    expect(error.message).toMatch(/check the API key/);
  });

  it.each([
    [
      { error: 'Bad request - no emails sent' },
      'Bad request - no emails sent',
      'Bad request - no emails sent',
    ],
    [
      { message: 'Start Date must be earlier than End Date' },
      '',
      'Start Date must be earlier than End Date',
    ],
    [{ status: 'error', message: 'Error message', host: 'example.com' }, '', 'Error message'],
  ])(
    'reads the odd error bodies of docs/instantly-api.md ("Errors"): %j',
    async (json, error, message) => {
      const result = await failure({ status: 400, json });
      expect(result.apiError).toEqual({ statusCode: 400, error, message });
      expect(result.message).toContain(message);
    },
  );

  it('turns an HTML 403 into a CDN message, never the page', async () => {
    const page = `<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body>${'x'.repeat(5000)} error code: 1010</body></html>`;
    const error = await failure({
      status: 403,
      text: page,
      headers: { 'content-type': 'text/html' },
    });
    expect(error.kind).toBe('cdn-blocked');
    expect(error.message).toContain(
      "blocked by Instantly's CDN (HTML 403); check User-Agent / network",
    );
    expect(error.message).not.toContain('<');
    // No scope can fix a CDN block, so the scope advice must not appear.
    expect(error.message).not.toMatch(/scope/);
    expect(error.message.length).toBeLessThan(200);
  });

  it('summarises another HTML error page by its title', async () => {
    const page =
      '<html><head><title>502 Bad Gateway</title></head><body>' +
      'y'.repeat(3000) +
      '</body></html>';
    const error = await failure({
      status: 502,
      text: page,
      headers: { 'content-type': 'text/html' },
    });
    expect(error.kind).toBe('server');
    expect(error.message).toContain('HTML error page instead of JSON (502: 502 Bad Gateway)');
    expect(error.message.length).toBeLessThan(200);
  });

  it('keeps only a short snippet of a plain-text error body', async () => {
    const error = await failure({ status: 500, text: 'upstream exploded '.repeat(100) });
    expect(error.message).toContain('non-JSON body (500): upstream exploded');
    expect(error.message.length).toBeLessThan(260);
  });

  it('treats a 200 carrying {"error": "ACC_AUTH_ERROR"} as error-in-200', async () => {
    const error = await failure({ status: 200, json: { error: 'ACC_AUTH_ERROR' } }, campaign);
    expect(error).toMatchObject({ kind: 'error-in-200', status: 200 });
    expect(error.message).toContain('ACC_AUTH_ERROR');
  });

  it('spots error-in-200 even when the schema would accept it (all fields optional)', async () => {
    const lenient = z.looseObject({ id: z.string().optional(), name: z.string().optional() });
    const error = await failure({ status: 200, json: { error: 'ACC_NOT_FOUND' } }, lenient);
    expect(error.kind).toBe('error-in-200');
  });

  it('accepts a resource that has an error field next to its expected fields', async () => {
    const { agent } = mockInstantly(() => ({
      status: 200,
      json: { id: 'c1', name: 'Q4', status: 1, error: 'x' },
    }));
    const { client } = testClient(agent);
    await expect(
      client.get('/campaigns/{id}', { params: { id: 'c1' }, schema: campaign }),
    ).resolves.toMatchObject({
      id: 'c1',
    });
  });

  it('describes a schema mismatch by path, without dumping the body', async () => {
    const secretish = 'private-campaign-name-'.repeat(20);
    const error = await failure(
      { status: 200, json: { id: 'c1', name: secretish, status: 'paused' } },
      campaign,
    );
    expect(error.kind).toBe('schema');
    expect(error.message).toMatch(/status: .*expected number/);
    expect(error.message).not.toContain('private-campaign-name');
  });

  it('names nested paths and counts what it leaves out', async () => {
    const schema = z.object({ items: z.array(campaign) });
    const items = [
      { id: 'a', name: 'A', status: 1 },
      ...Array.from({ length: 5 }, () => ({ id: 1, name: 'B', status: 1 })),
    ];
    const error = await failure({ status: 200, json: { items } }, schema);
    expect(error.message).toContain('items[1].id');
    expect(error.message).toMatch(/and \d+ more/);
  });

  it('treats a 200 that is not JSON as a schema error with a short description', async () => {
    const error = await failure({
      status: 200,
      text: '<html><title>Maintenance</title></html>',
      headers: { 'content-type': 'text/html' },
    });
    expect(error.kind).toBe('schema');
    expect(error.message).toContain('expected JSON');
  });

  it('reports a network failure with its code once retries are spent', async () => {
    const error = await failure({
      error: Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), {
        code: 'ECONNREFUSED',
      }),
    });
    expect(error.kind).toBe('network');
    expect(error.message).toContain('ECONNREFUSED');
  });
});
