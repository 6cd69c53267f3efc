/**
 * The tracking plan is the whole plan: the planner names every effect (create, create closed,
 * reopen, rewrite, comment, close, close a duplicate) and track.ts only carries them out. Pure
 * table tests of `planEffects` and `settleRace`, then track against the in-memory store.
 */
import { describe, expect, it } from '@jest/globals';
import type { Finding } from '../../src/model/report.js';
import type { TrackingState } from '../../src/tracking/marker.js';
import { planEffects, settleRace, type IssueSituation } from '../../src/tracking/planner.js';
import { trackHealth } from '../../src/tracking/track.js';
import { at, config, finding, report, WORKSPACE } from './helpers.js';
import { MemoryIssueStore } from './memory-store.js';

function state(errorRuns: number, history: TrackingState['history'] = []): TrackingState {
  return {
    workspaceId: WORKSPACE.id,
    outageStartedAt: null,
    passingRuns: 0,
    findings:
      errorRuns === 0
        ? {}
        : {
            'campaign.status:campaign:A': {
              check: 'campaign.status',
              suite: 'campaigns',
              severity: 'error',
              resource: { type: 'campaign', id: 'A' },
              firstSeen: at(0).toISOString(),
              errorRuns,
              cleanRuns: 0,
              confirmed: false,
            },
          },
    ...(history.length > 0 ? { history } : {}),
  };
}

const situation = (over: Partial<IssueSituation> = {}): IssueSituation => ({
  open: null,
  duplicates: [],
  lastClosed: null,
  state: state(0),
  ...over,
});

describe('planEffects: every effect comes from the plan', () => {
  it.each([
    ['create', situation(), [{ kind: 'create', closed: false }]],
    [
      'reopen',
      situation({ lastClosed: { number: 3, state: null } }),
      [
        { kind: 'reopen', issue: 3 },
        { kind: 'comment', issue: 3, about: 'reopened' },
      ],
    ],
    ['update', situation({ open: { number: 5 } }), [{ kind: 'rewrite', issue: 5, closed: false }]],
    [
      'comment-and-update',
      situation({ open: { number: 5 } }),
      [
        { kind: 'rewrite', issue: 5, closed: false },
        { kind: 'comment', issue: 5, about: 'change' },
      ],
    ],
    [
      'close',
      situation({ open: { number: 5 } }),
      // Closed first, so a failed comment is not repeated by the next run.
      [
        { kind: 'close', issue: 5 },
        { kind: 'comment', issue: 5, about: 'closing' },
      ],
    ],
  ] as const)('%s', (action, issues, effects) => {
    expect(planEffects({ action }, issues)).toEqual(effects);
  });

  it('closes raced duplicates first, linking the open issue', () => {
    const issues = situation({ open: { number: 5 }, duplicates: [{ number: 7 }, { number: 9 }] });
    expect(planEffects({ action: 'update' }, issues)).toEqual([
      { kind: 'close-duplicate', issue: 7, keep: 5 },
      { kind: 'close-duplicate', issue: 9, keep: 5 },
      { kind: 'rewrite', issue: 5, closed: false },
    ]);
  });

  it('with no issue yet, creates one closed to count failing runs below failure_threshold', () => {
    expect(planEffects({ action: 'none' }, situation({ state: state(1) }))).toEqual([
      { kind: 'create', closed: true },
    ]);
  });

  it('keeps counting silently in the closed issue, and only when the count changed', () => {
    const lastClosed = { number: 3, state: state(1) };
    expect(planEffects({ action: 'none' }, situation({ state: state(2), lastClosed }))).toEqual([
      { kind: 'rewrite', issue: 3, closed: true },
    ]);
    expect(planEffects({ action: 'none' }, situation({ state: state(1), lastClosed }))).toEqual([]);
  });

  it('carries the trend on in the closed issue while healthy', () => {
    const point = { at: at(1).toISOString(), errors: 0, warnings: 0, unknown: 0 } as never;
    const lastClosed = { number: 3, state: state(0) };
    expect(
      planEffects({ action: 'none' }, situation({ state: state(0, [point]), lastClosed })),
    ).toEqual([{ kind: 'rewrite', issue: 3, closed: true }]);
  });

  it('does nothing when nothing is counting', () => {
    expect(planEffects({ action: 'none' }, situation())).toEqual([]);
    expect(planEffects({ action: 'none' }, situation({ state: null }))).toEqual([]);
  });
});

