import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { FakeCore } from '../agency/fake-core.js';
import { FakeGitHub } from '../fakes/github/server.js';
import { runActionInProcess } from '../reliability/in-process.js';

const core = new FakeCore();
jest.unstable_mockModule('@actions/core', () => core.module);

/**
 * Issue 15: a cancelled run (the runner sends SIGINT, then SIGTERM) writes what it knows: the
 * report, the outputs and a summary saying it was cancelled, instead of dying with nothing.
 */

let sim: RunningSimulator;
let gh: FakeGitHub;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'broken', seed: 3 });
  gh = await FakeGitHub.start({ owner: 'acme', repo: 'outbound' });
});

afterAll(async () => {
  await sim.stop();
  await gh.close();
});

describe('SIGTERM during the checks', () => {
  it('ends the run with the report, the outputs and a summary that says it was cancelled', async () => {
    // Campaign requests never answer: without the signal the run would wait for `timeout`.
    sim.setFaults([{ kind: 'hang', path: /^\/campaigns/, times: 'always' }]);
    const running = runActionInProcess(core, {
      inputs: { 'api-key': sim.apiKey, 'base-url': sim.url, timeout: '600' },
      env: { GITHUB_API_URL: gh.url },
    });
    // Let the run reach its requests, then cancel it as the runner does.
    for (let i = 0; i < 300 && sim.counts().requests < 3; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    process.emit('SIGTERM', 'SIGTERM');
    const run = await running;
    expect(run.summary).toMatch(/^> \[!WARNING\]\n> The run was cancelled/);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::The run was cancelled/);
    expect(run.outputs.status).toBeDefined();
    const report = JSON.parse(await readFile(run.outputs['report-path'] ?? '', 'utf8')) as {
      status: string;
    };
    expect(report.status).toBe(run.outputs.status);
    // The handlers are gone once the run is over.
    expect(process.listenerCount('SIGTERM')).toBe(0);
  });
});
