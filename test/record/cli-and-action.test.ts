import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runActionFromSource, runCliFromSource } from '../reliability/process.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { recordRequestFromInput } from '../../src/record/action.js';

/**
 * The "done when", as a user runs it: `check --record DIR` against the broken scenario,
 * the simulator stopped, then `replay DIR`: the same fingerprints and exit code.
 */
const TOKEN = 'ghs_CanaryToken0123456789abcdefABCDEF0123';
let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'ih-record-cli-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

interface JsonReport {
  findings: { fingerprint: string }[];
}
const prints = (r: JsonReport) => r.findings.map((f) => f.fingerprint).sort();

describe('CLI: check --record DIR, then replay DIR with the simulator stopped', () => {
  it('same fingerprints and exit code, emails kept (--no-redact-emails)', async () => {
    const dir = path.join(root, 'plain');
    const sim: RunningSimulator = await startSimulator({ scenario: 'broken' });
    const env = { INSTANTLY_API_KEY: sim.apiKey, GITHUB_TOKEN: TOKEN };
    const live = await runCliFromSource(
      ['check', '--base-url', sim.url, '--record', dir, '--no-redact-emails', '--format', 'json'],
      { env },
    );
    await sim.stop();
    expect(live.stderr).toContain(`written to ${dir}`);
    const replayed = await runCliFromSource(['replay', dir, '--format', 'json']);
    expect(replayed.stderr).toBe('');
    expect(live.code).toBe(1);
    expect(replayed.code).toBe(live.code);
    expect(prints(JSON.parse(replayed.stdout) as JsonReport)).toEqual(
      prints(JSON.parse(live.stdout) as JsonReport),
    );
    const text = (
      await Promise.all((await readdir(dir)).map((n) => readFile(path.join(dir, n), 'utf8')))
    ).join('');
    expect(text).not.toContain(sim.apiKey);
  }, 60_000);

  it('by default the recording is pseudonymised, and replays to its own report', async () => {
    const dir = path.join(root, 'redacted');
    const sim = await startSimulator({ scenario: 'broken' });
    const live = await runCliFromSource(
      ['check', '--base-url', sim.url, '--record', dir, '--format', 'json'],
      { env: { INSTANTLY_API_KEY: sim.apiKey } },
    );
    await sim.stop();
    const domain = /@([a-z0-9.-]+\.[a-z]{2,})/.exec(live.stdout)?.[1] ?? 'no email in the report';
    const recorded = JSON.parse(
      await readFile(path.join(dir, 'report.json'), 'utf8'),
    ) as JsonReport;
    expect(JSON.stringify(recorded)).not.toContain(domain);
    expect(JSON.stringify(recorded)).toContain('@domain1.example');
    const replayed = await runCliFromSource(['replay', dir, '--format', 'json']);
    expect(replayed.code).toBe(live.code);
    expect(prints(JSON.parse(replayed.stdout) as JsonReport)).toEqual(prints(recorded));
  }, 60_000);

  it('replay of a folder that is not a recording is a usage error (exit 2)', async () => {
    const run = await runCliFromSource(['replay', path.join(root, 'nothing-here')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not a recording');
  }, 30_000);
});

describe('action: the record input', () => {
  it('writes a user-only recording under RUNNER_TEMP', async () => {
    const sim = await startSimulator({ scenario: 'healthy' });
    try {
      const run = await runActionFromSource({
        inputs: {
          'api-key': sim.apiKey,
          'base-url': sim.url,
          'create-issue': 'false',
          'github-token': TOKEN,
          record: 'instantly-recording',
        },
      });
      const dir = path.join(run.dir, 'instantly-recording');
      expect(run.stdout).toContain(`written to ${dir}`);
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
      expect((await readdir(dir)).sort()).toEqual([
        'README.md',
        'exchanges.json',
        'recording.json',
        'report.json',
        'settings.json',
      ]);
      const settings = await readFile(path.join(dir, 'settings.json'), 'utf8');
      expect(settings).not.toContain(sim.apiKey);
      expect(settings).not.toContain(TOKEN);
    } finally {
      await sim.stop();
    }
  }, 60_000);

  it('is off when empty, and stays under RUNNER_TEMP', () => {
    expect(recordRequestFromInput('', '/tmp/runner')).toBeUndefined();
    expect(recordRequestFromInput('rec', '/tmp/runner')).toEqual({
      dir: '/tmp/runner/rec',
      redactEmails: true,
    });
    expect(() => recordRequestFromInput('../elsewhere', '/tmp/runner')).toThrow(
      /folder name under RUNNER_TEMP/,
    );
    expect(() => recordRequestFromInput('/etc/x', '/tmp/runner')).toThrow(/under RUNNER_TEMP/);
  });
});
