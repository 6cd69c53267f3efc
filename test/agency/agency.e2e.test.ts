/**
 * End to end, in process: the action (main.ts `run()` and the agency glue) against the Instantly
 * simulator and the fake GitHub, with @actions/core recorded. Three sub-workspaces through one
 * agency key, one tracking issue each, one shared rate budget; opt-in remediation in dry-run and
 * real mode.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import type { Report } from '../../src/model/report.js';
import { readMarker } from '../../src/tracking/marker.js';
import { FakeGitHub } from '../fakes/github/server.js';
import { renderGfm, tableShapes, textOf } from '../report/gfm.js';
import { FakeCore } from './fake-core.js';

const core = new FakeCore();
jest.unstable_mockModule('@actions/core', () => core.module);
const { run } = await import('../../src/main.js');

const RATE = 10;
const SAVED_ENV = { ...process.env };

let sim: RunningSimulator;
let gh: FakeGitHub;
let dir: string;

beforeEach(async () => {
  sim = await startSimulator({ scenario: 'healthy', seed: 7 });
  gh = await FakeGitHub.start({ owner: 'acme', repo: 'ops' });
  dir = await mkdtemp(path.join(tmpdir(), 'agency-e2e-'));
  await mkdir(path.join(dir, '.github'), { recursive: true });
  Object.assign(process.env, {
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: 'acme/ops',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42',
  });
});

afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await sim.stop();
  await gh.close();
  await rm(dir, { recursive: true, force: true });
  process.env = { ...SAVED_ENV };
});

function subs() {
  const [a, b, c] = sim.data.subWorkspaces;
  if (!a || !b || !c) throw new Error('the simulator has three sub-workspaces');
  return { a, b, c };
}

function workspacesYaml(): string {
  const { a, b, c } = subs();
  return [
    'workspaces:',
    `  - { id: "${a.workspace.id}", name: "Client A" }`,
    `  - { id: "${b.workspace.id}" }`,
    `  - { id: "${c.workspace.id}", name: "Client C" }`,
    '',
  ].join('\n');
}

const INPUTS = () => ({
  'api-key': sim.keys.agency,
  'base-url': sim.url,
  'github-token': 'ghs_fake_token',
  checks: 'auth,campaigns,accounts,webhooks',
  config: '.github/instantly-health.yml',
  'create-issue': 'true',
  'issue-labels': 'instantly-health',
  'fail-on': 'error',
  'rate-limit': String(RATE),
  timeout: '120',
});

async function runAction(
  configYaml: string,
  via: 'runner' | 'fast' = 'fast',
  inputs: Record<string, string> = {},
) {
  await writeFile(path.join(dir, '.github/instantly-health.yml'), configYaml);
  core.reset({ ...INPUTS(), ...inputs });
  sim.clearLog();
  // The runner's defaults space GitHub writes a second apart; `fast` turns that off.
  await run(via === 'fast' ? { github: { retryAfterBaseMs: 1, spaceWrites: false } } : {});
  const combined = JSON.parse(await readFile(core.outputs['report-path'] ?? '', 'utf8')) as {
    status: string;
    workspaces: { id: string; name: string; status: string; issueUrl?: string; report: Report }[];
  };
  return combined;
}

function issueOf(workspaceId: string) {
  const issues = gh.issues().filter((i) => readMarker(i.body).workspaceId === workspaceId);
  return { issues, open: issues.filter((i) => i.state === 'open') };
}

/**
 * The token bucket's guarantee: between any two requests, no more than the bucket (RATE) plus
 * what refills in the time between them (RATE per second).
 */
function worstExcess(times: readonly number[]): number {
  const sorted = [...times].sort((x, y) => x - y);
  let worst = -Infinity;
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i; j < sorted.length; j++) {
      const allowed = RATE + (RATE * ((sorted[j] ?? 0) - (sorted[i] ?? 0))) / 1000;
      worst = Math.max(worst, j - i + 1 - allowed);
    }
  }
  return worst;
}

