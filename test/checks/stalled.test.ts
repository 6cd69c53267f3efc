import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  foldVerdict,
  judgeDailySending,
  STALLED_CHECK,
  weekdayKey,
  type StalledConfig,
} from '../../src/checks/stalled.js';
import { finding } from '../../src/checks/finding.js';
import type { Campaign } from '../../src/instantly/schemas/campaigns.js';
import { campaign, campaignsConfig, NOW } from './fixtures.js';
import { runSuites } from './simulated.js';

/**
 * Stalled campaigns (issue 20). NOW is Monday 2026-11-30 12:00 UTC; the fixture campaign sends
 * Sunday to Thursday ("0".."4") in America/Chicago, so the scheduled days over in a 7-day window
 * are 23, 24, 25, 26 and 29 November.
 */
const config: StalledConfig = campaignsConfig().stalled;
const rows = (sent: Record<string, number>) =>
  Object.entries(sent).map(([date, n]) => ({ date, sent: n }));
const everyDay = (n: number, except: Record<string, number> = {}) => {
  const out: Record<string, number> = {};
  for (let d = 23; d <= 30; d++) out[`2026-11-${d}`] = n;
  return rows({ ...out, ...except });
};

describe('judgeDailySending', () => {
  it('reads schedule day "0" as Sunday, as the live capture shows (Sunday 0 sent, Saturday 250)', () => {
    const fixture = JSON.parse(
      readFileSync('test/fixtures/real/leonidsvb__campaign_1_daily_analytics.json', 'utf8'),
    ) as { response: { date: string; sent: number }[] };
    const sunday = fixture.response.find((r) => r.date === '2025-09-14');
    expect(sunday?.sent).toBe(0);
    expect(weekdayKey('2025-09-14')).toBe('0');
    expect(weekdayKey('2025-09-13')).toBe('6');
  });

  it('finds nothing while the campaign sends on every scheduled day', () => {
    expect(judgeDailySending({ campaign: campaign(), rows: everyDay(120) }, config, NOW)).toBe(
      undefined,
    );
  });

  it('is a stall since the first quiet scheduled day, naming the last send', () => {
    const verdict = judgeDailySending(
      {
        campaign: campaign(),
        rows: everyDay(120, { '2026-11-26': 0, '2026-11-27': 0, '2026-11-29': 0 }),
      },
      config,
      NOW,
    );
    expect(verdict).toMatchObject({
      kind: 'stalled',
      since: '2026-11-26',
      days: 2,
      lastSent: { date: '2026-11-30', sent: 120 },
    });
  });

  it('treats a day without a row as a day without sending (the live API leaves gaps)', () => {
    const verdict = judgeDailySending(
      { campaign: campaign(), rows: rows({ '2026-11-23': 80, '2026-11-24': 80 }) },
      config,
      NOW,
    );
    expect(verdict).toMatchObject({ kind: 'stalled', since: '2026-11-25', days: 3 });
  });

  it('ignores quiet days the schedule does not cover (Friday and Saturday here)', () => {
    const verdict = judgeDailySending(
      { campaign: campaign(), rows: everyDay(120, { '2026-11-27': 0, '2026-11-28': 0 }) },
      config,
      NOW,
    );
    expect(verdict).toBe(undefined);
  });

  it("does not judge a day that is not over in the campaign's timezone", () => {
    // 02:00 UTC on the 30th is still the 29th in Chicago: the quiet Sunday is today there.
    const early = new Date('2026-11-30T02:00:00.000Z');
    const quietSunday = everyDay(120, { '2026-11-29': 0, '2026-11-30': 0 });
    expect(judgeDailySending({ campaign: campaign(), rows: quietSunday }, config, early)).toBe(
      undefined,
    );
    // In Belgrade (UTC+1) the 29th is over at that time: a stall.
    const belgrade = withTimezone(campaign(), 'Europe/Belgrade');
    expect(
      judgeDailySending({ campaign: belgrade, rows: quietSunday }, config, early),
    ).toMatchObject({ kind: 'stalled', since: '2026-11-29' });
  });

  it('does not judge days before the start date, nor the start date itself', () => {
    const starting = (start: string) =>
      campaign({
        campaign_schedule: { ...campaign().campaign_schedule, start_date: start },
      });
    const quiet = rows({});
    expect(judgeDailySending({ campaign: starting('2026-11-29'), rows: quiet }, config, NOW)).toBe(
      undefined,
    );
    expect(
      judgeDailySending({ campaign: starting('2026-11-28'), rows: quiet }, config, NOW),
    ).toMatchObject({ kind: 'stalled', since: '2026-11-29', days: 1 });
  });

  it('is silent when no lead is left, the daily limit is 0, or the campaign is not in status 1', () => {
    const quiet = rows({});
    expect(
      judgeDailySending({ campaign: campaign(), rows: quiet, leadsLeft: 0 }, config, NOW),
    ).toBe(undefined);
    expect(
      judgeDailySending({ campaign: campaign({ daily_limit: 0 }), rows: quiet }, config, NOW),
    ).toBe(undefined);
    expect(judgeDailySending({ campaign: campaign({ status: 4 }), rows: quiet }, config, NOW)).toBe(
      undefined,
    );
    expect(
      judgeDailySending({ campaign: campaign(), rows: quiet, leadsLeft: 5 }, config, NOW),
    ).toMatchObject({ kind: 'stalled' });
  });

  it('warns on a scheduled day far below the usual volume, not on an ordinary dip', () => {
    const dropped = judgeDailySending(
      { campaign: campaign(), rows: everyDay(150, { '2026-11-29': 20 }) },
      config,
      NOW,
    );
    expect(dropped).toMatchObject({
      kind: 'dropped',
      latest: { date: '2026-11-29', sent: 20 },
      usual: 150,
    });
    const dip = everyDay(150, { '2026-11-29': 60 });
    expect(judgeDailySending({ campaign: campaign(), rows: dip }, config, NOW)).toBe(undefined);
    // A small campaign (usual below min_usual_sent) is not judged on volume.
    const small = everyDay(10, { '2026-11-29': 1 });
    expect(judgeDailySending({ campaign: campaign(), rows: small }, config, NOW)).toBe(undefined);
  });
});

