import { describe, expect, it } from '@jest/globals';
import type { IssueConfig } from '../../src/config/schema.js';
import type { TrackingState } from '../../src/tracking/marker.js';
import { plan, type PlanAction } from '../../src/tracking/planner.js';
import type { Report } from '../../src/model/report.js';
import { at, config, finding, report } from './helpers.js';

/**
 * Drives the planner over a sequence of runs, the way the action does: the state of one run
 * feeds the next, and the issue opens and closes as the plans say.
 */
interface Step {
  report: Report;
  action: PlanAction;
  regressed?: boolean;
  newErrors?: string[];
  recovered?: string[];
}

function runSequence(steps: Step[], cfg: IssueConfig, recentlyClosed = true): void {
  let state: TrackingState | null = null;
  let open = false;
  let closed = false;
  steps.forEach((step, i) => {
    const result = plan(state, step.report, cfg, at(i), {
      hasOpenIssue: open,
      recentlyClosed: closed && recentlyClosed,
    });
    const where = `run ${i + 1}`;
    expect({ where, action: result.action }).toEqual({ where, action: step.action });
    if (step.regressed !== undefined) {
      expect({ where, regressed: result.regressed }).toEqual({ where, regressed: step.regressed });
    }
    if (step.newErrors) {
      expect({ where, newErrors: result.newErrors.map((c) => c.resource.id).sort() }).toEqual({
        where,
        newErrors: step.newErrors,
      });
    }
    if (step.recovered) {
      expect({ where, recovered: result.recovered.map((c) => c.resource.id).sort() }).toEqual({
        where,
        recovered: step.recovered,
      });
    }
    if (['create', 'reopen'].includes(result.action)) open = true;
    if (result.action === 'close') [open, closed] = [false, true];
    state = result.nextState;
  });
}

const A = finding('A');
const B = finding('B');
const C = finding('C');
const warnA = finding('A', 'warning');
const healthy = report([]);

describe('plan over sequences of runs', () => {
  const cases: { name: string; cfg: IssueConfig; steps: Step[] }[] = [
    {
      name: 'thresholds 1: open, stay quiet, comment on change, close',
      cfg: config(),
      steps: [
        { report: healthy, action: 'none', regressed: false },
        { report: report([A, B]), action: 'create', regressed: true, newErrors: ['A', 'B'] },
        {
          report: report([A, B]),
          action: 'update',
          regressed: false,
          newErrors: [],
          recovered: [],
        },
        {
          report: report([A, C]),
          action: 'comment-and-update',
          regressed: true,
          newErrors: ['C'],
          recovered: ['B'],
        },
        { report: healthy, action: 'close', regressed: false, recovered: ['A', 'C'] },
        { report: report([B]), action: 'reopen', regressed: true, newErrors: ['B'] },
      ],
    },
    {
      name: 'failure_threshold 3 opens only after three failing runs in a row',
      cfg: config({ failure_threshold: 3 }),
      steps: [
        { report: report([A]), action: 'none', regressed: true },
        { report: report([A]), action: 'none', regressed: false },
        { report: report([A]), action: 'create', regressed: false, newErrors: ['A'] },
      ],
    },
    {
      name: 'failure_threshold 2 with flapping never opens',
      cfg: config({ failure_threshold: 2 }),
      steps: [
        { report: report([A]), action: 'none', regressed: true },
        { report: healthy, action: 'none' },
        { report: report([A]), action: 'none', regressed: true },
        { report: healthy, action: 'none' },
        { report: report([A]), action: 'none' },
      ],
    },
    {
      name: 'success_threshold 2 with flapping keeps the issue open and quiet',
      cfg: config({ success_threshold: 2 }),
      steps: [
        { report: report([A]), action: 'create' },
        { report: healthy, action: 'update', recovered: [] },
        { report: report([A]), action: 'update', regressed: true, newErrors: [] },
        { report: healthy, action: 'update' },
        { report: healthy, action: 'close', recovered: ['A'] },
      ],
    },
    {
      name: 'success_threshold 2: a pending new error holds the close',
      cfg: config({ success_threshold: 2, failure_threshold: 2 }),
      steps: [
        { report: report([A]), action: 'none' },
        { report: report([A]), action: 'create' },
        { report: report([B]), action: 'update' },
        { report: healthy, action: 'comment-and-update', recovered: ['A'] },
        { report: healthy, action: 'close', recovered: [] },
      ],
    },
    {
      name: 'warnings and unknowns never open or keep an issue',
      cfg: config(),
      steps: [
        { report: report([warnA, finding('U', 'unknown')]), action: 'none', regressed: false },
        { report: report([B]), action: 'create', newErrors: ['B'] },
        { report: report([warnA]), action: 'close', recovered: ['B'] },
      ],
    },
    {
      name: 'an error that degrades to a warning has recovered as an error',
      cfg: config(),
      steps: [
        { report: report([A, B]), action: 'create' },
        { report: report([warnA, B]), action: 'comment-and-update', recovered: ['A'] },
        { report: report([A, B]), action: 'comment-and-update', regressed: true, newErrors: ['A'] },
      ],
    },
    {
      name: 'a failed run neither opens nor closes, and does not count toward the thresholds',
      cfg: config({ success_threshold: 2 }),
      steps: [
        { report: report([A]), action: 'create' },
        { report: healthy, action: 'update' },
        { report: report([], 'failed'), action: 'update', regressed: false },
        { report: healthy, action: 'close' },
      ],
    },
    {
      name: 'close_on_recovery false: says it recovered, stays open',
      cfg: config({ close_on_recovery: false }),
      steps: [
        { report: report([A]), action: 'create' },
        { report: healthy, action: 'comment-and-update', recovered: ['A'] },
        { report: healthy, action: 'update' },
        { report: report([B]), action: 'comment-and-update', newErrors: ['B'] },
      ],
    },
  ];
  it.each(cases)('$name', ({ cfg, steps }) => {
    runSequence(steps, cfg);
  });

  it('creates a new issue when the last one was closed more than a day ago', () => {
    runSequence(
      [
        { report: report([A]), action: 'create' },
        { report: healthy, action: 'close' },
        { report: report([A]), action: 'create' },
      ],
      config(),
      false,
    );
  });
});

