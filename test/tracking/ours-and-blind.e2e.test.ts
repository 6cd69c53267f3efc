import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { IssueConfig } from '../../src/config/schema.js';
import type { Finding, Report } from '../../src/model/report.js';
import { readMarker, serializeMarker } from '../../src/tracking/marker.js';
import { trackHealth, type TrackOptions } from '../../src/tracking/track.js';
import { FakeGitHub, type FakeIssue } from '../fakes/github/server.js';
import { at, config, finding, report, WORKSPACE } from './helpers.js';

/**
 * Issue 15, tracking half: only issues this token created and that carry our marker are ever
 * written (a person's issue is never edited, commented, closed or reopened), and runs that
 * cannot check are counted until the issue says so (contract sections 5 and 6).
 */

const LABEL = 'instantly-health';
let gh: FakeGitHub;
let clock = at(0);

beforeEach(async () => {
  clock = at(0);
  gh = await FakeGitHub.start({ owner: 'acme', repo: 'ops', now: () => clock });
});

afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

function track(
  input: Finding[] | Report,
  hours: number,
  extra: Partial<TrackOptions> & { issueConfig?: Partial<IssueConfig> } = {},
) {
  clock = at(hours);
  const { issueConfig, ...rest } = extra;
  return trackHealth({
    report: Array.isArray(input) ? report(input) : input,
    token: 'ghs_fake_token',
    repo: { owner: 'acme', repo: 'ops' },
    labels: [LABEL],
    assignees: [],
    title: `Instantly health: ${WORKSPACE.name}`,
    config: config(issueConfig),
    now: at(hours),
    client: { baseUrl: gh.url, retryAfterBaseMs: 1, spaceWrites: false },
    ...rest,
  });
}

const A = finding('A');
const W = finding('W', 'warning');

/** A state marker naming the workspace, as a forger would paste it. */
function forgedMarker(): string {
  return serializeMarker({
    workspaceId: WORKSPACE.id,
    outageStartedAt: null,
    passingRuns: 0,
    findings: {},
  });
}

/** The writes sent to one issue (edits, comments, state changes). */
function writesTo(number: number): string[] {
  return gh
    .writes()
    .filter((r) => r.path.includes(`/issues/${number}`))
    .map((r) => `${r.method} ${r.path}`);
}

function seedPeoplesIssues(): FakeIssue[] {
  return [
    gh.seedIssue({
      title: 'Webhooks look flaky',
      body: 'Filed by hand, with the label from the issue template.',
      labels: [LABEL],
      author: 'alice',
    }),
    gh.seedIssue({
      title: 'Instantly health: Acme Outbound',
      body: `All good here, nothing to see.\n\n${forgedMarker()}`,
      labels: [LABEL],
      author: 'mallory',
    }),
  ];
}

describe('ours only: a person’s issue is never touched', () => {
  it('a hand-filed labelled issue and a forged marker by another user stay untouched across regress, update and recover', async () => {
    const people = seedPeoplesIssues();

    const opened = await track([A], 1);
    expect(opened.error).toBeUndefined();
    expect(opened).toMatchObject({ action: 'create', issueNumber: 3 });
    const updated = await track([A, finding('B')], 2);
    expect(updated).toMatchObject({ action: 'comment-and-update', issueNumber: 3 });
    const recovered = await track([], 3);
    expect(recovered).toMatchObject({ action: 'close', issueNumber: 3 });
    // Within a day a new regression reopens ours, not the forged one.
    expect(await track([A], 4)).toMatchObject({ action: 'reopen', issueNumber: 3 });

    for (const before of people) {
      expect(gh.issue(before.number)).toEqual(before);
      expect(writesTo(before.number)).toEqual([]);
    }
    expect(gh.issue(3)?.author).toBe('github-actions[bot]');
  });

  it('a body without our marker is not adopted, even when we wrote the issue', async () => {
    await track([A], 0);
    gh.editIssue(1, { body: 'We are on it — @alice' });
    const result = await track([A], 1);
    expect(result).toMatchObject({ action: 'create', issueNumber: 2 });
    expect(gh.issue(1)?.body).toBe('We are on it — @alice');
    expect(writesTo(1)).toEqual([]);
  });

  it('with a personal access token, ours are the issues its user created', async () => {
    gh.identity = { user: 'octocat' };
    // Written by the Actions bot (another token): not this token's, so not adopted.
    gh.seedIssue({
      title: 'old',
      body: forgedMarker(),
      labels: [LABEL],
      author: 'github-actions[bot]',
    });
    const first = await track([A], 1);
    expect(first).toMatchObject({ action: 'create', issueNumber: 2 });
    expect(gh.issue(2)?.author).toBe('octocat');
    expect(await track([A, finding('B')], 2)).toMatchObject({ issueNumber: 2 });
    expect(writesTo(1)).toEqual([]);
  });

  it('with an installation token (a GitHub App), an app account’s issue is ours, a user’s never', async () => {
    // A token from actions/create-github-app-token writes as its app, e.g. acme-ops[bot]; the
    // token cannot learn that login, but only an app an admin installed can author as a bot.
    gh.seedIssue({ title: 'mine', body: forgedMarker(), labels: [LABEL], author: 'acme-ops[bot]' });
    gh.seedIssue({ title: 'forged', body: forgedMarker(), labels: [LABEL], author: 'mallory' });
    const result = await track([A], 1);
    expect(result).toMatchObject({ action: 'comment-and-update', issueNumber: 1 });
    expect(writesTo(2)).toEqual([]);
  });

  it('in agency mode a broken marker is not adopted by a workspace without an issue', async () => {
    gh.seedIssue({
      title: 'Instantly health: other',
      body: '<!-- instantly-health:state v1 {"workspaceId": broken -->',
      labels: [LABEL],
    });
    const result = await track([A], 1, { agency: true });
    expect(result).toMatchObject({ action: 'create', issueNumber: 2 });
    expect(writesTo(1)).toEqual([]);
    // A single-workspace run reuses its own broken marker (one workspace per repository).
    const single = await track([A], 2, { title: 'x' });
    expect(single.issueNumber).toBe(2);
  });
});

