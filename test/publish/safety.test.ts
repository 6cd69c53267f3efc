import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ActionSettings } from '../../src/config/inputs.js';
import { ConfigFile } from '../../src/config/schema.js';
import { mergeSettings } from '../../src/config/settings.js';
import type { Finding, Report } from '../../src/model/report.js';
import { publish, reportPathFor, type PublishCore } from '../../src/publish/publish.js';
import { FakeCore } from '../agency/fake-core.js';
import { FakeGitHub } from '../fakes/github/server.js';
import { finding, report } from '../tracking/helpers.js';

/**
 * Issue 15, publish half: what is written before any GitHub call, deadlines on the tracking
 * phase, cancel, blind suites in the verdict, the heartbeat, and files per step.
 */

let gh: FakeGitHub;
let dir: string;
let core: FakeCore;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  gh = await FakeGitHub.start({ owner: 'acme', repo: 'ops' });
  dir = await mkdtemp(path.join(tmpdir(), 'ih-publish-'));
  const summaryFile = path.join(dir, 'summary.md');
  await writeFile(summaryFile, '');
  core = new FakeCore();
  core.reset({});
  env = {
    RUNNER_TEMP: dir,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'acme/ops',
    GITHUB_ACTION: 'health',
  };
});

afterEach(async () => {
  await gh.close();
});

function settings(extra: Partial<ActionSettings> = {}): ActionSettings {
  const config = ConfigFile.parse({});
  return {
    ...mergeSettings({ apiKey: 'k'.repeat(40) }, config),
    tracking: {
      create: true,
      token: 'ghs_fake_token',
      labels: ['instantly-health'],
      assignees: [],
      config: config.issue,
    },
    ...extra,
  };
}

const asCore = (fake: FakeCore) => fake.module as unknown as PublishCore;

function run(
  r: Report,
  options: { settings?: ActionSettings; deadline?: AbortSignal; cancelled?: AbortSignal } = {},
) {
  return publish(
    { kind: 'single', report: r },
    {
      core: asCore(core),
      settings: options.settings ?? settings(),
      github: { baseUrl: gh.url, retryAfterBaseMs: 1, spaceWrites: false },
      env,
      ...(options.deadline ? { trackingDeadline: options.deadline } : {}),
      ...(options.cancelled ? { cancelled: options.cancelled } : {}),
      heartbeat: { timeoutMs: 500, retryDelayMs: 1 },
    },
  );
}

/** A campaigns suite that could not run at all: a missing scope. */
function blindReport(): Report {
  const blind: Finding = finding('campaigns', 'unknown', {
    check: 'suite.scope',
    resource: { type: 'suite', id: 'campaigns', name: 'campaigns checks' },
    message: 'The campaigns checks did not run: the key lacks the campaigns:read scope.',
    fingerprint: 'suite.scope:suite:campaigns',
  });
  const r = report([blind]);
  return {
    ...r,
    suites: [{ name: 'campaigns', status: 'degraded', checked: 0, durationMs: 5, details: [] }],
  };
}