describe('plan details', () => {
  it('keeps each finding first-seen time and the outage start across runs', () => {
    const cfg = config();
    const first = plan(null, report([A, warnA]), cfg, at(0), {
      hasOpenIssue: false,
      recentlyClosed: false,
    });
    const second = plan(first.nextState, report([A, B]), cfg, at(5), {
      hasOpenIssue: true,
      recentlyClosed: false,
    });
    const findings = second.nextState?.findings ?? {};
    expect(findings[A.fingerprint]?.firstSeen).toBe(at(0).toISOString());
    expect(findings[B.fingerprint]?.firstSeen).toBe(at(5).toISOString());
    expect(second.nextState?.outageStartedAt).toBe(at(0).toISOString());
    const closing = plan(second.nextState, healthy, cfg, at(8), {
      hasOpenIssue: true,
      recentlyClosed: false,
    });
    expect(closing.action).toBe('close');
    expect(closing.outage.durationMs).toBe(8 * 3_600_000);
    expect(closing.nextState?.outageStartedAt).toBeNull();
  });

  it('the outage starts at the first failing run, not when the threshold opened the issue', () => {
    const cfg = config({ failure_threshold: 2 });
    const one = plan(null, report([A]), cfg, at(0), { hasOpenIssue: false, recentlyClosed: false });
    const two = plan(one.nextState, report([A]), cfg, at(1), {
      hasOpenIssue: false,
      recentlyClosed: false,
    });
    expect(two.action).toBe('create');
    expect(two.nextState?.outageStartedAt).toBe(at(0).toISOString());
  });

  it('carries over the errors of a suite that could not decide this run', () => {
    const cfg = config();
    const opened = plan(null, report([A]), cfg, at(0), {
      hasOpenIssue: false,
      recentlyClosed: false,
    });
    const timedOut = report([
      finding('campaigns', 'unknown', {
        check: 'suite.timeout',
        resource: { type: 'suite', id: 'campaigns' },
        fingerprint: 'suite.timeout:suite:campaigns',
      }),
    ]);
    const next = plan(opened.nextState, timedOut, cfg, at(1), {
      hasOpenIssue: true,
      recentlyClosed: false,
    });
    expect(next.action).toBe('update');
    expect(next.recovered).toEqual([]);
    expect(next.nextState?.findings[A.fingerprint]?.confirmed).toBe(true);
  });

  it('a failed run carries the findings state over unchanged and counts a blind run', () => {
    const cfg = config();
    const opened = plan(null, report([A]), cfg, at(0), {
      hasOpenIssue: false,
      recentlyClosed: false,
    });
    const failed = plan(opened.nextState, report([], 'failed'), cfg, at(1), {
      hasOpenIssue: true,
      recentlyClosed: false,
    });
    expect(failed.action).toBe('update');
    const { blind, ...rest } = failed.nextState ?? {};
    expect(rest).toEqual(opened.nextState);
    expect(blind).toMatchObject({ runs: 1, announced: false });
    expect(failed.blind).toMatchObject({ change: 'none' });
  });

  it('an issue a person closed while its errors persist stays closed until something new fails', () => {
    const cfg = config();
    const opened = plan(null, report([A]), cfg, at(0), {
      hasOpenIssue: false,
      recentlyClosed: false,
    });
    const closedByPerson = { hasOpenIssue: false, recentlyClosed: true };
    const same = plan(opened.nextState, report([A]), cfg, at(1), closedByPerson);
    expect(same.action).toBe('none');
    const more = plan(same.nextState, report([A, B]), cfg, at(2), closedByPerson);
    expect(more.action).toBe('reopen');
    expect(more.newErrors.map((c) => c.resource.id)).toEqual(['B']);
  });

  it('a quiet healthy run leaves the state unchanged (nothing to write)', () => {
    const cfg = config({ success_threshold: 3 });
    let state: TrackingState | null = null;
    const states: string[] = [];
    for (let i = 0; i < 6; i++) {
      state = plan(state, report([warnA]), cfg, at(i), {
        hasOpenIssue: false,
        recentlyClosed: false,
      }).nextState;
      states.push(JSON.stringify(state));
    }
    expect(new Set(states.slice(3)).size).toBe(1);
  });
});