describe('settleRace', () => {
  const issue = (number: number, hours: number) => ({
    number,
    createdAt: at(hours).toISOString(),
  });

  it('keeps the oldest open issue and closes only the one this run created', () => {
    const open = [issue(8, 1), issue(7, 1), issue(9, 2)];
    expect(settleRace(open, issue(9, 2))).toEqual({
      keep: issue(7, 1),
      effects: [{ kind: 'close-duplicate', issue: 9, keep: 7 }],
    });
  });

  it('keeps what it created when it is the oldest', () => {
    expect(settleRace([issue(4, 0), issue(6, 1)], issue(4, 0))).toEqual({
      keep: issue(4, 0),
      effects: [],
    });
  });
});

describe('trackHealth carries the plan out on an IssueStore', () => {
  function runner(store: MemoryIssueStore, issueConfig = {}) {
    return (findings: Finding[], hours: number) =>
      trackHealth({
        report: report(findings),
        token: 'unused',
        repo: { owner: 'acme', repo: 'ops' },
        labels: ['instantly-health'],
        assignees: [],
        title: `Instantly health: ${WORKSPACE.name}`,
        config: config(issueConfig),
        now: at(hours),
        store,
      });
  }

  it('opens, rewrites, comments on change, closes, and reopens within a day', async () => {
    let now = at(0);
    const store = new MemoryIssueStore(() => now);
    const track = runner(store);
    const A = finding('A');
    const B = finding('B');

    const steps: [Finding[], number][] = [
      [[A], 0],
      [[A], 1],
      [[A, B], 2],
      [[], 3],
      [[A], 4],
    ];
    const results = [];
    for (const [findings, hours] of steps) {
      now = at(hours);
      results.push(await track(findings, hours));
    }
    expect(results.map((r) => [r.action, r.issueNumber])).toEqual([
      ['create', 1],
      ['update', 1],
      ['comment-and-update', 1],
      ['close', 1],
      ['reopen', 1],
    ]);
    expect(store.writes).toEqual([
      'create #1',
      'update #1: body',
      'update #1: body',
      'comment #1',
      'update #1: body, closed (completed)',
      'comment #1',
      'update #1: body, open',
      'comment #1',
    ]);
    expect(store.labels).toEqual(new Set(['instantly-health']));
  });

  it('counts failing runs in an issue created closed, then opens that one at the threshold', async () => {
    let now = at(0);
    const store = new MemoryIssueStore(() => now);
    const track = runner(store, { failure_threshold: 2 });
    const first = await track([finding('A')], 0);
    expect(first.action).toBe('none');
    expect(first.warnings.join(' ')).toMatch(/created issue #1 closed, to count failing runs/);
    expect(store.writes).toEqual(['create #1', 'update #1: closed (not_planned)']);
    now = at(1);
    const second = await track([finding('A')], 1);
    expect([second.action, second.issueNumber]).toEqual(['reopen', 1]);
    expect(store.issues).toHaveLength(1);
    expect(store.issues[0]?.state).toBe('open');
  });

  it('closes an issue a racing run opened as a duplicate of the older one', async () => {
    const now = at(0);
    const store = new MemoryIssueStore(() => now);
    // Another run creates the workspace's issue between this run's read and its own create.
    const create = store.create.bind(store);
    let raced = false;
    store.create = async (input) => {
      if (!raced) {
        raced = true;
        await create({ ...input, title: 'the other run' });
      }
      return create(input);
    };
    const result = await runner(store)([finding('A')], 0);
    expect(result.issueNumber).toBe(1);
    expect(store.issues.map((i) => [i.number, i.state, i.stateReason])).toEqual([
      [1, 'open', null],
      [2, 'closed', 'duplicate'],
    ]);
    expect(store.writes).toEqual([
      'create #1',
      'create #2',
      'comment #2',
      'update #2: closed (duplicate)',
    ]);
  });
});
