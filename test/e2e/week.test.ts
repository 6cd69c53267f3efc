/**
 * A scheduled week, run by the bundle exactly as the runner runs it: healthy, a regression, an
 * unchanged run, a change, a recovery. Each run gets a freshly started simulator with the day's
 * data (same seed and clock, so the workspace and its resources keep their ids) and the same fake
 * GitHub, which keeps the tracking issue between runs as GitHub would.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSimulator, type ScenarioSpec } from '../../src/simulator/index.js';
import { FakeGitHub } from '../fakes/github/server.js';
import { runAction, type ActionRun } from './runner.js';
import {
  expectArtefacts,
  REPOSITORY,
  requireBundle,
  smallWorkspace,
  summaryText,
} from './stories.js';

const NOW = new Date();
let gh: FakeGitHub;

beforeAll(async () => {
  requireBundle();
  gh = await FakeGitHub.start(REPOSITORY);
});

afterAll(async () => {
  await gh.close();
});

/** One scheduled run against the workspace as `spec` describes it; returns the writes it made. */
async function scheduledRun(spec: ScenarioSpec) {
  const sim = await startSimulator({ scenario: spec, now: NOW });
  const before = gh.requests.length;
  try {
    const run: ActionRun = await runAction({
      inputs: { 'api-key': sim.apiKey, 'base-url': sim.url },
      env: { GITHUB_API_URL: gh.url },
    });
    const report = await expectArtefacts(run);
    const writes = gh.requests
      .slice(before)
      .filter((r) => r.method !== 'GET')
      .map((r) => r.operationId);
    return { run, report, writes, injected: sim.data.injected };
  } finally {
    await sim.stop();
  }
}

const healthy = smallWorkspace();
const bounceProtect = smallWorkspace({ 'campaign.bounce_protect': 1 });
const bounceProtectAndWebhook = smallWorkspace({
  'campaign.bounce_protect': 1,
  'webhook.disabled': 1,
});

describe('a scheduled week', () => {
  it('opens the issue on a regression, stays quiet when unchanged, comments once on a change, and closes on recovery', async () => {
    // Monday: healthy. No issue, nothing written, the step passes.
    const monday = await scheduledRun(healthy);
    expect(monday.run.code).toBe(0);
    expect(monday.run.outputs).toMatchObject({
      status: 'healthy',
      errors: '0',
      regressed: 'false',
      'issue-number': '',
      'issue-url': '',
    });
    expect(summaryText(monday.run)).toContain('No problems found.');
    expect(monday.writes).toEqual([]);
    expect(gh.issues()).toEqual([]);

    // Tuesday: Bounce Protect pauses a campaign. The issue opens, the step fails.
    const tuesday = await scheduledRun(bounceProtect);
    const paused = tuesday.injected[0]?.resource;
    expect(paused?.type).toBe('campaign');
    expect(tuesday.run.code).toBe(1);
    expect(tuesday.run.outputs).toMatchObject({
      status: 'unhealthy',
      regressed: 'true',
      'issue-number': '1',
    });
    expect(tuesday.run.outputs['issue-url']).toMatch(/\/acme\/outbound\/issues\/1$/);
    expect(tuesday.report.findings.map((f) => f.check)).toContain('campaign.status');
    expect(tuesday.writes).toEqual(['issues/create-label', 'issues/create']);
    const [opened] = gh.openIssues();
    expect(opened).toMatchObject({
      number: 1,
      title: 'Instantly health: Acme Outbound',
      labels: ['instantly-health'],
      comments: [],
    });
    expect(opened?.body).toContain(paused?.name);
    expect(opened?.body).toContain('Bounce Protect');
    expect(tuesday.run.summary).toContain(`[Tracking issue](${tuesday.run.outputs['issue-url']})`);
    expect(tuesday.run.stdout).toMatch(/^::error title=campaign\.status/m);

    // Wednesday: the same problem. The body is rewritten, no comment, no new issue.
    const wednesday = await scheduledRun(bounceProtect);
    expect(wednesday.run.code).toBe(1);
    expect(wednesday.run.outputs).toMatchObject({ regressed: 'false', 'issue-number': '1' });
    expect(wednesday.writes).not.toContain('issues/create-comment');
    expect(wednesday.writes).not.toContain('issues/create');
    expect(gh.issues()).toHaveLength(1);
    expect(gh.issue(1)?.comments).toEqual([]);

    // Thursday: a webhook is disabled too. Exactly one comment, naming what is new.
    const thursday = await scheduledRun(bounceProtectAndWebhook);
    const webhook = thursday.injected.find((p) => p.resource.type === 'webhook')?.resource;
    expect(thursday.run.code).toBe(1);
    expect(thursday.run.outputs).toMatchObject({ regressed: 'true', 'issue-number': '1' });
    expect(thursday.writes.filter((w) => w === 'issues/create-comment')).toHaveLength(1);
    const afterChange = gh.issue(1);
    expect(afterChange?.state).toBe('open');
    expect(afterChange?.comments).toHaveLength(1);
    expect(afterChange?.comments[0]?.body).toContain('1 new error');
    expect(afterChange?.comments[0]?.body).toContain(webhook?.name);
    expect(afterChange?.body).toContain(webhook?.name);

    // Friday: everything recovered. A closing comment, then the issue is closed.
    const friday = await scheduledRun(healthy);
    expect(friday.run.code).toBe(0);
    expect(friday.run.outputs).toMatchObject({
      status: 'healthy',
      regressed: 'false',
      'issue-number': '1',
    });
    const closed = gh.issue(1);
    expect(closed?.state).toBe('closed');
    expect(closed?.state_reason).toBe('completed');
    expect(closed?.comments).toHaveLength(2);
    expect(closed?.comments[1]?.body).toMatch(/^Recovered after .+: no error finding remains\./);
    expect(closed?.comments[1]?.body).toContain(paused?.name);
    // Closed first, then the "Recovered" comment: a close that fails leaves no comment to repeat.
    expect(friday.writes.indexOf('issues/update')).toBeLessThan(
      friday.writes.indexOf('issues/create-comment'),
    );
    expect(gh.issues()).toHaveLength(1);

    // Every request the action sent GitHub, and every answer, matched GitHub's API description.
    expect(gh.violations).toEqual([]);
  }, 90_000);
});
