import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

/**
 * Most cases call the CLI's main() in this process; the terminal colours and the demo run it as
 * a real process, as a user's shell does.
 */
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { expectValidReport } from '../report/validate.js';
import { runCli, runCliInProcess } from './run-cli.js';

let healthy: RunningSimulator;
let broken: RunningSimulator;

beforeAll(async () => {
  [healthy, broken] = await Promise.all([
    startSimulator({ scenario: 'healthy' }),
    startSimulator({ scenario: 'broken' }),
  ]);
});
afterAll(async () => {
  await Promise.all([healthy.stop(), broken.stop()]);
});

const keyFor = (sim: RunningSimulator) => ({ INSTANTLY_API_KEY: sim.apiKey });
// The simulator has no rate limit here; a high budget keeps the suite quick.
const check = (sim: RunningSimulator, ...args: string[]) => [
  'check',
  '--base-url',
  sim.url,
  '--rate-limit',
  '100',
  ...args,
];

describe('instantly-health check: exit codes', () => {
  it('exits 0 on a healthy workspace and says so', async () => {
    const run = await runCliInProcess(check(healthy), keyFor(healthy));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/HEALTHY/);
  });

  it('exits 1 when errors are found, and 0 with --fail-on never', async () => {
    const failing = await runCliInProcess(check(broken), keyFor(broken));
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/UNHEALTHY/);
    const never = await runCliInProcess(check(broken, '--fail-on', 'never'), keyFor(broken));
    expect(never.code).toBe(0);
  });

  it('exits 2 without INSTANTLY_API_KEY, naming the variable, and sends nothing', async () => {
    healthy.clearLog();
    const run = await runCliInProcess(check(healthy), {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('INSTANTLY_API_KEY');
    expect(run.stdout).toBe('');
    expect(healthy.log).toHaveLength(0);
  });

  it('exits 2 on an unknown flag with a suggestion and the usage', async () => {
    const run = await runCliInProcess([...check(healthy), '--fail-onn', 'never'], keyFor(healthy));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--fail-on');
    expect(run.stderr).toContain('Usage:');
  });

  it('exits 3 when the key is rejected, after a single request', async () => {
    broken.clearLog();
    const run = await runCliInProcess(check(broken), { INSTANTLY_API_KEY: broken.keys.revoked });
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/FAILED/i);
    expect(broken.log).toHaveLength(1);
    expect(run.stdout + run.stderr).not.toContain(broken.keys.revoked);
  });
});

describe('instantly-health check: formats and output', () => {
  it('--format json prints a report that validates against the published schema', async () => {
    const run = await runCliInProcess(check(broken, '--format', 'json'), keyFor(broken));
    const report = JSON.parse(run.stdout) as { status: string; findings: unknown[] };
    expectValidReport(report);
    expect(report.status).toBe('unhealthy');
    expect(report.findings.length).toBeGreaterThan(0);
  });

  it('--format markdown prints the job summary', async () => {
    const run = await runCliInProcess(check(broken, '--format', 'markdown'), keyFor(broken));
    expect(run.stdout).toMatch(/^## /);
    expect(run.stdout).toContain('### What to do first');
    expect(run.stdout).toContain('| Severity | Resource | Problems | Fix |');
  });

  it('--output writes the report to a file and keeps stdout empty', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ih-cli-'));
    const file = path.join(dir, 'report.json');
    const run = await runCliInProcess(
      check(healthy, '--format', 'json', '--output', file),
      keyFor(healthy),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expectValidReport(JSON.parse(await readFile(file, 'utf8')));
  });
});

describe('colour and progress', () => {
  it('colours a terminal, and not when NO_COLOR is set or output is piped', async () => {
    const tty = await runCli(check(broken), keyFor(broken), { tty: true });
    expect(tty.stdout).toContain('\x1b[');
    const noColor = await runCli(
      check(broken),
      { ...keyFor(broken), NO_COLOR: '1' },
      { tty: true },
    );
    expect(noColor.stdout).toMatch(/UNHEALTHY/);
    expect(noColor.stdout).not.toContain('\x1b[');
    const piped = await runCli(check(broken), keyFor(broken));
    expect(piped.stdout + piped.stderr).not.toContain('\x1b[');
  });
});

describe('instantly-health demo', () => {
  it('runs the real checks against a simulated workspace with no key and exits 0', async () => {
    const run = await runCli(['demo'], {});
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Acme Outbound');
    expect(run.stdout).toMatch(/UNHEALTHY/);
    expect(run.stderr).toContain('simulated workspace');
  });

  it('prints JSON with --format json', async () => {
    const run = await runCliInProcess(['demo', '--format', 'json'], {});
    expect(run.code).toBe(0);
    expectValidReport(JSON.parse(run.stdout));
  });
});

describe('--help and --version', () => {
  it('prints the usage and the version', async () => {
    const help = await runCliInProcess(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('instantly-health check');
    const version = await runCliInProcess(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
