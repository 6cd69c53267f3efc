import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ActionRun } from '../e2e/runner.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { CASES as ALL_CASES, cliArgs, type BadInput } from './bad-input-cases.js';
import { runActionFromSource, runCliFromSource, type CliRun } from './process.js';

/**
 * Bad input through real processes, a smoke test of the process edge (exit codes, workflow
 * commands on stdout): the action reports `failed` (exit 1, a summary that says what is wrong,
 * outputs status=failed), the CLI exits 2, each names the file and line where there is one, and
 * not one request reaches the API. Every case runs in-process in bad-input.test.ts; here only
 * two, one from the config file and one from the inputs.
 */

const SMOKE = new Set(['invalid YAML', 'a key with whitespace']);
const CASES = ALL_CASES.filter((c) => SMOKE.has(c.name));

let sim: RunningSimulator;
const results = new Map<string, { action: ActionRun; cli: CliRun }>();

async function runCase(c: BadInput): Promise<void> {
  const workspace = await mkdtemp(path.join(tmpdir(), 'ih-bad-'));
  if (c.config !== undefined) {
    await mkdir(path.join(workspace, '.github'), { recursive: true });
    await writeFile(path.join(workspace, '.github', 'instantly-health.yml'), c.config);
  }
  const inputs: Record<string, string> = {
    'api-key': sim.keys.readOnly,
    'base-url': sim.url,
    ...c.inputs,
  };
  const action = await runActionFromSource({
    inputs,
    workspace,
    env: { GITHUB_API_URL: 'http://127.0.0.1:9' },
  });
  const { args, env } = cliArgs(c, inputs);
  const cli = await runCliFromSource(args, { cwd: workspace, env });
  results.set(c.name, { action, cli });
}

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'healthy' });
  const queue = [...CASES];
  await Promise.all(
    Array.from({ length: 2 }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) await runCase(c);
    }),
  );
}, 300_000);

afterAll(async () => {
  await sim.stop();
});

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  it('sends no request at all', () => {
    // The simulator is shared: one request from any case fails every case, which is the point.
    expect(sim.log.map((e) => `${e.method} ${e.path}`)).toEqual([]);
  });

  it('the action fails with a summary, outputs status=failed and the message', () => {
    const { action } = results.get(c.name) ?? { action: undefined };
    expect(action?.code).toBe(1);
    expect(action?.outputs.status).toBe('failed');
    expect(action?.summary).toMatch(/Failed/);
    // The summary escapes markdown, so the message is checked where it is printed plain.
    expect(action?.stdout).toMatch(c.says);
    expect(action?.stdout).not.toMatch(/stopped unexpectedly|TypeError|at .*\.ts:\d+/);
    if (c.line !== undefined) {
      expect(action?.stdout).toMatch(
        new RegExp(`::error [^\\n]*file=\\.github/instantly-health\\.yml,line=${c.line}[,:]`),
      );
    }
  });

  it('the CLI exits 2 with the message', () => {
    const { cli } = results.get(c.name) ?? { cli: undefined };
    expect(cli?.code).toBe(2);
    expect(cli?.stderr).toMatch(c.says);
    expect(cli?.stderr).not.toMatch(/TypeError|at .*\.ts:\d+/);
    if (c.line !== undefined) {
      expect(cli?.stderr).toMatch(new RegExp(`instantly-health\\.yml:${c.line}\\b`));
    }
  });
});
