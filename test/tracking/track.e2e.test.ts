import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { IssueConfig } from '../../src/config/schema.js';
import type { Finding } from '../../src/model/report.js';
import { serializeMarker } from '../../src/tracking/marker.js';
import { readMarker } from '../../src/tracking/marker.js';
import { trackHealth, type TrackOptions } from '../../src/tracking/track.js';
import { FakeGitHub, type FakeGitHubOptions } from '../fakes/github/server.js';
import { at, config, finding, report, WORKSPACE } from './helpers.js';

const RUN = 'https://github.com/acme/ops/actions/runs/42';
const LABEL = 'instantly-health';

let gh: FakeGitHub;
let clock = at(0);
const savedApiUrl = process.env.GITHUB_API_URL;

async function startFake(options: FakeGitHubOptions = {}): Promise<void> {
  gh = await FakeGitHub.start({ owner: 'acme', repo: 'ops', now: () => clock, ...options });
  // As in production: octokit finds the API through GITHUB_API_URL.
  process.env.GITHUB_API_URL = gh.url;
}

beforeEach(async () => {
  clock = at(0);
  await startFake();
});

afterEach(async () => {
  // Every request the tracking sent, and every answer the fake gave, matched GitHub's API description.
  expect(gh.violations).toEqual([]);
  await gh.close();
  if (savedApiUrl === undefined) delete process.env.GITHUB_API_URL;
  else process.env.GITHUB_API_URL = savedApiUrl;
});

function track(
  findings: Finding[],
  hours: number,
  extra: Partial<TrackOptions> & { issueConfig?: Partial<IssueConfig> } = {},
) {
  clock = at(hours);
  const { issueConfig, ...rest } = extra;
  return trackHealth({
    report: report(findings),
    token: 'ghs_fake_token',
    repo: { owner: 'acme', repo: 'ops' },
    labels: [LABEL, 'monitoring'],
    assignees: ['oncall'],
    title: `Instantly health: ${WORKSPACE.name}`,
    config: config(issueConfig),
    runUrl: RUN,
    now: at(hours),
    client: { retryAfterBaseMs: 1, spaceWrites: false },
    ...rest,
  });
}

const A = finding('A');
const B = finding('B');
const C = finding('C');