describe('three sub-workspaces in one run', () => {
  it('checks each through x-as-workspace in one shared budget, with one issue per failing workspace and one overview', async () => {
    const { a, b, c } = subs();
    const combined = await runAction(workspacesYaml(), 'runner');

    // One report per workspace, in config order, with the config's names where given.
    expect(combined.workspaces.map((w) => [w.id, w.name, w.status])).toEqual([
      [a.workspace.id, 'Client A', 'healthy'],
      [b.workspace.id, b.workspace.name, 'unhealthy'],
      [c.workspace.id, 'Client C', 'unhealthy'],
    ]);
    for (const w of combined.workspaces) expect(w.report.workspace?.id).toBe(w.id);

    // Every request went as one of the three workspaces, all through the agency key, and the
    // whole run stayed within one budget of RATE per second.
    const ids = new Set([a.workspace.id, b.workspace.id, c.workspace.id]);
    const seen = new Set(sim.log.map((r) => String(r.headers?.['x-as-workspace'])));
    expect(seen).toEqual(ids);
    expect(sim.log.length).toBeGreaterThan(RATE * 2);
    expect(worstExcess(sim.log.map((r) => r.time))).toBeLessThanOrEqual(1);

    // Outputs aggregate: worst status, summed counts, the worst workspace's issue.
    const errors = combined.workspaces.reduce(
      (n, w) => n + w.report.findings.filter((f) => f.severity === 'error').length,
      0,
    );
    expect(core.outputs).toMatchObject({
      status: 'unhealthy',
      errors: String(errors),
      regressed: 'true',
    });
    expect(core.outputs['issue-url']).toBe(combined.workspaces[1]?.issueUrl);

    // One issue per workspace with errors, titled with its name; none for the healthy one.
    expect(issueOf(a.workspace.id).issues).toHaveLength(0);
    expect(issueOf(b.workspace.id).open.map((i) => i.title)).toEqual([
      `Instantly health: ${b.workspace.name}`,
    ]);
    expect(issueOf(c.workspace.id).open.map((i) => i.title)).toEqual([
      'Instantly health: Client C',
    ]);

    // The summary opens with the overview, one row per workspace, and folds the healthy one.
    const html = renderGfm(core.summary);
    const overview = tableShapes(html)[0];
    expect(overview).toEqual({ header: 5, rows: [5, 5, 5] });
    expect(core.summary.indexOf('| Workspace |')).toBeLessThan(core.summary.indexOf('### Suites'));
    expect(core.summary).toMatch(/<details><summary>✅ <b>Client A<\/b>: healthy<\/summary>/);
    expect(textOf(html)).toContain('Client C');
    expect(Buffer.byteLength(core.summary)).toBeLessThan(1_000_000);
    expect(core.failed.join(' ')).toMatch(/2 of 3 Instantly workspaces fail the check/);
  });

  it('opens a workspace’s own issue when it breaks later, and never duplicates the others', async () => {
    const { a, b, c } = subs();
    await runAction(workspacesYaml());
    const webhook = a.webhooks[0];
    if (!webhook) throw new Error('client A has a webhook');
    webhook.status = -1;
    webhook.timestamp_error = new Date().toISOString();
    await runAction(workspacesYaml());

    for (const ws of [a, b, c]) expect(issueOf(ws.workspace.id).open).toHaveLength(1);
    expect(issueOf(a.workspace.id).open[0]?.title).toBe('Instantly health: Client A');
    expect(gh.openIssues()).toHaveLength(3);

    // Two runs: each open issue's state keeps both runs' figures, and the summary shows the trend.
    const history = readMarker(issueOf(b.workspace.id).open[0]?.body).state?.history ?? [];
    expect(history).toHaveLength(2);
    expect(core.summary).toContain('### 📈 Trend');
  });
});

