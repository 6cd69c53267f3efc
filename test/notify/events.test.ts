import { describe, expect, it } from '@jest/globals';
import { notificationEvents } from '../../src/tracking/events.js';
import { plan, type Plan } from '../../src/tracking/planner.js';
import { config, finding, report, at } from '../tracking/helpers.js';

const base = { newErrors: [], recovered: [] } as Pick<Plan, 'newErrors' | 'recovered'>;

describe('notification events from the tracking plan', () => {
  it.each([
    ['create', ['regressed']],
    ['reopen', ['regressed']],
    ['comment-and-update', ['changed']],
    ['close', ['recovered']],
    ['update', []],
    ['none', []],
  ] as const)('%s → %j', (action, events) => {
    expect(notificationEvents({ ...base, action })).toEqual(events);
  });

  it('blind checking starting and ending are events of their own', () => {
    expect(notificationEvents({ ...base, action: 'none', blind: { change: 'started' } })).toEqual([
      'blind',
    ]);
    expect(notificationEvents({ ...base, action: 'update', blind: { change: 'ended' } })).toEqual([
      'unblind',
    ]);
    expect(notificationEvents({ ...base, action: 'update', blind: { change: 'none' } })).toEqual(
      [],
    );
  });

  it('a week of plans: regression, unchanged, change, recovery give three events', () => {
    const open = { hasOpenIssue: true, recentlyClosed: false };
    const cfg = config();
    const monday = plan(null, report([]), cfg, at(0), {
      hasOpenIssue: false,
      recentlyClosed: false,
    });
    const tuesday = plan(monday.nextState, report([finding('a')]), cfg, at(24), {
      hasOpenIssue: false,
      recentlyClosed: false,
    });
    const wednesday = plan(tuesday.nextState, report([finding('a')]), cfg, at(48), open);
    const thursday = plan(
      wednesday.nextState,
      report([finding('a'), finding('b')]),
      cfg,
      at(72),
      open,
    );
    const friday = plan(thursday.nextState, report([]), cfg, at(96), open);
    expect([monday, tuesday, wednesday, thursday, friday].map(notificationEvents)).toEqual([
      [],
      ['regressed'],
      [],
      ['changed'],
      ['recovered'],
    ]);
  });
});