describe('tracking through the fake GitHub, run after run', () => {
  it('opens on regression, stays quiet, comments on change, closes on recovery, reopens within a day', async () => {
    // 1. Healthy: no issue, nothing written.
    const healthy = await track([], 0);
    expect(healthy).toMatchObject({ regressed: false, action: 'none' });
    expect(healthy.error).toBeUndefined();
    expect(gh.issues()).toEqual([]);
    expect(gh.writes()).toEqual([]);

    // 2. Regression: the issue opens, labelled (label created) and assigned.
    const opened = await track([A, B], 1);
    expect(opened.error).toBeUndefined();
    expect(opened).toMatchObject({ regressed: true, action: 'create', issueNumber: 1 });
    expect(opened.issueUrl).toMatch(/\/acme\/ops\/issues\/1$/);
    const [issue] = gh.openIssues();
    expect(issue?.labels).toEqual([LABEL, 'monitoring']);
    expect(issue?.assignees).toEqual(['oncall']);
    expect(issue?.title).toBe('Instantly health: Acme Outbound');
    expect(gh.labels().map((l) => l.name)).toEqual(expect.arrayContaining([LABEL, 'monitoring']));
    expect(issue?.body).toContain(`[Latest run](${RUN})`);
    expect(issue?.comments).toHaveLength(0);

    // 3. Unchanged: the body is refreshed, no comment.
    const same = await track([A, B], 2);
    expect(same).toMatchObject({ regressed: false, action: 'update', issueNumber: 1 });
    expect(gh.issue(1)?.comments).toHaveLength(0);
    expect(gh.issue(1)?.body).toMatch(/Campaign A.*\| 1h \|/);

    // 4. One new problem and one recovered: exactly one comment.
    const changed = await track([A, C], 3);
    expect(changed).toMatchObject({ regressed: true, action: 'comment-and-update' });
    const comments = gh.issue(1)?.comments ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toMatch(/\*\*New\*\*[\s\S]*Campaign C/);
    expect(comments[0]?.body).toMatch(/\*\*Recovered\*\*[\s\S]*Campaign B/);
    expect(comments[0]?.body).toContain('2 errors still failing');

    // 5. Recovery: a comment with the outage's duration, then closed.
    const recovered = await track([], 4);
    expect(recovered).toMatchObject({ regressed: false, action: 'close', issueNumber: 1 });
    const closed = gh.issue(1);
    expect(closed?.state).toBe('closed');
    expect(closed?.state_reason).toBe('completed');
    expect(closed?.comments).toHaveLength(2);
    expect(closed?.comments[1]?.body).toMatch(/^Recovered after 3h/);
    // Closed before the comment: a failed close must not repeat "Recovered" next run.
    const closingRequests = gh.writes().slice(-2);
    expect(closingRequests.map((r) => r.operationId)).toEqual([
      'issues/update',
      'issues/create-comment',
    ]);

    // 6. A regression within a day: the same issue reopens.
    const again = await track([B], 10);
    expect(again).toMatchObject({ regressed: true, action: 'reopen', issueNumber: 1 });
    expect(gh.issues()).toHaveLength(1);
    expect(gh.issue(1)?.state).toBe('open');
    expect(gh.issue(1)?.comments.at(-1)?.body).toMatch(/^Failing again/);
  });

  it('after more than a day closed, a regression opens a new issue', async () => {
    await track([A], 0);
    await track([], 1);
    const later = await track([A], 30);
    expect(later).toMatchObject({ action: 'create', issueNumber: 2 });
    expect(gh.openIssues().map((i) => i.number)).toEqual([2]);
  });

  it('two racing runs leave exactly one open issue', async () => {
    const results = await Promise.all([track([A], 1), track([A], 1)]);
    expect(results.map((r) => r.error)).toEqual([undefined, undefined]);
    // Both runs found no issue and created one: the race really happened and was settled.
    expect(gh.issues()).toHaveLength(2);
    expect(gh.openIssues()).toHaveLength(1);
    const kept = gh.openIssues()[0]?.number;
    expect(results.map((r) => r.issueNumber)).toEqual([kept, kept]);
    for (const dup of gh.issues().filter((i) => i.state === 'closed')) {
      expect(dup.state_reason).toBe('duplicate');
      expect(dup.comments[0]?.body).toContain(`Duplicate of #${String(kept)}`);
    }
    // The next run finds the one open issue and opens nothing new.
    const next = await track([A], 2);
    expect(next).toMatchObject({ action: 'update', issueNumber: kept });
    expect(gh.openIssues()).toHaveLength(1);
  });

  it('two open issues for one workspace (an earlier race): keeps the oldest, closes the other with a link', async () => {
    const body = (hours: number) =>
      `x\n${serializeMarker({ workspaceId: WORKSPACE.id, outageStartedAt: at(hours).toISOString(), passingRuns: 0, findings: {} })}`;
    gh.seedIssue({ title: 'one', labels: [LABEL], body: body(0), created_at: at(0).toISOString() });
    gh.seedIssue({
      title: 'two',
      labels: [LABEL],
      body: body(0),
      created_at: at(0.5).toISOString(),
    });
    const result = await track([A], 1);
    expect(result.issueNumber).toBe(1);
    expect(gh.openIssues().map((i) => i.number)).toEqual([1]);
    expect(gh.issue(2)?.comments[0]?.body).toContain('Duplicate of #1');
  });
});