/** What a revoked key leaves: nothing checked, no workspace named. */
function revoked(): Report {
  return {
    ...report([], 'failed'),
    failure: {
      cause: 'auth',
      message: 'The API key was refused (401): it was revoked or is wrong.',
      remediation: 'Create a new key and update the secret.',
    },
  };
}

describe('blind runs (contract section 6)', () => {
  it('three runs with a revoked key open the issue saying why, a healthy run closes it', async () => {
    // An outage that recovered: the closed issue keeps the state (and the workspace id).
    await track([A], 0);
    expect(await track([W], 1)).toMatchObject({ action: 'close', issueNumber: 1 });
    const commentsBefore = gh.issue(1)?.comments.length ?? 0;

    const first = await track(revoked(), 2);
    expect(first.error).toBeUndefined();
    expect(first.plan?.blind).toMatchObject({ change: 'none' });
    expect(gh.issue(1)?.state).toBe('closed');
    const second = await track(revoked(), 3);
    expect(second.plan?.blind).toMatchObject({ change: 'none' });
    expect(gh.issue(1)?.state).toBe('closed');
    expect(gh.issue(1)?.comments).toHaveLength(commentsBefore);

    const third = await track(revoked(), 4);
    expect(third.error).toBeUndefined();
    expect(third).toMatchObject({ action: 'reopen', issueNumber: 1 });
    expect(third.plan?.blind).toEqual({
      change: 'started',
      since: at(2).toISOString(),
      cause: expect.stringContaining('revoked') as unknown as string,
    });
    const open = gh.issue(1);
    expect(open?.state).toBe('open');
    expect(open?.body).toContain('Cannot check since 2026-11-30 08:00 UTC');
    expect(open?.body).toContain('revoked');
    expect(open?.comments.at(-1)?.body).toMatch(/^Cannot check since/);
    const afterStart = open?.comments.length ?? 0;

    // A fourth blind run: the body is refreshed, no second comment.
    await track(revoked(), 5);
    expect(gh.issue(1)?.comments).toHaveLength(afterStart);
    // Findings state is never reset by blind runs.
    expect(readMarker(gh.issue(1)?.body).state?.findings[W.fingerprint]).toMatchObject({
      firstSeen: at(1).toISOString(),
    });

    const healthy = await track([], 6);
    expect(healthy).toMatchObject({ action: 'close', issueNumber: 1 });
    expect(healthy.plan?.blind).toMatchObject({ change: 'ended', since: at(2).toISOString() });
    expect(gh.issue(1)?.state).toBe('closed');
    expect(gh.issue(1)?.comments).toHaveLength(afterStart + 1);
    expect(readMarker(gh.issue(1)?.body).state?.blind).toBeUndefined();
  });

  it('blind_threshold 0 turns it off', async () => {
    await track([A], 0);
    await track([], 1);
    for (const hours of [2, 3, 4, 5]) {
      const result = await track(revoked(), hours, { issueConfig: { blind_threshold: 0 } });
      expect(result.plan?.blind?.change).toBe('none');
    }
    expect(gh.issue(1)?.state).toBe('closed');
  });

  it('the workspace-id input names the workspace when several issues could be it', async () => {
    gh.seedIssue({
      title: 'other',
      body: serializeMarker({
        workspaceId: 'ws-other',
        outageStartedAt: null,
        passingRuns: 0,
        findings: {},
      }),
      labels: [LABEL],
    });
    await track([A], 0);
    const unknown = await track(revoked(), 1);
    expect(unknown.warnings.join('\n')).toMatch(/workspace-id/);
    const named = await track(revoked(), 1, { workspaceId: WORKSPACE.id });
    expect(named.issueNumber).toBe(2);
    expect(readMarker(gh.issue(2)?.body).state?.blind?.runs).toBe(1);
  });
});