describe('foldVerdict', () => {
  const quiet = () =>
    judgeDailySending({ campaign: campaign(), rows: rows({ '2026-11-23': 90 }) }, config, NOW);

  it('raises campaign.stalled as an error saying since when, quoting a contradicting status', () => {
    const out = foldVerdict([], campaign(), quiet(), 'healthy');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ check: STALLED_CHECK, severity: 'error' });
    expect(out[0]?.message).toContain('since 2026-11-24');
    expect(out[0]?.message).toContain('last sent 2026-11-23');
    expect(out[0]?.message).toContain('sending status says healthy');
  });

  it('adds the figures to the sending-status finding instead of a second finding', () => {
    const status = finding({
      check: 'campaign.sending-status',
      suite: 'campaigns',
      severity: 'error',
      resource: { type: 'campaign', id: 'c-1', name: 'Q4 founders' },
      message: 'Instantly reports the campaign is not sending normally (all_accounts_unhealthy).',
      remediation: 'Reconnect.',
    });
    const out = foldVerdict([status], campaign(), quiet(), 'all_accounts_unhealthy');
    expect(out).toHaveLength(1);
    expect(out[0]?.check).toBe('campaign.sending-status');
    expect(out[0]?.fingerprint).toBe(status.fingerprint);
    expect(out[0]?.message).toContain('Daily analytics: It has sent nothing since 2026-11-24');
    expect(out[0]?.evidence).toMatchObject({ daily: { not_sent_since: '2026-11-24' } });
  });

  it('adds nothing when another finding already names the cause (no senders here)', () => {
    const senders = finding({
      check: 'campaign.senders',
      suite: 'campaigns',
      severity: 'error',
      resource: { type: 'campaign', id: 'c-1', name: 'Q4 founders' },
      message: 'Campaign has no sending accounts.',
      remediation: 'Add senders.',
    });
    expect(foldVerdict([senders], campaign(), quiet(), undefined)).toEqual([senders]);
  });

  it('leaves the findings alone without a verdict', () => {
    expect(foldVerdict([], campaign(), undefined, 'healthy')).toEqual([]);
  });
});

