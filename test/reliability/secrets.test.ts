import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { FakeCore } from '../agency/fake-core.js';
import type { ActionRun } from '../e2e/runner.js';
import { FakeGitHub } from '../fakes/github/server.js';
import { startSimulator, type Fault, type RunningSimulator } from '../../src/simulator/index.js';
import { runCliInProcess } from '../cli/run-cli.js';
import { runActionInProcess } from './in-process.js';
import type { CliRun } from './process.js';

const core = new FakeCore();
jest.unstable_mockModule('@actions/core', () => core.module);

/**
 * A canary key must appear nowhere a person or a log can see it, even when the server echoes it
 * back in error bodies and headers: the action's stdout (apart from the runner's own
 * `::add-mask::` command), stderr, step debug logs, the job summary, the outputs, the JSON report,
 * annotations, the tracking issue's body and comments, and the CLI's output in every format.
 */

const TOKEN = 'ghs_CanaryToken0123456789abcdefABCDEF0123';

let sim: RunningSimulator;
let gh: FakeGitHub;
let key: string;
const texts: { where: string; text: string }[] = [];
const runs: ActionRun[] = [];
const cliRuns: CliRun[] = [];

function echo(path: string, status: 200 | 400 | 401 | 500, method = '*'): Fault {
  return { kind: 'echo-key', path, status, method, times: 'always' };
}

async function action(faults: Fault[]): Promise<ActionRun> {
  sim.setFaults(faults);
  // In process: main.ts's run() with @actions/core recorded; what core would print is in stdout.
  const run = await runActionInProcess(core, {
    inputs: {
      'api-key': key,
      'base-url': sim.url,
      'github-token': TOKEN,
      timeout: '10',
      'issue-assignees': 'oncall',
    },
    env: { GITHUB_API_URL: gh.url, ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' },
  });
  runs.push(run);
  const n = runs.length;
  // The runner consumes ::add-mask:: itself (that is how the key gets masked): the one line
  // where the key must appear, and only as the whole command.
  const stdout = run.stdout
    .split('\n')
    .filter((line) => line !== `::add-mask::${key}`)
    .join('\n');
  texts.push(
    { where: `run ${n} stdout`, text: stdout },
    { where: `run ${n} stderr`, text: run.stderr },
    { where: `run ${n} summary`, text: run.summary },
    { where: `run ${n} outputs`, text: JSON.stringify(run.outputs) },
  );
  if (run.outputs['report-path']) {
    texts.push({
      where: `run ${n} JSON report`,
      text: await readFile(run.outputs['report-path'], 'utf8'),
    });
  }
  return run;
}

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'broken', seed: 3 });
  gh = await FakeGitHub.start({ owner: 'acme', repo: 'outbound' });
  key = sim.keys.readOnly;

  // 1: echoes in a retried 500, a 400, a 200 error body and headers; the issue is opened.
  await action([
    echo('/webhooks', 500),
    echo('/campaigns/analytics', 400),
    echo('/accounts/warmup-analytics', 200, 'POST'),
  ]);
  // 2: the campaign list echoes the key too: the error set changes, so the issue gets a comment.
  await action([echo('/campaigns', 500), echo('/webhook-events/**', 400)]);
  // 3: auth itself answers 401 with the key: a failed run.
  await action([echo('/workspaces/current', 401)]);

  sim.setFaults([echo('/webhooks', 500), echo('/campaigns/analytics', 400)]);
  for (const format of ['text', 'markdown', 'json']) {
    // In process: the CLI's output is its own writes (no runner in between to test).
    const run = await runCliInProcess(
      ['check', '--format', format, '--base-url', sim.url, '--timeout', '10'],
      { INSTANTLY_API_KEY: key, NO_COLOR: '1' },
    );
    cliRuns.push(run);
    texts.push(
      { where: `cli ${format} stdout`, text: run.stdout },
      { where: `cli ${format} stderr`, text: run.stderr },
    );
  }

  for (const issue of gh.issues()) {
    texts.push({ where: `issue #${issue.number}`, text: `${issue.title}\n${issue.body ?? ''}` });
    for (const comment of issue.comments) {
      texts.push({ where: `issue #${issue.number} comment`, text: comment.body });
    }
  }
}, 240_000);

afterAll(async () => {
  await sim.stop();
  await gh.close();
});

/** The key whole, and every 12-character window of it (a truncated key is a leaked key). */
function fragments(secret: string): string[] {
  const out = [secret];
  for (let i = 0; i + 12 <= secret.length; i++) out.push(secret.slice(i, i + 12));
  return out;
}

describe('a canary key the server echoes back', () => {
  it('was echoed by the server in each run (the test is hostile)', () => {
    const echoed = sim.log.filter((e) =>
      ['/api/v2/webhooks', '/api/v2/campaigns/analytics', '/api/v2/workspaces/current'].includes(
        e.path,
      ),
    );
    expect(echoed.some((e) => e.status === 500)).toBe(true);
    expect(echoed.some((e) => e.status === 401)).toBe(true);
    expect(runs.map((r) => r.outputs.status)).toEqual(['unhealthy', 'unhealthy', 'failed']);
    expect(runs.map((r) => r.code)).toEqual([1, 1, 1]);
    // The server's echoed message reached the reports, masked.
    expect(texts.some((t) => t.text.includes('[REDACTED]'))).toBe(true);
    // Debug logging was on: the client's per-request lines are in stdout.
    expect(runs[0]?.stdout).toMatch(/::debug::.*GET \/webhooks -> HTTP 500/);
    // The issue was opened, then commented on when the error set changed.
    expect(gh.issues()).toHaveLength(1);
    expect(gh.issues()[0]?.comments.length).toBeGreaterThan(0);
    expect(cliRuns.map((r) => r.code)).toEqual([1, 1, 1]);
  });

  it('appears nowhere: output, logs, summary, outputs, report, issue, comments, CLI', () => {
    const leaks = texts.flatMap(({ where, text }) =>
      fragments(key)
        .filter((fragment) => text.includes(fragment))
        .map((fragment) => `${where}: ${fragment}`),
    );
    expect(leaks).toEqual([]);
  });

  it('keeps the GitHub token out of every output too', () => {
    const leaks = texts.filter(({ text }) => fragments(TOKEN).some((f) => text.includes(f)));
    expect(leaks.map((l) => l.where)).toEqual([]);
  });
});
