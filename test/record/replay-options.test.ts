import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CHECK_IDS } from '../../src/checks/catalog.js';
import { loadRecording, replayRecording, replaySettings } from '../../src/record/run.js';
import { exitCodeFor } from '../../src/report/verdict.js';

/** `replay DIR --checks …, --config FILE, --fail-on …`: a new question asked of old answers. */
const DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'recordings',
  'simulator-broken',
);
let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'ih-replay-opts-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function run(overrides: Parameters<typeof replaySettings>[1]) {
  const recording = await loadRecording(DIR);
  const settings = await replaySettings(recording, overrides, {
    cwd: root,
    knownChecks: CHECK_IDS,
  });
  const result = await replayRecording(recording, settings);
  return { ...result, settings, exitCode: exitCodeFor(result.report, settings.failOn) };
}

describe('replay options', () => {
  it('--checks runs fewer suites from the same answers', async () => {
    const all = await run({});
    const some = await run({ checks: ['campaigns'] });
    expect(some.missing).toEqual([]);
    expect(some.settings.checks).toEqual(['auth', 'campaigns']);
    expect(some.report.findings.length).toBeGreaterThan(0);
    expect(some.report.findings.length).toBeLessThan(all.report.findings.length);
    expect(some.report.findings.every((f) => ['auth', 'campaigns'].includes(f.suite))).toBe(true);
  });

  it('--config replaces the recorded config, --fail-on the threshold', async () => {
    const file = path.join(root, 'health.yml');
    await writeFile(file, 'version: 1\nchecks: [webhooks]\n');
    const result = await run({ configPath: file, failOn: 'never' });
    expect(result.missing).toEqual([]);
    expect(result.settings.checks).toEqual(['auth', 'webhooks']);
    expect(result.report.findings.every((f) => ['auth', 'webhooks'].includes(f.suite))).toBe(true);
    expect(result.exitCode).toBe(0);
  });

  it('a config file that does not exist is a configuration error', async () => {
    await expect(run({ configPath: path.join(root, 'missing.yml') })).rejects.toThrow();
  });
});
