import { inspect } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { createRedactor } from '../../src/instantly/redact.js';
import { KEY, anything, mockInstantly, testClient, type Reply } from './helpers.js';

/** Everything a log line, a report or a debugger could show of a thrown value. */
function everyView(error: unknown): string {
  const parts = [
    String(error),
    inspect(error, { depth: 10, showHidden: true }),
    JSON.stringify(error),
  ];
  let cause: unknown = error;
  while (cause instanceof Error) {
    parts.push(cause.message, cause.stack ?? '', JSON.stringify(Object.entries(cause)));
    cause = cause.cause;
  }
  return parts.join('\n');
}

async function thrown(reply: Reply, schema: z.ZodType = anything) {
  const { agent } = mockInstantly(() => reply);
  const { client } = testClient(agent, { retry: { maxRetries: 0 } });
  return client.get('/campaigns', { schema }).then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

describe('the API key never leaves the client', () => {
  const echoes: [string, Reply][] = [
    [
      'an error envelope',
      {
        status: 401,
        json: { statusCode: 401, error: `Bearer ${KEY}`, message: `Invalid key ${KEY}` },
      },
    ],
    [
      'an HTML page',
      {
        status: 500,
        text: `<html><body>key=${KEY}</body></html>`,
        headers: { 'content-type': 'text/html' },
      },
    ],
    ['a plain-text body', { status: 502, text: `bad key ${KEY}` }],
    ['a 200 error body', { status: 200, json: { error: `ACC_AUTH_ERROR ${KEY}` } }],
    [
      'an encoded echo',
      { status: 400, json: { message: `key=${encodeURIComponent(KEY + '/+')}` } },
    ],
    [
      'a network error message',
      { error: new Error(`connect failed, authorization: Bearer ${KEY}`) },
    ],
    [
      'a header and body together',
      { status: 429, json: { message: KEY }, headers: { 'x-echo': KEY, 'retry-after': '1' } },
    ],
  ];

  it.each(echoes)('when the server echoes it in %s', async (_label, reply) => {
    const error = await thrown(reply, z.object({ id: z.string() }));
    expect(everyView(error)).not.toContain(KEY);
  });

  it('when a schema mismatch happens on a body that holds it', async () => {
    const error = await thrown(
      { status: 200, json: { items: KEY } },
      z.object({ items: z.array(z.string()) }),
    );
    expect(everyView(error)).not.toContain(KEY);
  });

  it('keeps it out of the debug lines, which still say what happened', async () => {
    const lines: string[] = [];
    const { agent } = mockInstantly((_r, index) =>
      index === 0
        ? { status: 503, json: { message: `upstream rejected ${KEY}` } }
        : {
            status: 401,
            json: { statusCode: 401, error: 'Unauthorized', message: `bad key ${KEY}` },
          },
    );
    const { client } = testClient(agent, { debug: (line) => lines.push(line) });
    await client.get('/campaigns', { schema: anything }).catch(() => undefined);
    expect(lines.join('\n')).not.toContain(KEY);
    expect(lines).toEqual([
      expect.stringContaining('GET /campaigns -> HTTP 503') as unknown,
      'GET /campaigns: retry 1/5 in 1000 ms',
      expect.stringContaining('GET /campaigns -> HTTP 401') as unknown,
    ]);
  });

  it('serialises errors with their message, still masked', async () => {
    const error = await thrown({ status: 401, json: { message: `Invalid key ${KEY}` } });
    const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(json).toMatchObject({ kind: 'auth', endpoint: 'GET /campaigns', status: 401 });
    expect(json.message).toContain('[REDACTED]');
  });

  it('still says what went wrong around the masked key', async () => {
    const error = (await thrown({ status: 401, json: { message: `Invalid key ${KEY}` } })) as Error;
    expect(error.message).toContain('Invalid key [REDACTED]');
  });

  it('is not reachable from the client object', async () => {
    const { agent } = mockInstantly(() => ({ status: 200, json: {} }));
    const { client } = testClient(agent);
    await client.get('/x', { schema: anything });
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(KEY);
    expect(JSON.stringify(client.statistics())).not.toContain(KEY);
  });
});

describe('redactor', () => {
  it('masks the key, its encoded forms and any bearer token', () => {
    const redact = createRedactor(['k/+y=']);
    expect(redact('a k/+y= b k%2F%2By%3D c')).toBe('a [REDACTED] b [REDACTED] c');
    expect(redact(Buffer.from('k/+y=').toString('base64'))).toBe('[REDACTED]');
    expect(redact('Authorization: Bearer other-token')).toBe('Authorization: Bearer [REDACTED]');
  });
});
