/**
 * End to end, in process: the action's `run()` through a scheduled week (healthy, a regression,
 * an unchanged run, a change, a recovery) against the Instantly simulator and the fake GitHub,
 * with a loopback receiver standing in for each chat platform. Names in the workspace are hostile
 * (mentions, HTML, markdown links), as the API may return them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { startSimulator, type ScenarioSpec } from '../../src/simulator/index.js';
import { FakeGitHub } from '../fakes/github/server.js';
import { FakeCore } from '../agency/fake-core.js';
import { expectInert, expectValidFor, stringsOf } from './platforms.js';

const core = new FakeCore();
jest.unstable_mockModule('@actions/core', () => core.module);
const { run } = await import('../../src/main.js');

const SAVED_ENV = { ...process.env };
const NOW = new Date();
const TOKEN = 'ghs_fake_token_for_notify';
const HOSTILE = {
  workspace: '<!here> @everyone <b>Acme</b> [x](https://evil.example)',
  campaign: '<!channel> @here <img src=x onerror=alert(1)> [click](javascript:alert(1)) *b*',
  webhook: '@everyone <@U024BE7LH> <#C1> <script>x</script> _i_',
};

interface Received {
  path: string;
  body: unknown;
}

let gh: FakeGitHub;
let dir: string;
let receiver: Server;
let received: Received[];
let answer: number;
let hookUrl: string;

beforeEach(async () => {
  gh = await FakeGitHub.start({ owner: 'acme', repo: 'outbound' });
  dir = await mkdtemp(path.join(tmpdir(), 'notify-week-'));
  received = [];
  answer = 200;
  receiver = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: JSON.parse(text) as unknown });
      res.writeHead(answer).end(answer < 300 ? 'ok' : 'invalid_token');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/services/T0/B0/SECRETPATH`;
  Object.assign(process.env, {
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: 'acme/outbound',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42',
  });
});

afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await rm(dir, { recursive: true, force: true });
  process.env = { ...SAVED_ENV };
});

function workspace(problems: ScenarioSpec['problems'] = {}): ScenarioSpec {
  return {
    name: 'notify',
    workspaceName: 'Acme Outbound',
    campaigns: 4,
    activeShare: 0.5,
    accounts: 6,
    sendingDomains: 2,
    webhooks: 1,
    leadsPerCampaign: 200,
    problems,
  };
}

/** One scheduled run; every name the API returns is hostile, the same on every day. */
async function scheduledRun(spec: ScenarioSpec, inputs: Record<string, string>) {
  const sim = await startSimulator({ scenario: spec, now: NOW });
  const data = sim.data.workspace;
  data.workspace.name = HOSTILE.workspace;
  data.planDetails.organization_name = HOSTILE.workspace;
  data.campaigns.forEach((c, i) => (c.name = `${HOSTILE.campaign} ${i}`));
  for (const a of data.analytics) {
    const index = data.campaigns.findIndex((c) => c.id === a.campaign_id);
    a.campaign_name = `${HOSTILE.campaign} ${index}`;
  }
  data.webhooks.forEach((w, i) => (w.name = `${HOSTILE.webhook} ${i}`));
  try {
    core.reset({
      'api-key': sim.apiKey,
      'base-url': sim.url,
      'github-token': TOKEN,
      'create-issue': 'true',
      'issue-labels': 'instantly-health',
      'fail-on': 'error',
      timeout: '60',
      'notify-url': hookUrl,
      ...inputs,
    });
    const before = received.length;
    await run({ github: { retryAfterBaseMs: 1, spaceWrites: false } });
    return { apiKey: sim.apiKey, sent: received.slice(before) };
  } finally {
    await sim.stop();
  }
}

const healthy = workspace();
const regression = workspace({ 'campaign.bounce_protect': 1 });
const change = workspace({ 'campaign.bounce_protect': 1, 'webhook.disabled': 1 });

/** What each format's message says about its event. */
const EVENT_WORDS: Record<string, RegExp> = {
  regressed: /new problem/,
  changed: /problems changed/,
  recovered: /recovered/,
};