describe('writes before any GitHub call, and a tracking deadline', () => {
  it('a GitHub API that never answers: report, outputs and summary are written first, and the run ends at the deadline', async () => {
    gh.hang = true;
    const deadline = new AbortController();
    const done = run(report([finding('A')]), { deadline: deadline.signal });
    // Wait for the first request to GitHub: by then everything local must be written.
    for (let i = 0; i < 200 && gh.requests.length === 0; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(gh.requests.length).toBeGreaterThan(0);
    expect(core.outputs.status).toBe('unhealthy');
    const reportPath = core.outputs['report-path'] ?? '';
    expect(reportPath).toBe(path.join(dir, 'instantly-health-report-health.json'));
    expect(JSON.parse(await readFile(reportPath, 'utf8'))).toMatchObject({ status: 'unhealthy' });
    expect(core.summary).toContain('unhealthy');

    // The tracking phase's deadline (timeout + grace in production) passes: the run ends.
    deadline.abort(new DOMException('deadline', 'AbortError'));
    await done;
    const tracking = core.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(tracking.join('\n')).toMatch(/did not answer before the tracking deadline/);
    expect(core.failed).toHaveLength(1);
    expect(core.outputs.status).toBe('unhealthy');
    expect(core.outputs['issue-number']).toBe('');
  });

  it('a cancelled run (SIGINT/SIGTERM) says so in the summary, writes the report and fails the step', async () => {
    gh.hang = true;
    const cancel = new AbortController();
    cancel.abort(new DOMException('cancelled (SIGTERM)', 'AbortError'));
    await run(report([]), { cancelled: cancel.signal });
    expect(core.summary).toMatch(/^> \[!WARNING\]\n> The run was cancelled/);
    expect(core.failed.join('\n')).toMatch(/cancelled/);
    expect(existsSync(core.outputs['report-path'] ?? '')).toBe(true);
  });
});

describe('blind suites fail the step (contract section 6)', () => {
  it('says which suite and why under the default fail-on; status stays degraded', async () => {
    await run(blindReport(), {
      settings: settings({ tracking: { ...settings().tracking, create: false } }),
    });
    expect(core.outputs.status).toBe('degraded');
    expect(core.failed).toHaveLength(1);
    expect(core.failed[0]).toMatch(
      /^Could not check campaigns \(The campaigns checks did not run: the key lacks the campaigns:read scope\)/,
    );
  });

  it('fail-on: never keeps it green', async () => {
    await run(blindReport(), {
      settings: settings({ failOn: 'never', tracking: { ...settings().tracking, create: false } }),
    });
    expect(core.failed).toEqual([]);
    expect(core.outputs.status).toBe('degraded');
  });
});

describe('heartbeat (contract section 6)', () => {
  let receiver: Server;
  let hits: string[];
  let answer = 200;
  let url = '';

  beforeEach(async () => {
    hits = [];
    answer = 200;
    receiver = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(answer).end('OK');
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/ping/abc`;
  });

  afterEach(async () => {
    receiver.closeAllConnections();
    await new Promise((r) => receiver.close(r));
  });

  const quiet = (heartbeatUrl: string) =>
    settings({ heartbeatUrl, tracking: { ...settings().tracking, create: false } });

  it('pings <url> after a run that checked everything, findings or not', async () => {
    await run(report([finding('A')]), { settings: quiet(url) });
    expect(hits).toEqual(['/ping/abc']);
  });

  it('pings <url>/fail after a failed or blind run', async () => {
    await run(report([], 'failed'), { settings: quiet(url) });
    await run(blindReport(), { settings: quiet(url) });
    expect(hits).toEqual(['/ping/abc/fail', '/ping/abc/fail']);
  });

  it('a ping that fails is retried once, then a warning that does not fail the run or show the URL', async () => {
    answer = 503;
    await run(report([]), { settings: quiet(url) });
    expect(hits).toEqual(['/ping/abc', '/ping/abc']);
    expect(core.failed).toEqual([]);
    const warning = core.annotations.find((a) => /heartbeat/.test(a.message));
    expect(warning?.message).toMatch(/answered 503/);
    expect(warning?.message).not.toContain('/ping/abc');
  });
});

describe('files', () => {
  it('the report path is unique per step', () => {
    expect(reportPathFor({ RUNNER_TEMP: '/t', GITHUB_ACTION: 'health' })).toBe(
      '/t/instantly-health-report-health.json',
    );
    expect(reportPathFor({ RUNNER_TEMP: '/t', GITHUB_ACTION: '__acme_health_2' })).toBe(
      '/t/instantly-health-report-__acme_health_2.json',
    );
    expect(reportPathFor({ RUNNER_TEMP: '/t', GITHUB_ACTION: '../x y' })).toBe(
      '/t/instantly-health-report-.._x_y.json',
    );
  });

  it('report-path is empty when the report could not be written', async () => {
    const blocker = path.join(dir, 'not-a-dir');
    await writeFile(blocker, '');
    env.RUNNER_TEMP = blocker;
    await run(report([]), {
      settings: settings({ tracking: { ...settings().tracking, create: false } }),
    });
    expect(core.outputs['report-path']).toBe('');
    expect(core.annotations.some((a) => /Could not write the JSON report/.test(a.message))).toBe(
      true,
    );
  });
});
