/**
 * Bad input, in process, every case: the action (main.ts `run()` with @actions/core recorded)
 * reports `failed` with a summary, outputs status=failed and an annotation at the config file's
 * line; the CLI (`main()` of src/cli/main.ts) exits 2 and names the file and line; and not one
 * request reaches the API. bad-input-process.test.ts runs two of these as real processes.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { FakeCore } from '../agency/fake-core.js';
import { CASES, cliArgs, type BadInput } from './bad-input-cases.js';

const core = new FakeCore();
jest.unstable_mockModule('@actions/core', () => core.module);
const { run } = await import('../../src/main.js');
const { main } = await import('../../src/cli/main.js');

const SAVED_ENV = { ...process.env };
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'healthy' });
});

afterAll(async () => {
  await sim.stop();
  process.env = { ...SAVED_ENV };
});

/** What `act` wrote to stdout and stderr (workflow commands, messages). */
async function captured<T>(act: () => Promise<T>): Promise<{ value: T; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  try {
    return { value: await act(), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

async function workspaceFor(c: BadInput): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ih-bad-'));
  if (c.config !== undefined) {
    await mkdir(path.join(dir, '.github'), { recursive: true });
    await writeFile(path.join(dir, '.github', 'instantly-health.yml'), c.config);
  }
  return dir;
}

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  const inputs = () => ({ 'api-key': sim.keys.readOnly, 'base-url': sim.url, ...c.inputs });

  it('the action fails with a summary, outputs status=failed and the message, sending nothing', async () => {
    const dir = await workspaceFor(c);
    sim.clearLog();
    core.reset(inputs());
    Object.assign(process.env, {
      GITHUB_WORKSPACE: dir,
      RUNNER_TEMP: dir,
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
      GITHUB_API_URL: 'http://127.0.0.1:9',
      GITHUB_REPOSITORY: 'acme/ops',
    });
    try {
      await captured(() => run());
      expect(sim.log.map((e) => `${e.method} ${e.path}`)).toEqual([]);
      expect(core.failed).toHaveLength(1);
      expect(core.outputs.status).toBe('failed');
      expect(core.summary).toMatch(/Failed/);
      const errors = core.annotations.filter((a) => a.level === 'error');
      expect(errors.map((a) => a.message).join('\n')).toMatch(c.says);
      expect(core.failed[0]).not.toMatch(/stopped unexpectedly|TypeError|at .*\.ts:\d+/);
      if (c.line !== undefined) {
        expect(errors).toContainEqual(
          expect.objectContaining({ file: '.github/instantly-health.yml', startLine: c.line }),
        );
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the CLI exits 2 with the message, sending nothing', async () => {
    const dir = await workspaceFor(c);
    sim.clearLog();
    const { args, env } = cliArgs(c, inputs());
    try {
      const { value: code, err } = await captured(() =>
        main(args, { cwd: dir, env: { PATH: process.env.PATH ?? '', ...env } }),
      );
      expect(sim.log).toEqual([]);
      expect(code).toBe(2);
      expect(err).toMatch(c.says);
      expect(err).not.toMatch(/TypeError|at .*\.ts:\d+/);
      if (c.line !== undefined) {
        expect(err).toMatch(new RegExp(`instantly-health\\.yml:${c.line}\\b`));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
