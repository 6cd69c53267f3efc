import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request } from 'undici';
import { loadRecording, replayRecording, replaySettings } from '../../src/record/run.js';
import { exitCodeFor } from '../../src/report/verdict.js';
import { CHECK_IDS } from '../../src/checks/catalog.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import {
  fingerprints,
  RECORDED_NOW,
  recordRun,
  recordScenario,
  SEED,
  settingsFor,
  type RecordedRun,
} from './simulated.js';

const CANARY_KEY = 'ih_canary_KEY_0123456789abcdefXYZ';
const CANARY_TOKEN = 'ghs_CanaryToken0123456789abcdefABCDEF0123';
const EMAIL = /[a-z0-9._%+-]+@((?:[a-z0-9-]+\.)+[a-z]{2,})/gi;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'ih-record-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function replay(dir: string) {
  const recording = await loadRecording(dir);
  const settings = await replaySettings(recording, {}, { cwd: root, knownChecks: CHECK_IDS });
  const result = await replayRecording(recording, settings);
  return { ...result, exitCode: exitCodeFor(result.report, settings.failOn) };
}

async function folderText(dir: string): Promise<string> {
  const names = await readdir(dir);
  return (await Promise.all(names.map((n) => readFile(path.join(dir, n), 'utf8')))).join('\n');
}

describe('record then replay the broken scenario', () => {
  it('gives the live run’s fingerprints and exit code with the simulator stopped (emails kept)', async () => {
    const dir = path.join(root, 'broken-plain');
    const live = await recordScenario('broken', dir, { redactEmails: false });
    expect(live.report.findings.length).toBeGreaterThan(10);
    expect(live.exitCode).toBe(1);

    const replayed = await replay(dir);
    expect(replayed.missing).toEqual([]);
    expect(fingerprints(replayed.report)).toEqual(fingerprints(live.report));
    expect(replayed.exitCode).toBe(live.exitCode);
  });

  it('gives the same findings under pseudonyms when emails are redacted', async () => {
    const dir = path.join(root, 'broken-redacted');
    const live = await recordScenario('broken', dir, { redactEmails: true });
    const recorded = JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8')) as {
      findings: { fingerprint: string }[];
    };
    const replayed = await replay(dir);
    expect(replayed.missing).toEqual([]);
    expect(fingerprints(replayed.report)).toEqual(
      recorded.findings.map((f) => f.fingerprint).sort(),
    );
    expect(replayed.report.findings).toHaveLength(live.report.findings.length);
    expect(replayed.exitCode).toBe(live.exitCode);
    // Per check and severity, the same findings as live: only the names changed.
    const shape = (fs: { check: string; severity: string }[]) =>
      fs.map((f) => `${f.check}/${f.severity}`).sort();
    expect(shape(replayed.report.findings)).toEqual(shape(live.report.findings));
  });
});

describe('pagination', () => {
  it('replays every page, cursors included, from a pseudonymised recording', async () => {
    const dir = path.join(root, 'pages');
    const live = await recordScenario(
      {
        name: 'pages',
        campaigns: 230,
        activeShare: 0.05,
        accounts: 260,
        sendingDomains: 5,
        webhooks: 1,
        leadsPerCampaign: 50,
        problems: { 'account.connection_error': 2 },
      },
      dir,
      { redactEmails: true },
    );
    const { exchanges } = JSON.parse(await readFile(path.join(dir, 'exchanges.json'), 'utf8')) as {
      exchanges: { template: string; query: [string, string][] }[];
    };
    const cursors = (template: string) =>
      exchanges
        .filter((e) => e.template === template)
        .flatMap((e) => e.query.filter(([k]) => k === 'starting_after').map(([, v]) => v));
    // Accounts page by a bare creation timestamp, as the live API does (docs/instantly-api.md):
    // the cursor carries no address, so pseudonymising leaves it as sent and it still matches.
    expect(cursors('/accounts').length).toBeGreaterThanOrEqual(2);
    expect(cursors('/accounts').every((c) => !Number.isNaN(Date.parse(c)))).toBe(true);
    expect(cursors('/campaigns').length).toBeGreaterThanOrEqual(2);

    const replayed = await replay(dir);
    expect(replayed.missing).toEqual([]);
    expect(replayed.report.findings).toHaveLength(live.report.findings.length);
    expect(replayed.exitCode).toBe(live.exitCode);
  });
});