describe.each(['slack', 'teams', 'discord', 'json'] as const)('a scheduled week, %s', (format) => {
  it('sends exactly three messages (regression, change, recovery), each valid, with no key, mention or HTML', async () => {
    const inputs = { 'notify-format': format };
    const days = [healthy, regression, regression, change, healthy];
    const runs: Awaited<ReturnType<typeof scheduledRun>>[] = [];
    for (const day of days) runs.push(await scheduledRun(day, inputs));
    expect(runs.map((r) => r.sent.length)).toEqual([0, 1, 0, 1, 1]);

    const messages = runs.flatMap((r) => r.sent);
    expect(messages.map((m) => m.path)).toEqual(Array(3).fill('/services/T0/B0/SECRETPATH'));
    const issueUrl = `${gh.url}/acme/outbound/issues/1`;
    ['regressed', 'changed', 'recovered'].forEach((event, i) => {
      const body = messages[i]?.body;
      expectValidFor(format, body);
      const all = JSON.stringify(body);
      for (const r of runs) expect(all).not.toContain(r.apiKey);
      expect(all).not.toContain(TOKEN);
      if (format === 'json') {
        expect(body).toMatchObject({ schemaVersion: 1, event, issueUrl });
        expect((body as { workspace: { name: string } }).workspace.name).toBe(HOSTILE.workspace);
      } else {
        expectInert(format, body);
        const text = stringsOf(body).join('\n');
        expect(text).toMatch(EVENT_WORDS[event] ?? /$^/);
        expect(text).toContain(issueUrl);
        expect(text).toContain('https://github.com/acme/outbound/actions/runs/42');
      }
    });
    // The change names the disabled webhook as new; the recovery names what recovered.
    const changed = stringsOf(messages[1]?.body).join('\n');
    expect(changed).toMatch(/webhook/);
    expect(core.failed).toEqual([]);
  }, 120_000);
});

describe('notification failures and modes', () => {
  it('a receiver that refuses is a warning in the log and the summary, never a failed step', async () => {
    answer = 404;
    await scheduledRun(healthy, { 'notify-format': 'slack' });
    const { sent } = await scheduledRun(regression, {
      'notify-format': 'slack',
      'fail-on': 'never',
    });
    expect(sent).toHaveLength(1);
    expect(core.failed).toEqual([]);
    const warning = core.annotations.find(
      (a) => a.level === 'warning' && /notification/.test(a.message),
    );
    expect(warning?.message).toContain('HTTP 404');
    expect(warning?.message).not.toContain('SECRETPATH');
    expect(core.summary).toContain('### Notifications');
    expect(core.summary).not.toContain('SECRETPATH');
  }, 60_000);

  it('with create-issue false, the regression is still sent, computed from the state read', async () => {
    const { sent } = await scheduledRun(regression, {
      'notify-format': 'json',
      'create-issue': 'false',
    });
    expect(gh.issues()).toEqual([]);
    expect(sent.map((m) => (m.body as { event: string }).event)).toEqual(['regressed']);
    expect(sent[0]?.body).toMatchObject({ issueUrl: null });
  }, 60_000);

  it('writes the job summary to summary-path, a file of its own under RUNNER_TEMP', async () => {
    await scheduledRun(regression, { 'notify-format': 'json' });
    const file = core.outputs['summary-path'] ?? '';
    expect(file.startsWith(dir)).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(core.summary);
    const second = await scheduledRun(regression, { 'notify-format': 'json' });
    expect(second.sent).toEqual([]);
    expect(core.outputs['summary-path']).not.toBe(file);
  }, 60_000);

  it('masks the notify URL (::add-mask::) before the checks run', async () => {
    const lines: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      await scheduledRun(healthy, {});
    } finally {
      spy.mockRestore();
    }
    const mask = lines.findIndex((l) => l === `::add-mask::${hookUrl}\n`);
    expect(mask).toBeGreaterThanOrEqual(0);
    expect(mask).toBeLessThan(lines.findIndex((l) => /checked/.test(l)));
  }, 60_000);
});

describe('an agency run', () => {
  it('sends one message per workspace whose issue opened, each naming its workspace', async () => {
    const sim = await startSimulator({ scenario: 'healthy', seed: 7 });
    try {
      const [a, b, c] = sim.data.subWorkspaces;
      if (!a || !b || !c) throw new Error('the simulator has three sub-workspaces');
      await mkdir(path.join(dir, '.github'), { recursive: true });
      await writeFile(
        path.join(dir, '.github/instantly-health.yml'),
        [
          'workspaces:',
          `  - { id: "${a.workspace.id}", name: "Client A" }`,
          `  - { id: "${b.workspace.id}", name: "Client B" }`,
          `  - { id: "${c.workspace.id}", name: "Client C" }`,
          '',
        ].join('\n'),
      );
      core.reset({
        'api-key': sim.keys.agency,
        'base-url': sim.url,
        'github-token': TOKEN,
        'create-issue': 'true',
        'issue-labels': 'instantly-health',
        timeout: '120',
        'rate-limit': '50',
        'notify-url': hookUrl,
        'notify-format': 'json',
      });
      await run({ github: { retryAfterBaseMs: 1, spaceWrites: false } });
      const sent = received.map(
        (m) => m.body as { event: string; workspace: { id: string; name: string } },
      );
      // Client A is healthy in this data; B and C each open their own issue.
      expect(sent.map((m) => [m.event, m.workspace.name])).toEqual([
        ['regressed', 'Client B'],
        ['regressed', 'Client C'],
      ]);
      expect(sent.map((m) => m.workspace.id)).toEqual([b.workspace.id, c.workspace.id]);
      for (const m of sent) expectValidFor('json', m);
    } finally {
      await sim.stop();
    }
  }, 120_000);
});
