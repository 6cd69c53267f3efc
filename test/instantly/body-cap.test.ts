import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { createInstantlyClient } from '../../src/instantly/client.js';
import { FakeClock, anything } from './helpers.js';

/**
 * A loopback server that streams a body far larger than the cap, in 64 KB chunks, for as long as
 * the client keeps reading: the client must stop at the cap, drop the connection and say why.
 */
async function bigBodyServer(options: { contentLength?: number; totalBytes: number }) {
  let requests = 0;
  let bytesWritten = 0;
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const server = http.createServer((_req, res) => {
    requests++;
    res.writeHead(200, {
      'content-type': 'application/json',
      ...(options.contentLength !== undefined
        ? { 'content-length': String(options.contentLength) }
        : {}),
    });
    res.write('{"items":["');
    const pump = () => {
      while (bytesWritten < options.totalBytes) {
        bytesWritten += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end('"]}');
    };
    res.on('close', () => {
      res.removeAllListeners('drain');
    });
    pump();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    bytesWritten: () => bytesWritten,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('response body cap', () => {
  it('stops reading a streamed body at the cap with a clear too-large error, never retried', async () => {
    // 256 MB offered, no Content-Length: only streaming can stop it.
    const server = await bigBodyServer({ totalBytes: 256 * 1024 * 1024 });
    stop = server.close;
    const client = createInstantlyClient({
      apiKey: 'sim_test_key',
      baseUrl: server.url,
      clock: new FakeClock(),
      maxResponseBytes: 1024 * 1024,
    });
    try {
      const error = (await client
        .get('/webhooks', { schema: anything })
        .catch((e: unknown) => e)) as Error;
      expect(error).toMatchObject({ kind: 'too-large', attempts: 1, status: 200 });
      expect(error.message).toMatch(/larger than the 1 MB cap; stopped reading it/);
      expect(server.requests()).toBe(1);
      // The server was cut off far before it finished (socket buffers allow some slack).
      expect(server.bytesWritten()).toBeLessThan(64 * 1024 * 1024);
    } finally {
      await client.close();
    }
  });

  it('refuses a declared Content-Length over the cap before reading any of it', async () => {
    const server = await bigBodyServer({
      totalBytes: 4 * 1024 * 1024,
      contentLength: 3 * 1024 * 1024 * 1024,
    });
    stop = server.close;
    const client = createInstantlyClient({
      apiKey: 'sim_test_key',
      baseUrl: server.url,
      clock: new FakeClock(),
      maxResponseBytes: 2 * 1024 * 1024,
    });
    try {
      const error = (await client
        .get('/webhooks', { schema: anything })
        .catch((e: unknown) => e)) as Error;
      expect(error).toMatchObject({ kind: 'too-large', attempts: 1 });
      expect(error.message).toMatch(/Content-Length 3072 MB/);
    } finally {
      await client.close();
    }
  });

  it('reads a body under the cap as before', async () => {
    const server = await bigBodyServer({ totalBytes: 512 * 1024 });
    stop = server.close;
    const client = createInstantlyClient({
      apiKey: 'sim_test_key',
      baseUrl: server.url,
      clock: new FakeClock(),
      maxResponseBytes: 1024 * 1024,
    });
    try {
      const body = (await client.get('/webhooks', { schema: anything })) as { items: string[] };
      expect(body.items[0]?.length).toBe(512 * 1024);
    } finally {
      await client.close();
    }
  });
});
