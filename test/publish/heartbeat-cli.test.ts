import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { runCliInProcess } from '../cli/run-cli.js';

/** `check --heartbeat-url` pings a loopback receiver like the action (contract section 6). */

let sim: RunningSimulator;
let receiver: Server;
let url = '';
const hits: string[] = [];

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'demo' });
  receiver = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200).end();
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hb`;
});

afterAll(async () => {
  await sim.stop();
  receiver.closeAllConnections();
  await new Promise((r) => receiver.close(r));
});

describe('check --heartbeat-url', () => {
  it('pings <url> after a run that checked everything and <url>/fail after one that could not', async () => {
    const env = { INSTANTLY_API_KEY: sim.apiKey };
    const ok = await runCliInProcess(
      ['check', '--base-url', sim.url, '--heartbeat-url', url, '--format', 'json'],
      env,
    );
    expect(ok.stderr).not.toMatch(/heartbeat/);
    const bad = await runCliInProcess(
      ['check', '--base-url', sim.url, '--heartbeat-url', url, '--format', 'json'],
      { INSTANTLY_API_KEY: 'not-a-key-0000000000000000' },
    );
    expect(bad.code).toBe(3);
    expect(hits).toEqual(['/hb', '/hb/fail']);
  });

  it('refuses a URL that is not http(s) without repeating it', async () => {
    const run = await runCliInProcess(['check', '--heartbeat-url', 'ftp://secret-token@x'], {
      INSTANTLY_API_KEY: sim.apiKey,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--heartbeat-url/);
    expect(run.stderr).not.toContain('secret-token');
  });
});
