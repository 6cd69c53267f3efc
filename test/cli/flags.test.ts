import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { forSurface, HINTS } from '../../src/checks/hints.js';
import { emit } from '../../src/publish/terminal.js';
import { NAMED_SCENARIOS } from '../../src/simulator/scenarios.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { unhealthyReport } from '../report/fixtures.js';
import { runCliInProcess } from './run-cli.js';

/** Issue 16's CLI items, in process through main(): what a user types and sees. */

let broken: RunningSimulator;
let gated: RunningSimulator;

beforeAll(async () => {
  [broken, gated] = await Promise.all([
    startSimulator({ scenario: 'broken' }),
    // A ready draft in a workspace that also has a disabled webhook (unrelated to the draft).
    startSimulator({
      scenario: {
        ...NAMED_SCENARIOS['early-warning'],
        problems: { ...NAMED_SCENARIOS['early-warning'].problems, 'webhook.disabled': 1 },
      },
    }),
  ]);
});
afterAll(async () => {
  await Promise.all([broken.stop(), gated.stop()]);
});

const check = (sim: RunningSimulator, ...args: string[]) => [
  'check',
  '--base-url',
  sim.url,
  '--rate-limit',
  '100',
  ...args,
];
const keyFor = (sim: RunningSimulator) => ({ INSTANTLY_API_KEY: sim.apiKey });

describe('--quiet and --verbose', () => {
  it('--quiet prints only the verdict line, with the same exit code', async () => {
    const run = await runCliInProcess(check(broken, '--quiet'), keyFor(broken));
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stdout).toMatch(/^✖ UNHEALTHY {2}\d+ errors/);
    expect(run.stderr).toBe('');
  });

  it('--verbose logs every request on stderr, redacted, and the report stays on stdout', async () => {
    const run = await runCliInProcess(check(broken, '--verbose'), keyFor(broken));
    expect(run.code).toBe(1);
    const log = run.stderr.split('\n').filter((l) => l.includes('-> HTTP'));
    expect(log.length).toBeGreaterThan(3);
    expect(log.some((l) => l.includes('GET /campaigns'))).toBe(true);
    expect(run.stderr).not.toContain(broken.apiKey);
    expect(run.stdout).not.toContain('-> HTTP');
    expect(run.stdout).toContain('What to do first');
  });

  it('refuses --quiet with --verbose, before any request', async () => {
    broken.clearLog();
    const run = await runCliInProcess(check(broken, '--quiet', '--verbose'), keyFor(broken));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--quiet: and --verbose cannot be used together');
    expect(broken.log).toHaveLength(0);
  });
});

describe('--no-color', () => {
  const terminal = () => {
    let out = '';
    const stream = {
      isTTY: true,
      columns: 100,
      write: (chunk: string) => ((out += chunk), true),
    } as unknown as NodeJS.WriteStream;
    return { stream, text: () => out };
  };

  it('turns colour off on a terminal, as NO_COLOR does', async () => {
    const coloured = terminal();
    await emit(
      { kind: 'single', report: unhealthyReport },
      { format: 'text' },
      coloured.stream,
      {},
    );
    expect(coloured.text()).toContain('\u001b[');
    const plain = terminal();
    await emit(
      { kind: 'single', report: unhealthyReport },
      { format: 'text', noColor: true },
      plain.stream,
      {},
    );
    expect(plain.text()).not.toContain('\u001b[');
    expect(plain.text()).toMatch(/UNHEALTHY/);
  });

  it('is a flag of check (and demo, replay)', async () => {
    const run = await runCliInProcess(check(broken, '--no-color', '--quiet'), keyFor(broken));
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('\u001b[');
  });
});

describe('checked before the first request', () => {
  it('--output in a folder that does not exist: exit 2, nothing sent', async () => {
    broken.clearLog();
    const run = await runCliInProcess(
      check(broken, '--output', '/nonexistent-folder-ih/r.md'),
      keyFor(broken),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--output: the folder /nonexistent-folder-ih does not exist');
    expect(broken.log).toHaveLength(0);
  });

  it('--output naming a folder: exit 2, nothing sent; a relative file is written from cwd', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ih-flags-'));
    broken.clearLog();
    const folder = await runCliInProcess(check(broken, '--output', dir), keyFor(broken));
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('is a folder');
    expect(broken.log).toHaveLength(0);
    const file = await runCliInProcess(
      check(broken, '--format', 'json', '--output', 'r.json'),
      keyFor(broken),
      { cwd: dir },
    );
    expect(file.code).toBe(1);
    expect(JSON.parse(await readFile(path.join(dir, 'r.json'), 'utf8'))).toHaveProperty(
      'status',
      'unhealthy',
    );
  });

  it('--checks "" is a usage error, not every suite', async () => {
    broken.clearLog();
    const run = await runCliInProcess(check(broken, '--checks', ''), keyFor(broken));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--checks: needs at least one suite');
    expect(broken.log).toHaveLength(0);
  });
});

