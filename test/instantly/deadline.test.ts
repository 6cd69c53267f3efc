import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { createInstantlyClient, type InstantlyClient } from '../../src/instantly/client.js';
import type { Clock } from '../../src/instantly/clock.js';
import { VERSION } from '../../src/version.js';
import { FakeClock, KEY, anything, mockInstantly, testClient } from './helpers.js';

/** A loopback server; `respond` may leave a request hanging by not answering. */
async function loopback(
  respond: (req: IncomingMessage, answer: (status: number, json: unknown) => void) => void,
) {
  const seen: IncomingMessage[] = [];
  const sockets = new Set<unknown>();
  const server: Server = createServer((req, res) => {
    seen.push(req);
    respond(req, (status, json) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    });
  });
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    connections: () => sockets.size,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function track(client: InstantlyClient, server: { close: () => Promise<void> }) {
  cleanups.push(() => client.close(), server.close);
}

describe('default transport against a real loopback server', () => {
  it('talks HTTP to 127.0.0.1 with the default Agent and reuses the connection', async () => {
    const server = await loopback((_req, answer) => {
      answer(200, { id: 'w1', name: 'Acme' });
    });
    const client = createInstantlyClient({ apiKey: KEY, baseUrl: server.url });
    track(client, server);
    const schema = z.object({ id: z.string(), name: z.string() });
    expect(await client.get('/workspaces/current', { schema })).toEqual({ id: 'w1', name: 'Acme' });
    // undici frees the socket a tick after the body ends; any real pause between requests is longer.
    await new Promise((resolve) => setImmediate(resolve));
    await client.get('/workspaces/current', { schema });
    expect(server.seen.map((r) => r.url)).toEqual([
      '/api/v2/workspaces/current',
      '/api/v2/workspaces/current',
    ]);
    expect(server.seen[0]?.headers['user-agent']).toBe(`instantly-health/${VERSION}`);
    expect(server.seen[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(server.connections()).toBe(1);
  });
});

describe('the run deadline', () => {
  it('aborts the request in flight when it fires, as a timeout, without retrying', async () => {
    const controller = new AbortController();
    let closed: Promise<void> = Promise.resolve();
    const server = await loopback((req) => {
      closed = new Promise((resolve) =>
        req.socket.once('close', () => {
          resolve();
        }),
      );
      controller.abort(new Error('run deadline'));
    });
    const client = createInstantlyClient({
      apiKey: KEY,
      baseUrl: server.url,
      signal: controller.signal,
    });
    track(client, server);
    const error = await client.get('/campaigns', { schema: anything }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'timeout',
      message: expect.stringContaining("run's deadline") as unknown,
    });
    await closed; // the server saw the connection go away: the request really was aborted
    expect(server.seen).toHaveLength(1);
  });

  it('sends nothing once the deadline has passed', async () => {
    const { agent, requests } = mockInstantly(() => ({ status: 200, json: {} }));
    const { client } = testClient(agent, { signal: AbortSignal.abort() });
    await expect(client.get('/campaigns', { schema: anything })).rejects.toMatchObject({
      kind: 'timeout',
    });
    expect(requests).toHaveLength(0);
  });

  it('fails at once when the next retry would start after the deadline', async () => {
    const clock = new FakeClock();
    const { agent, requests } = mockInstantly(() => ({ status: 503, json: { message: 'down' } }));
    const { client } = testClient(agent, { clock, deadlineAt: clock.now() + 500 });
    const error = (await client
      .get('/campaigns', { schema: anything })
      .catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ kind: 'server', status: 503 });
    expect(error.message).toContain(
      "not retried: the run's deadline comes before the next attempt",
    );
    expect(requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('stops a backoff wait when the deadline fires during it', async () => {
    const controller = new AbortController();
    const clock: Clock = {
      now: () => 0,
      sleep: (_ms, signal) => {
        controller.abort();
        return Promise.reject(signal?.reason as Error);
      },
    };
    const { agent, requests } = mockInstantly(() => ({ status: 503, json: {} }));
    const { client } = testClient(agent, { clock, signal: controller.signal });
    await expect(client.get('/campaigns', { schema: anything })).rejects.toMatchObject({
      kind: 'timeout',
    });
    expect(requests).toHaveLength(1);
  });

  it("honours a caller's own signal too", async () => {
    const { agent } = mockInstantly(() => ({ status: 200, json: {} }));
    const { client } = testClient(agent);
    await expect(
      client.get('/campaigns', { schema: anything, signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({
      kind: 'timeout',
      message: expect.stringContaining('cancelled by its caller') as unknown,
    });
  });
});

describe('the per-request timeout', () => {
  it('gives up on a silent server after requestTimeoutMs and retries, then reports a timeout', async () => {
    const server = await loopback(() => {
      /* never answers */
    });
    const client = createInstantlyClient({
      apiKey: KEY,
      baseUrl: server.url,
      // Long enough for a loaded machine to deliver each request to the server before it lapses.
      requestTimeoutMs: 400,
      clock: new FakeClock(),
      retry: { maxRetries: 1 },
    });
    track(client, server);
    const error = await client.get('/campaigns', { schema: anything }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout', attempts: 2 });
    expect((error as Error).message).toContain('no complete response within 0.4 s');
    expect(server.seen).toHaveLength(2);
  });
});
