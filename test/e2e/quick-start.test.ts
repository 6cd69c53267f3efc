/**
 * The README's quick start, as a new user follows it: the committed example workflow's inputs
 * (the secret holding the key), the README's example config file in the repository, and the
 * first manual run. Only `base-url` is added, to reach the simulator instead of Instantly.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { FakeGitHub } from '../fakes/github/server.js';
import { ROOT, runAction } from './runner.js';
import {
  expectArtefacts,
  REPOSITORY,
  requireBundle,
  smallWorkspace,
  summaryText,
  workspaceWithConfig,
} from './stories.js';

interface Step {
  uses?: string;
  with?: Record<string, string>;
}

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** The `with:` of the action's step in the example workflow users copy. */
function exampleInputs(): Record<string, string> {
  const workflow = parse(read('.github/workflows/instantly-health.yml')) as {
    jobs: Record<string, { steps: Step[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const step = steps.find((s) => s.uses?.startsWith('instantly-health/'));
  if (!step?.with) throw new Error('the example workflow has no instantly-health step');
  return step.with;
}

/** The config file of the README's quick start, step 3. */
function readmeConfigExample(): string {
  const block = /\*\*3\. Optionally[\s\S]*?```yaml\n([\s\S]*?)```/.exec(read('README.md'))?.[1];
  if (!block) throw new Error("README.md's quick start has no example config file");
  return block;
}

let sim: RunningSimulator;
let gh: FakeGitHub;

beforeAll(async () => {
  requireBundle();
  sim = await startSimulator({ scenario: smallWorkspace({ 'campaign.bounce_protect': 1 }) });
  gh = await FakeGitHub.start(REPOSITORY);
});

afterAll(async () => {
  await sim.stop();
  await gh.close();
});

describe("the README's quick start", () => {
  it('runs with the example workflow and the example config file, and opens the issue', async () => {
    const inputs = exampleInputs();
    expect(inputs).toEqual({ 'api-key': '${{ secrets.INSTANTLY_API_KEY }}' });
    const workspace = await workspaceWithConfig(readmeConfigExample());
    const run = await runAction({
      inputs: { ...inputs, 'api-key': sim.apiKey, 'base-url': sim.url },
      env: { GITHUB_API_URL: gh.url, GITHUB_EVENT_NAME: 'workflow_dispatch' },
      workspace,
    });
    const report = await expectArtefacts(run);
    // The config file was accepted and used: nothing failed, the run found the broken campaign.
    expect(report.status).toBe('unhealthy');
    expect(report.findings.map((f) => f.check)).toContain('campaign.status');
    expect(run.code).toBe(1);
    expect(summaryText(run)).toContain('Tracking issue');
    expect(gh.openIssues()).toHaveLength(1);
    expect(gh.violations).toEqual([]);
  }, 30_000);
});