describe('hints speak the CLI', () => {
  it('the missing-key hint reads the key with read -rs, and claims no history safety for export', async () => {
    const run = await runCliInProcess(check(broken), {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('read -rs INSTANTLY_API_KEY && export INSTANTLY_API_KEY');
    expect(run.stderr).not.toMatch(/export INSTANTLY_API_KEY=/);
    const flag = await runCliInProcess([...check(broken), '--api-key', 'x'], keyFor(broken));
    expect(flag.stderr).toContain('read -rs');
    expect(flag.stderr).not.toMatch(/export INSTANTLY_API_KEY=/);
  });

  it('a rejected key is fixed with the environment variable, not a secret (the CLI report)', async () => {
    const run = await runCliInProcess(check(broken), { INSTANTLY_API_KEY: broken.keys.revoked });
    expect(run.code).toBe(3);
    const text = run.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('`INSTANTLY_API_KEY` environment variable');
    expect(text).not.toContain('secret');
  });

  it('a missing --config file is relative to the current directory, not the repository root', async () => {
    const run = await runCliInProcess(check(broken, '--config', 'missing.yml'), keyFor(broken));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('relative to the current directory');
    expect(run.stderr).not.toContain('repository root');
  });

  it('setting hints name flags and environment variables in the CLI, inputs and secrets in the action', () => {
    const report = {
      ...unhealthyReport,
      findings: unhealthyReport.findings.map((f, i) =>
        i === 0 ? { ...f, remediation: HINTS.timeout } : f,
      ),
      failure: { cause: 'auth', message: 'rejected', remediation: HINTS.invalidKey },
    };
    const cli = forSurface(report, 'cli');
    expect(cli.findings[0]?.remediation).toBe(
      'Raise `--timeout`, or narrow what is checked (`--checks`, `--campaign`, or `campaigns.include` in the config file) so the run fits in it.',
    );
    expect(cli.failure?.remediation).toContain('`INSTANTLY_API_KEY` environment variable');
    expect(cli.failure?.remediation).toContain('read -rs INSTANTLY_API_KEY');
    expect(cli.failure?.remediation).not.toContain('secret');
    for (const hint of [HINTS.unreachable, HINTS.rateLimited, HINTS.workspaceRefused]) {
      const text = forSurface(
        { ...report, failure: { ...report.failure, remediation: hint } },
        'cli',
      ).failure?.remediation;
      expect(text).not.toMatch(/input|next schedule|runner/);
      expect(text).toMatch(/`--(base-url|rate-limit|workspace-id)`/);
    }
    // The action keeps its own words; other text is untouched.
    expect(forSurface(report, 'action')).toBe(report);
    expect(HINTS.timeout).toContain('the `timeout` input');
    expect(cli.findings.slice(1)).toEqual(report.findings.slice(1));
  });

  it('the usage lists --quiet, --verbose and --no-color', async () => {
    const help = await runCliInProcess(['--help']);
    for (const flag of ['--quiet', '--verbose', '--no-color']) expect(help.stdout).toContain(flag);
  });
});

describe('the launch gate judges only what the launch needs', () => {
  it('exits 0 for a ready draft although a webhook elsewhere is disabled', async () => {
    const draft = gated.data.workspace.readyDraft?.id ?? '';
    const whole = await runCliInProcess(check(gated, '--format', 'json'), keyFor(gated));
    const report = JSON.parse(whole.stdout) as { findings: { check: string }[] };
    // The workspace does have the disabled webhook...
    expect(report.findings.map((f) => f.check)).toContain('webhook.status');
    // ...and it does not block the draft's launch.
    const run = await runCliInProcess(
      check(gated, '--campaign', draft, '--format', 'json'),
      keyFor(gated),
    );
    expect(run.code).toBe(0);
    const gate = JSON.parse(run.stdout) as { suites: { name: string }[] };
    expect(gate.suites.map((s) => s.name)).toEqual(['auth', 'campaigns', 'accounts']);
  });
});