describe('tracking state that a person or another version touched', () => {
  const cases: [string, (marker: string) => string][] = [
    ['a marker edited into bad JSON', (m) => m.replace('"passingRuns":0', '"passingRuns":')],
    ['a truncated marker', (m) => m.slice(0, m.length / 2)],
    ['a marker from a future version', (m) => m.replace('state v1 ', 'state v9 ')],
  ];
  it.each(cases)(
    '%s: the issue is reused with a warning, never duplicated',
    async (_name, edit) => {
      await track([A], 0);
      const body = gh.issue(1)?.body ?? '';
      const marker = body.slice(body.indexOf('<!-- instantly-health:state'));
      gh.editIssue(1, { body: edit(marker) });
      const result = await track([A, B], 1);
      expect(result.error).toBeUndefined();
      expect(result.issueNumber).toBe(1);
      expect(result.warnings.join('\n')).toMatch(/empty state/);
      expect(gh.issues()).toHaveLength(1);
      // The body is whole again for the next run.
      const repaired = readMarker(gh.issue(1)?.body);
      expect(repaired.warning).toBeUndefined();
      expect(Object.keys(repaired.state?.findings ?? {})).toHaveLength(2);
      const next = await track([A, B], 2);
      expect(next).toMatchObject({ action: 'update', warnings: [] });
    },
  );

  it('a body that would exceed 65,536 characters is cut to fit, and the next run reads it', async () => {
    const long = 'n'.repeat(200);
    const many = Array.from({ length: 3000 }, (_, i) =>
      finding(`${long}${i}`, i % 2 ? 'error' : 'warning', { message: `${long} #${i}` }),
    );
    const first = await track(many, 0);
    expect(first.error).toBeUndefined();
    const body = gh.issue(1)?.body ?? '';
    expect(Array.from(body).length).toBeLessThanOrEqual(65_536);
    expect(readMarker(body).state?.workspaceId).toBe(WORKSPACE.id);
    const second = await track(many, 1);
    expect(second.error).toBeUndefined();
    expect(gh.issues()).toHaveLength(1);
  });
});

describe('GitHub errors', () => {
  it('a read-only token (403) names the missing permission and the fork case; nothing is created', async () => {
    gh.readOnly = true;
    const result = await track([A], 0);
    expect(result.regressed).toBe(true);
    expect(result.error?.kind).toBe('permission');
    expect(result.error?.message).toContain('permissions: issues: write');
    expect(result.error?.message).toMatch(/forks/);
    expect(result.error?.message).not.toContain('ghs_fake_token');
    expect(gh.issues()).toEqual([]);
  });

  it('a missing repository is named', async () => {
    const result = await track([A], 0, { repo: { owner: 'acme', repo: 'nope' } });
    expect(result.error?.kind).toBe('not-found');
    expect(result.error?.message).toContain('acme/nope');
  });

  it('retries GitHub 5xx answers', async () => {
    gh.fail({ kind: 'status', status: 502, times: 2, method: 'GET' });
    const result = await track([A], 0);
    expect(result.error).toBeUndefined();
    expect(result.action).toBe('create');
    expect(gh.requests.filter((r) => r.status === 502)).toHaveLength(2);
  });

  it('waits out a secondary rate limit and goes on', async () => {
    gh.fail({ kind: 'secondary-rate-limit', method: 'POST', times: 1 });
    const result = await track([A], 0);
    expect(result.error).toBeUndefined();
    expect(gh.openIssues()).toHaveLength(1);
    expect(
      gh.requests.filter((r) => r.status === 403 && r.operationId !== 'users/get-authenticated'),
    ).toHaveLength(1);
  });

  it('gives up after bounded retries with a clear message', async () => {
    gh.fail({ kind: 'status', status: 503, times: 10, method: 'GET' });
    const result = await track([A], 0, {
      client: { retryAfterBaseMs: 1, retries: 2, spaceWrites: false },
    });
    expect(result.error?.kind).toBe('github');
    expect(result.error?.message).toMatch(/503/);
    expect(gh.requests.filter((r) => r.status === 503)).toHaveLength(3);
  });

  it('a request GitHub never answers ends at its own timeout, retried a bounded number of times', async () => {
    gh.hang = true;
    const result = await track([A], 0, {
      client: { retryAfterBaseMs: 1, retries: 1, requestTimeoutMs: 50, spaceWrites: false },
    });
    expect(result.error?.kind).toBe('network');
    expect(result.error?.message).toMatch(/no answer within 1 s/);
    // The first request and its one retry, each cut at the per-request timeout.
    expect(gh.requests).toHaveLength(2);
  });

  it('an unreachable GitHub gives a clear message and no crash', async () => {
    const result = await track([A], 0, {
      client: { baseUrl: 'http://127.0.0.1:9', retryAfterBaseMs: 1, spaceWrites: false },
    });
    expect(result.error?.kind).toBe('network');
    expect(result.error?.message).toMatch(/could not be reached/);
    expect(result.error?.message).not.toContain('ghs_fake_token');
  });
});

