/**
 * The runs that go wrong, each run by the bundle as the runner runs it: a revoked key, a config
 * file with a typo, a token that cannot write issues, and an API that stops answering. Whatever
 * happens, the step still writes its outputs, its job summary and a valid JSON report, and says
 * what to fix.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { FakeGitHub } from '../fakes/github/server.js';
import { runAction } from './runner.js';
import {
  errorCommands,
  expectArtefacts,
  REPOSITORY,
  requireBundle,
  smallWorkspace,
  summaryText,
  workspaceWithConfig,
} from './stories.js';

let sim: RunningSimulator;
let gh: FakeGitHub;

beforeAll(async () => {
  requireBundle();
  sim = await startSimulator({ scenario: smallWorkspace({ 'campaign.bounce_protect': 1 }) });
});

afterAll(async () => {
  await sim.stop();
});

beforeEach(async () => {
  sim.setFaults([]);
  sim.clearLog();
  gh = await FakeGitHub.start(REPOSITORY);
});

afterEach(async () => {
  // Whatever the action sent GitHub matched GitHub's API description.
  expect(gh.violations).toEqual([]);
  await gh.close();
});

const requestsDuring = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const before = sim.counts().requests;
  const result = await work();
  return [result, sim.counts().requests - before];
};

describe('when something goes wrong', () => {
  it('a revoked key fails the step after one request, and the summary says to create a new key', async () => {
    const [run, requests] = await requestsDuring(() =>
      runAction({
        inputs: { 'api-key': sim.keys.revoked, 'base-url': sim.url },
        env: { GITHUB_API_URL: gh.url },
      }),
    );
    expect(run.code).toBe(1);
    expect(requests).toBe(1);
    const report = await expectArtefacts(run);
    expect(report.status).toBe('failed');
    expect(report.failure?.cause).toBe('auth');
    expect(run.outputs).toMatchObject({ status: 'failed', 'issue-number': '' });
    const summary = summaryText(run);
    expect(summary).toContain('Failed: could not check the workspace');
    expect(summary).toContain('Instantly rejected the API key (401)');
    expect(summary).toContain('Create a new API v2 key');
    // The key never reaches the log unmasked: the runner masks what ::add-mask:: names.
    expect(run.stdout).toContain(`::add-mask::${sim.keys.revoked}`);
    expect(run.stdout.split(sim.keys.revoked)).toHaveLength(2);
    // A run that checked nothing opens no issue.
    expect(gh.writes()).toEqual([]);
  }, 30_000);

  it('a config file with an unknown key fails before any request, naming the file, the line and the key', async () => {
    const workspace = await workspaceWithConfig(
      [
        'version: 1',
        'campaigns:',
        '  bounce_rate:',
        '    warning: 0.03',
        '  min_remaning_leads: 2',
        '',
      ].join('\n'),
    );
    const [run, requests] = await requestsDuring(() =>
      runAction({
        inputs: { 'api-key': sim.apiKey, 'base-url': sim.url },
        env: { GITHUB_API_URL: gh.url },
        workspace,
      }),
    );
    expect(run.code).toBe(1);
    expect(requests).toBe(0);
    const report = await expectArtefacts(run);
    expect(report.failure?.cause).toBe('config');
    const summary = summaryText(run);
    expect(summary).toContain(
      '.github/instantly-health.yml:5:3: campaigns.min_remaning_leads: unknown key; did you mean "min_remaining_leads"?',
    );
    // The annotation points at the line in the file, so GitHub shows it there.
    expect(run.stdout).toMatch(
      /^::error title=[^,]*,file=\.github\/instantly-health\.yml,line=5,col=3::campaigns\.min_remaning_leads: unknown key/m,
    );
    expect(gh.requests).toEqual([]);
  }, 30_000);

  it('a token without issues: write still writes the summary and report, and names the permission to add', async () => {
    gh.readOnly = true;
    const run = await runAction({
      // fail-on never: the step fails only because the tracking issue could not be written.
      inputs: { 'api-key': sim.apiKey, 'base-url': sim.url, 'fail-on': 'never' },
      env: { GITHUB_API_URL: gh.url },
    });
    expect(run.code).toBe(1);
    const report = await expectArtefacts(run);
    expect(report.status).toBe('unhealthy');
    const summary = summaryText(run);
    expect(summary).toContain('Unhealthy');
    expect(summary).toMatch(
      /Tracking issue not updated: .*Add `permissions: issues: write` to the workflow or job\./,
    );
    expect(run.outputs['issue-number']).toBe('');
    const errors = errorCommands(run.stdout).filter((e) =>
      e.includes('permissions: issues: write'),
    );
    expect(errors.length).toBeGreaterThan(0);
    expect(gh.issues()).toEqual([]);
    expect(gh.writes().length).toBeGreaterThan(0);
    expect(gh.writes().every((w) => w.status === 403)).toBe(true);
  }, 30_000);

  it('an API that stops answering ends the run at the timeout, with unknown findings and a report', async () => {
    sim.setFaults([{ kind: 'hang', path: '/campaigns', times: 'always' }]);
    const timeout = 3;
    const grace = 10;
    const run = await runAction({
      inputs: { 'api-key': sim.apiKey, 'base-url': sim.url, timeout: String(timeout) },
      env: { GITHUB_API_URL: gh.url },
      // runAction rejects if the process outlives this: the run must end by itself.
      timeoutMs: (timeout + grace) * 1000,
    });
    const report = await expectArtefacts(run);
    const timedOut = report.findings.filter((f) => f.check === 'suite.timeout');
    expect(timedOut.map((f) => f.severity)).toEqual(timedOut.map(() => 'unknown'));
    expect(timedOut.map((f) => f.resource.id)).toContain('campaigns');
    expect(report.status).toBe('degraded');
    // A suite that timed out is blind (contract section 6): the default fail-on: error fails the
    // step, saying which suite, while the status stays degraded (unknown findings, no error).
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::.*campaigns/);
    expect(summaryText(run)).toContain('The campaigns checks did not finish: timed out after 3 s.');
  }, 30_000);
});
