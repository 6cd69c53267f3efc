import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { Agent } from 'undici';
import { sendJson } from '../../src/notify/send.js';

/** A loopback receiver that answers each POST with the next scripted status. */
async function receiver(
  script: { status: number; headers?: Record<string, string>; hang?: boolean }[],
) {
  const bodies: unknown[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      bodies.push(JSON.parse(text) as unknown);
      const step = script[Math.min(bodies.length - 1, script.length - 1)] ?? { status: 200 };
      if (step.hang) return;
      res.writeHead(step.status, step.headers ?? {});
      res.end(step.status >= 400 ? `error at ${req.url ?? ''}` : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  open.push(server);
  return { url: `http://127.0.0.1:${port}/hooks/SECRET-TOKEN`, bodies };
}

const open: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

function options() {
  const waits: number[] = [];
  return {
    waits,
    send: {
      dispatcher: new Agent(),
      sleep: (ms: number) => {
        waits.push(ms);
        return Promise.resolve();
      },
    },
  };
}

describe('the notification sender', () => {
  it('POSTs the JSON body once when the receiver accepts it', async () => {
    const r = await receiver([{ status: 204 }]);
    const { send, waits } = options();
    expect(await sendJson(r.url, { a: 1 }, send)).toEqual({ ok: true, status: 204, attempts: 1 });
    expect(r.bodies).toEqual([{ a: 1 }]);
    expect(waits).toEqual([]);
  });

  it('retries 5xx twice with backoff, then succeeds', async () => {
    const r = await receiver([{ status: 502 }, { status: 503 }, { status: 200 }]);
    const { send, waits } = options();
    expect(await sendJson(r.url, {}, send)).toMatchObject({ ok: true, attempts: 3 });
    expect(waits).toEqual([1000, 2000]);
  });

  it('honours Retry-After on 429, capped', async () => {
    const r = await receiver([
      { status: 429, headers: { 'retry-after': '3' } },
      { status: 429, headers: { 'retry-after': '3600' } },
      { status: 200 },
    ]);
    const { send, waits } = options();
    expect(await sendJson(r.url, {}, send)).toMatchObject({ ok: true, attempts: 3 });
    expect(waits).toEqual([3000, 10_000]);
  });

  it('gives up after three attempts, naming the host but never the URL path (the token)', async () => {
    const r = await receiver([{ status: 500 }]);
    const { send } = options();
    const result = await sendJson(r.url, {}, send);
    expect(result).toMatchObject({ ok: false, attempts: 3 });
    expect(r.bodies).toHaveLength(3);
    const message = result.ok ? '' : result.message;
    expect(message).toContain('HTTP 500');
    expect(message).toContain('127.0.0.1');
    expect(message).not.toContain('SECRET-TOKEN');
  });

  it('does not retry a 4xx other than 429', async () => {
    const r = await receiver([{ status: 404 }]);
    const { send } = options();
    expect(await sendJson(r.url, {}, send)).toMatchObject({ ok: false, attempts: 1 });
  });

  it('times out an attempt that gets no answer', async () => {
    const r = await receiver([{ status: 200, hang: true }]);
    const { send } = options();
    const result = await sendJson(r.url, {}, { ...send, timeoutMs: 200, retries: 1 });
    expect(result).toMatchObject({ ok: false, attempts: 2 });
    expect(result.ok ? '' : result.message).toContain('no answer within 0.2 s');
  });

  it('reports an unreachable receiver without throwing', async () => {
    const { send } = options();
    const result = await sendJson('http://127.0.0.1:1/hook', {}, { ...send, retries: 0 });
    expect(result).toMatchObject({ ok: false, attempts: 1 });
    expect(result.ok ? '' : result.message).toMatch(/could not reach 127\.0\.0\.1:1: ECONNREFUSED/);
  });
});

describe('the notification sender and HTTPS_PROXY', () => {
  it('tunnels through the proxy named by HTTPS_PROXY (no direct connection to the chat host)', async () => {
    const seen: string[] = [];
    const proxy = createServer((_req, res) => res.writeHead(403).end());
    // Refuses every tunnel: nothing leaves the machine, and the CONNECT line proves the route.
    proxy.on('connect', (req, socket) => {
      seen.push(`CONNECT ${req.url ?? ''}`);
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    open.push(proxy);
    const names = ['HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'];
    const saved = names.map((name) => [name, process.env[name]] as const);
    for (const name of names) Reflect.deleteProperty(process.env, name);
    process.env.HTTPS_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const result = await sendJson(
        'https://hooks.slack.com/services/T0/B0/SECRET',
        {},
        { retries: 0, timeoutMs: 5000 },
      );
      expect(result.ok).toBe(false);
      expect(seen).toEqual(['CONNECT hooks.slack.com:443']);
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) Reflect.deleteProperty(process.env, name);
        else process.env[name] = value;
      }
    }
  });
});
