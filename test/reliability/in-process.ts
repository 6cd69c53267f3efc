/**
 * The action in this process: src/main.ts `run()` with @actions/core recorded by FakeCore, the
 * inputs as the runner passes them (every action.yml default filled in, as test/e2e/runner.ts
 * does), and stdout captured (the `::add-mask::` and `::debug::` lines the action writes itself
 * before loading @actions/core). What @actions/core would have printed (annotations, info) is
 * rendered into `stdout` as workflow commands, so a test reads one log as from a process.
 *
 * The caller must have installed FakeCore with
 * `jest.unstable_mockModule('@actions/core', () => core.module)` before this module loads main.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import type { FakeCore } from '../agency/fake-core.js';
import { actionDefinition, type ActionRun } from '../e2e/runner.js';

export async function runActionInProcess(
  core: FakeCore,
  options: { inputs: Record<string, string>; env?: Record<string, string> },
): Promise<ActionRun> {
  const { run } = await import('../../src/main.js');
  const dir = await mkdtemp(path.join(tmpdir(), 'ih-inproc-'));
  const summaryFile = path.join(dir, 'summary.md');
  await writeFile(summaryFile, '');
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries((await actionDefinition()).inputs)) {
    inputs[name] = spec.default === '${{ github.token }}' ? 'ghs_e2etoken' : (spec.default ?? '');
  }
  Object.assign(inputs, options.inputs);

  const saved = { ...process.env };
  core.reset(inputs);
  Object.assign(process.env, {
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'acme/outbound',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    ...options.env,
  });
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    stderr += String(chunk);
    return true;
  });
  try {
    await run({ github: { retryAfterBaseMs: 1, spaceWrites: false } });
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.env = saved;
  }
  const commands = [
    ...core.logs,
    ...core.annotations.map((a) => `::${a.level} title=${a.title ?? ''}::${a.message}`),
    ...core.failed.map((m) => `::error::${m}`),
  ];
  return {
    code: core.failed.length > 0 ? 1 : 0,
    stdout: `${stdout}${commands.join('\n')}\n`,
    stderr,
    outputs: { ...core.outputs },
    summary: core.summary,
    dir,
  };
}