describe('remediation', () => {
  function webhooksOfC() {
    const { c } = subs();
    const byProblem = (p: string) => c.injected.find((i) => i.problem === p)?.resource.id ?? '';
    const up = c.webhooks.find((w) => w.id === byProblem('webhook.disabled_endpoint_up'));
    const down = c.webhooks.find((w) => w.id === byProblem('webhook.disabled'));
    if (!up || !down) throw new Error('client C has both webhooks');
    return { up, down };
  }
  const writes = () =>
    sim.log.filter((r) => r.method === 'POST' && /\/webhooks\/[^/]+\/(test|resume)$/.test(r.path));

  it('in dry-run says what it would do and sends nothing', async () => {
    const { up, down } = webhooksOfC();
    const combined = await runAction(`${workspacesYaml()}remediate: [resume-webhooks]\n`);

    expect(writes()).toEqual([]);
    expect(up.status).toBe(-1);
    const c = combined.workspaces[2]?.report.remediation;
    expect(c?.dryRun).toBe(true);
    expect(c?.steps.map((s) => [s.resource.id, s.outcome])).toEqual(
      expect.arrayContaining([
        [up.id, 'would-do'],
        [down.id, 'would-do'],
      ]),
    );
    expect(combined.workspaces[0]?.report.remediation?.steps).toEqual([]);
    expect(core.summary).toContain('Remediation (dry-run: nothing was changed)');
  });

  it('for real, resumes only the webhook whose test delivery succeeds, and reports both in the summary and the issue', async () => {
    const { up, down } = webhooksOfC();
    const { c } = subs();
    const combined = await runAction(
      `${workspacesYaml()}remediate:\n  actions: [resume-webhooks]\n  dry_run: false\n`,
    );

    const steps = combined.workspaces[2]?.report.remediation?.steps ?? [];
    expect(steps.find((s) => s.resource.id === up.id)).toMatchObject({ outcome: 'done' });
    expect(steps.find((s) => s.resource.id === down.id)).toMatchObject({
      outcome: 'skipped',
      detail: expect.stringMatching(/test delivery failed.*Connection timeout/) as unknown,
    });
    expect(up.status).toBe(1);
    expect(down.status).toBe(-1);

    // The test delivery came first, and the failed one was never followed by a resume.
    const calls = writes().map((r) => r.path.replace(/^.*\/webhooks\//, ''));
    expect(calls.indexOf(`${up.id}/test`)).toBeLessThan(calls.indexOf(`${up.id}/resume`));
    expect(calls).toContain(`${down.id}/test`);
    expect(calls).not.toContain(`${down.id}/resume`);
    // Remediation ran after the checks: no write before the last read of the webhooks suite.
    const asC = sim.log.filter((r) => r.headers?.['x-as-workspace'] === c.workspace.id);
    const firstWrite = asC.findIndex((r) => r.path.endsWith('/test'));
    const lastCheck = asC.findLastIndex((r) => r.method === 'GET' && r.path.endsWith('/webhooks'));
    expect(lastCheck).toBeGreaterThanOrEqual(0);
    expect(firstWrite).toBeGreaterThan(lastCheck);

    // In the summary and in the workspace's issue, as a table that renders intact.
    expect(core.summary).toContain('Remediation (live: safe fixes are made)');
    const body = issueOf(c.workspace.id).open[0]?.body ?? '';
    const html = renderGfm(body);
    expect(textOf(html)).toMatch(/Remediation \(live: safe fixes are made\)/);
    for (const shape of tableShapes(html)) {
      for (const cells of shape.rows) expect(cells).toBe(shape.header);
    }
    expect(textOf(html)).toContain('skipped');
  });
});

describe('one publishing path for one workspace and for many', () => {
  /** What the action printed to stdout (workflow commands such as `::debug::`) during `act`. */
  async function stdoutOf(act: () => Promise<unknown>): Promise<string> {
    const lines: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      await act();
    } finally {
      spy.mockRestore();
    }
    return lines.join('');
  }

  it('an agency run writes the step-debug request log, every line redacted', async () => {
    process.env.RUNNER_DEBUG = '1';
    const out = await stdoutOf(() => runAction(workspacesYaml()));
    const debug = out.split('\n').filter((l) => l.startsWith('::debug::'));
    // One line per request at least, for every workspace's requests.
    expect(debug.length).toBeGreaterThanOrEqual(sim.log.length);
    expect(debug.join('\n')).toMatch(/^::debug::GET \/campaigns -> HTTP 200/m);
    expect(debug.join('\n')).not.toContain(sim.keys.agency);
  });

  it('caps every workspace’s issue title at GitHub’s 256 characters in an agency run', async () => {
    const { b, c } = subs();
    await runAction(workspacesYaml(), 'fast', { 'issue-title': 'T'.repeat(256) });
    for (const ws of [b, c]) {
      const titles = issueOf(ws.workspace.id).open.map((i) => i.title);
      expect(titles).toEqual(['T'.repeat(256)]);
    }
    expect(core.failed.join(' ')).not.toMatch(/tracking issue/);
  });

  it('caps the issue title of a single workspace with a long name too', async () => {
    const { b } = subs();
    b.workspace.name = 'Acme '.repeat(80);
    const report = await runAction('', 'fast', { 'workspace-id': b.workspace.id });
    expect((report as unknown as Report).workspace?.name).toBe(b.workspace.name);
    const titles = issueOf(b.workspace.id).open.map((i) => i.title);
    expect(titles).toHaveLength(1);
    expect(titles[0]).toHaveLength(256);
    expect(titles[0]).toMatch(/^Instantly health: Acme Acme/);
    expect(core.failed.join(' ')).not.toMatch(/tracking issue/);
  });
});