describe('modes', () => {
  it('a run that could not check keeps the open issue and its findings, and only counts the blind run', async () => {
    await track([A], 0);
    const before = gh.writes().length;
    clock = at(1);
    const failed = await trackHealth({
      report: { ...report([A]), status: 'failed' },
      token: 't',
      repo: { owner: 'acme', repo: 'ops' },
      labels: [LABEL],
      assignees: [],
      title: 't',
      config: config(),
      now: at(1),
      client: { retryAfterBaseMs: 1, spaceWrites: false },
    });
    expect(failed).toMatchObject({ action: 'update', regressed: false, issueNumber: 1 });
    // One silent body edit (the blind count), no comment, still open, findings kept.
    expect(
      gh
        .writes()
        .slice(before)
        .map((w) => w.operationId),
    ).toEqual(['issues/update']);
    expect(gh.issue(1)?.state).toBe('open');
    expect(gh.issue(1)?.comments).toHaveLength(0);
    const kept = readMarker(gh.issue(1)?.body).state;
    expect(kept?.findings[A.fingerprint]?.confirmed).toBe(true);
    expect(kept?.blind).toMatchObject({ runs: 1, announced: false });
  });

  it('an assignee GitHub refuses does not stop the issue from opening', async () => {
    gh.unassignable.add('oncall');
    const result = await track([A], 0);
    expect(result.error).toBeUndefined();
    expect(gh.openIssues()[0]?.assignees).toEqual([]);
    expect(result.warnings.join('\n')).toMatch(/could not assign oncall/);
  });

  it('create-issue false reads the state for `regressed` and writes nothing', async () => {
    await track([A], 0);
    const before = gh.writes().length;
    const dry = await track([A, B], 1, { dryRun: true });
    expect(dry).toMatchObject({ regressed: true, issueNumber: 1 });
    expect(gh.writes()).toHaveLength(before);
  });

  it("works with octokit's production throttling (writes spaced out)", async () => {
    const result = await track([A], 0, { labels: [LABEL], client: {} });
    expect(result.error).toBeUndefined();
    expect(gh.openIssues()).toHaveLength(1);
  });

  it('works against a GitHub Enterprise style API root (/api/v3)', async () => {
    await gh.close();
    await startFake({ pathPrefix: '/api/v3' });
    expect(process.env.GITHUB_API_URL).toMatch(/\/api\/v3$/);
    const result = await track([A], 0);
    expect(result.error).toBeUndefined();
    expect(gh.openIssues()).toHaveLength(1);
  });

  it('failure_threshold 2 counts across runs before any issue exists, then opens one issue', async () => {
    const first = await track([A], 0, { issueConfig: { failure_threshold: 2 } });
    expect(first.action).toBe('none');
    expect(gh.openIssues()).toHaveLength(0);
    const second = await track([A], 1, { issueConfig: { failure_threshold: 2 } });
    expect(second.action).toBe('reopen');
    expect(gh.openIssues()).toHaveLength(1);
    expect(gh.issues()).toHaveLength(1);
  });

  it('finds its issue past the first page of labelled issues', async () => {
    for (let i = 0; i < 120; i++) {
      gh.seedIssue({
        title: `other ${i}`,
        labels: [LABEL],
        body: serializeMarker({
          workspaceId: `other-${i}`,
          outageStartedAt: null,
          passingRuns: 0,
          findings: {},
        }),
        created_at: at(-1).toISOString(),
      });
    }
    const opened = await track([A], 0);
    expect(opened.issueNumber).toBe(121);
    const again = await track([A], 1);
    expect(again).toMatchObject({ action: 'update', issueNumber: 121 });
    expect(gh.requests.some((r) => r.query.includes('page=2'))).toBe(true);
  });
});