describe('a recording never holds a secret or, by default, an address of the workspace', () => {
  let sim: RunningSimulator;
  let proxy: Server;
  let proxyUrl: string;
  let live: RecordedRun;
  const dir = () => path.join(root, 'canary');

  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'broken', seed: SEED, now: RECORDED_NOW });
    // A hostile server: takes the canary key, and echoes it and the canary token back in every
    // answer, raw, JSON-escaped, URL-encoded and base64, in a header and in the body.
    proxy = createServer((req, res) => {
      void (async () => {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const upstream = await request(`${sim.url}${req.url ?? '/'}`, {
          method: req.method as 'GET',
          headers: {
            authorization: `Bearer ${sim.apiKey}`,
            'content-type': 'application/json',
          },
          body: chunks.length > 0 ? Buffer.concat(chunks) : null,
        });
        let text = await upstream.body.text();
        const echo = `${req.headers.authorization ?? ''} token ${CANARY_TOKEN} ${encodeURIComponent(CANARY_KEY)} ${Buffer.from(CANARY_KEY).toString('base64')}`;
        try {
          const json = JSON.parse(text) as unknown;
          if (json && typeof json === 'object' && !Array.isArray(json)) {
            text = JSON.stringify({ ...json, echoed: echo });
          }
        } catch {
          text += echo;
        }
        res.writeHead(upstream.statusCode, {
          'content-type': 'application/json',
          'x-echo-authorization': String(req.headers.authorization),
          'retry-after': '0',
          'x-ratelimit-remaining': `99 ${CANARY_TOKEN}`,
        });
        res.end(text);
      })();
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const address = proxy.address();
    proxyUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    live = await recordRun({ ...settingsFor(sim, proxyUrl), apiKey: CANARY_KEY }, dir(), {
      redactEmails: true,
      secrets: [CANARY_TOKEN],
    });
  });
  afterAll(async () => {
    await new Promise((resolve) => proxy.close(resolve));
    await sim.stop();
  });

  it('the server did echo the canaries (else this test proves nothing)', () => {
    const raw = JSON.stringify(live.raw);
    expect(raw).toContain(CANARY_KEY);
    expect(raw).toContain(CANARY_TOKEN);
  });

  it('has the key and the token in no file, in no form', async () => {
    const text = await folderText(dir());
    for (const form of [CANARY_KEY, CANARY_TOKEN, Buffer.from(CANARY_KEY).toString('base64')]) {
      expect(text).not.toContain(form);
    }
    expect(text).not.toContain(sim.apiKey);
    expect(text).toContain('[REDACTED]');
  });

  it('has no email address or domain of the workspace', async () => {
    const raw = JSON.stringify(live.raw);
    const addresses = new Set([...raw.matchAll(EMAIL)].map((m) => m[0].toLowerCase()));
    const domains = new Set([...raw.matchAll(EMAIL)].map((m) => (m[1] ?? '').toLowerCase()));
    expect(addresses.size).toBeGreaterThan(20);
    const text = (await folderText(dir())).toLowerCase();
    const leaked = [...addresses, ...domains].filter((s) => text.includes(s));
    expect(leaked).toEqual([]);
  });

  it('is user-only: the folder 0700, its files 0600', async () => {
    expect((await stat(dir())).mode & 0o777).toBe(0o700);
    for (const name of await readdir(dir())) {
      expect((await stat(path.join(dir(), name))).mode & 0o777).toBe(0o600);
    }
  });

  it('replays to the same findings with the server gone', async () => {
    const replayed = await replay(dir());
    expect(replayed.missing).toEqual([]);
    expect(replayed.report.findings).toHaveLength(live.report.findings.length);
    expect(replayed.exitCode).toBe(live.exitCode);
  });
});
