/** The CLI's `--notify-url` and `--notify-format`, in process against the simulator. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { runCliInProcess } from '../cli/run-cli.js';
import { expectValidFor } from './platforms.js';

let healthy: RunningSimulator;
let broken: RunningSimulator;
let receiver: Server;
let hook: string;
let received: unknown[] = [];
let answer = 200;

beforeAll(async () => {
  [healthy, broken] = await Promise.all([
    startSimulator({ scenario: 'healthy' }),
    startSimulator({ scenario: 'broken' }),
  ]);
  receiver = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      received.push(JSON.parse(text) as unknown);
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/1/SECRET`;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await Promise.all([healthy.stop(), broken.stop()]);
});

const check = (sim: RunningSimulator, ...args: string[]) =>
  runCliInProcess(['check', '--base-url', sim.url, '--rate-limit', '100', ...args], {
    INSTANTLY_API_KEY: sim.apiKey,
  });

describe('instantly-health check --notify-url', () => {
  it('sends the errors it found as one regressed message (the CLI keeps no state)', async () => {
    received = [];
    const run = await check(broken, '--notify-url', hook, '--notify-format', 'discord');
    expect(run.code).toBe(1);
    expect(received).toHaveLength(1);
    expectValidFor('discord', received[0]);
    expect(JSON.stringify(received[0])).not.toContain(broken.apiKey);
  });

  it('sends nothing for a healthy workspace', async () => {
    received = [];
    const run = await check(healthy, '--notify-url', hook, '--notify-format', 'json');
    expect(run.code).toBe(0);
    expect(received).toEqual([]);
  });

  it('a refused notification is a warning on stderr, never the exit code', async () => {
    received = [];
    answer = 403;
    const run = await check(
      broken,
      '--notify-url',
      hook,
      '--notify-format',
      'json',
      '--fail-on',
      'never',
    );
    answer = 200;
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/regressed notification \(json\) was not sent: .*HTTP 403/);
    expect(run.stderr).not.toContain('SECRET');
  });

  it.each([
    [
      ['--notify-url', 'http://hooks.example.com/SECRET'],
      /--notify-url: uses http:\/\/ with hooks\.example\.com/,
    ],
    [['--notify-url', 'ftp://x/SECRET'], /--notify-url: expected an https:\/\/ URL/],
    [
      ['--notify-url', 'https://hooks.slack.com/services/SECRET', '--notify-format', 'slak'],
      /--notify-format: expected one of .*slack/,
    ],
  ])('rejects %j before any request (exit 2)', async (args, message) => {
    const run = await check(healthy, ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain('SECRET');
  });
});
