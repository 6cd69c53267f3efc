/**
 * `npx tsx bench/big-body.ts`: issue 15's memory bound. A loopback server answers `/webhooks`
 * with a 3 GB body (streamed, no Content-Length); the client, with its default settings, runs in
 * a process of its own so that its peak RSS is the client's alone. Goal: under 300 MB and a
 * clear `too-large` error.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createInstantlyClient } from '../src/instantly/client.js';

const TOTAL_BYTES = 3 * 1024 * 1024 * 1024;

async function child(url: string): Promise<void> {
  const client = createInstantlyClient({ apiKey: 'sim_bench_key', baseUrl: url });
  let message = 'no error';
  let kind: string | undefined;
  try {
    await client.get('/webhooks', { schema: z.unknown() });
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
    kind = (error as { kind?: string }).kind;
  } finally {
    await client.close();
  }
  process.stdout.write(
    `${JSON.stringify({ kind, message, maxRssKb: process.resourceUsage().maxRSS })}\n`,
  );
}

async function parent(): Promise<void> {
  let written = 0;
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const pump = () => {
      while (written < TOTAL_BYTES) {
        written += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.on('close', () => {
      res.removeAllListeners('drain');
    });
    pump();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const started = Date.now();
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), `http://127.0.0.1:${port}`],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  proc.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  await once(proc, 'close');
  server.closeAllConnections();
  server.close();
  const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
    kind?: string;
    message: string;
    maxRssKb: number;
  };
  const rssMb = result.maxRssKb / 1024;
  const pass = result.kind === 'too-large' && rssMb < 300;
  process.stdout.write(
    `3 GB body offered; server wrote ${Math.round(written / 1024 / 1024)} MB before the client hung up; ` +
      `client peak RSS ${rssMb.toFixed(0)} MB (tsx loader included), ${Date.now() - started} ms; ` +
      `error kind ${result.kind ?? 'none'}: ${result.message}\n${pass ? 'PASS' : 'MISS'}\n`,
  );
  process.exitCode = pass ? 0 : 1;
}

const url = process.argv[2];
if (url) await child(url);
else await parent();