describe('stalled campaigns against the simulator', () => {
  it('finds the stall and the drop, not the quiet campaign outside its schedule, and folds known causes', async () => {
    const run = await runSuites('stalled');
    const injected = (problem: string) =>
      run.sim.data.workspace.injected.find((p) => p.problem === problem)?.resource.id;
    const on = (id: string | undefined) => run.findings.filter((f) => f.resource.id === id);

    const stalled = on(injected('campaign.stalled'));
    expect(stalled.map((f) => [f.check, f.severity])).toEqual([[STALLED_CHECK, 'error']]);
    expect(stalled[0]?.message).toMatch(/sent nothing since 2026-11-2\d/);
    expect(stalled[0]?.message).toContain('sending status says healthy');

    const dropped = on(injected('campaign.volume_drop'));
    expect(dropped.map((f) => [f.check, f.severity])).toEqual([[STALLED_CHECK, 'warning']]);

    expect(on(injected('campaign.stalled_outside_schedule'))).toEqual([]);

    // The sending status names the cause: one finding, confirmed by the daily figures.
    const waiting = on(injected('campaign.sending_status.waiting_for_leads'));
    expect(waiting.map((f) => f.check)).toEqual(['campaign.sending-status']);
    expect(waiting[0]?.message).toContain('Daily analytics: It has sent nothing since');
    expect(run.requests['GET /campaigns/analytics/daily']).toBe(
      run.sim.data.workspace.campaigns.filter((c) => c.status === 1).length,
    );
  });

  it("judges a status-4 campaign by its subsequences' sending status", async () => {
    const run = await runSuites('stalled');
    const id = run.sim.data.workspace.injected.find(
      (p) => p.problem === 'campaign.subsequence_not_sending',
    )?.resource.id;
    const sub = run.sim.data.workspace.subsequences.find((s) => s.parent_campaign === id);
    const own = run.findings.filter((f) => f.resource.id === id);
    expect(own.map((f) => [f.check, f.severity])).toEqual([['campaign.sending-status', 'error']]);
    expect(own[0]?.message).toContain(`Subsequence "${sub?.name ?? ''}"`);
    expect(own[0]?.message).toContain('all_accounts_unhealthy');
    expect(own[0]?.fingerprint).toContain(`subsequence:${sub?.id ?? ''}`);
    expect(run.requests['GET /subsequences']).toBe(1);
    expect(run.requests['GET /subsequences/{id}/sending-status']).toBe(1);
  });

  it('raises nothing on the healthy scenario', async () => {
    const run = await runSuites('healthy');
    expect(run.findings.filter((f) => f.check === STALLED_CHECK)).toEqual([]);
    expect(run.findings.filter((f) => f.message.includes('Daily analytics'))).toEqual([]);
    expect(run.requests['GET /campaigns/analytics/daily']).toBeGreaterThan(0);
  });

  it('asks nothing when campaigns.stalled.enabled is false', async () => {
    const { runSettings } = await import('./simulated.js');
    const run = await runSuites(
      'stalled',
      runSettings({ campaigns: { stalled: { enabled: false } } }),
    );
    expect(run.requests['GET /campaigns/analytics/daily']).toBeUndefined();
    expect(run.findings.filter((f) => f.check === STALLED_CHECK)).toEqual([]);
  });
});

function withTimezone(c: Campaign, timezone: string): Campaign {
  return {
    ...c,
    campaign_schedule: {
      ...c.campaign_schedule,
      schedules: c.campaign_schedule.schedules.map((s) => ({ ...s, timezone })),
    },
  };
}
