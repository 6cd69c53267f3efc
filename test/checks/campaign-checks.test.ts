import { describe, expect, it } from '@jest/globals';
import {
  CAMPAIGN_CHECK,
  campaignNotFound,
  dateIn,
  evaluateCampaign,
  type CampaignEvaluationInput,
} from '../../src/checks/campaign-checks.js';
import { indexAccounts } from '../../src/checks/senders.js';
import { SendingStatus } from '../../src/instantly/schemas/campaigns.js';
import { account, analytics, campaign, campaignsConfig, NOW } from './fixtures.js';

const healthyAccounts = indexAccounts([account()]);

function run(input: Partial<CampaignEvaluationInput>, config = campaignsConfig()) {
  return evaluateCampaign(
    { campaign: campaign(), analytics: analytics(), accounts: healthyAccounts, ...input },
    config,
    NOW,
  );
}

function only(findings: ReturnType<typeof run>) {
  const [first, ...rest] = findings;
  expect(rest).toEqual([]);
  if (!first) throw new Error('expected one finding, got none');
  return first;
}

describe('evaluateCampaign', () => {
  it('finds nothing wrong with a healthy active campaign', () => {
    expect(run({})).toEqual([]);
  });

  describe('status', () => {
    it.each([
      [-1, 'Accounts Unhealthy'],
      [-2, 'Bounce Protect'],
      [-99, 'Account Suspended'],
    ])('reports status %i as an error labelled %s', (status, label) => {
      const f = only(run({ campaign: campaign({ status }) }));
      expect(f).toMatchObject({
        check: 'campaign.status',
        suite: 'campaigns',
        severity: 'error',
        resource: { type: 'campaign', id: 'c-1', name: 'Q4 founders' },
        evidence: { status, label },
        fingerprint: 'campaign.status:campaign:c-1',
      });
      expect(f.message).toContain(label);
    });

    it('reports a paused campaign as a warning under its own check id', () => {
      const f = only(run({ campaign: campaign({ status: 2 }) }));
      expect(f).toMatchObject({ check: 'campaign.paused', severity: 'warning' });
      expect(f.fingerprint).toBe('campaign.paused:campaign:c-1');
    });

    it('reports a status Instantly does not document as a warning', () => {
      const f = only(run({ campaign: campaign({ status: 7 }) }));
      expect(f).toMatchObject({
        check: 'campaign.status',
        severity: 'warning',
        evidence: { status: 7 },
      });
    });

    it.each([0, 1, 3, 4])('has nothing to say about status %i', (status) => {
      expect(
        run({ campaign: campaign({ status }) }).filter((f) => f.check.includes('status')),
      ).toEqual([]);
    });
  });

  describe('sequence', () => {
    it('reports a campaign without steps', () => {
      const f = only(run({ campaign: campaign({ sequences: [] }) }));
      expect(f).toMatchObject({ check: 'campaign.sequence', severity: 'error' });
      expect(f.fingerprint).toBe('campaign.sequence:campaign:c-1:no-steps');
    });

    it('reports a first step whose enabled variant has no subject, and a later one without a body', () => {
      const findings = run({
        campaign: campaign({
          sequences: [
            {
              steps: [
                { type: 'email', delay: 1, variants: [{ subject: ' ', body: 'Hi' }] },
                { type: 'email', delay: 1, variants: [{ subject: 'Re', body: '<p>&nbsp;</p>' }] },
              ],
            },
          ],
        }),
      });
      expect(findings.map((f) => [f.fingerprint, f.severity])).toEqual([
        ['campaign.sequence:campaign:c-1:step-1', 'error'],
        ['campaign.sequence:campaign:c-1:step-2', 'error'],
      ]);
      expect(findings[0]?.message).toContain('variant A has no subject');
      expect(findings[1]?.message).toContain('variant A has no body');
    });

    it('accepts a later step without a subject (sent as a reply in the thread)', () => {
      // The default fixture's second step has an empty subject.
      expect(run({}).filter((f) => f.check === 'campaign.sequence')).toEqual([]);
    });

    it('ignores empty content in a disabled variant', () => {
      const steps = [
        {
          type: 'email',
          delay: 1,
          variants: [
            { subject: 'Hi', body: 'Body' },
            { subject: '', body: '', v_disabled: true },
          ],
        },
      ];
      expect(run({ campaign: campaign({ sequences: [{ steps }] }) })).toEqual([]);
    });

    it('reports a step whose variants are all disabled', () => {
      const steps = [
        { type: 'email', delay: 1, variants: [{ subject: 'Hi', body: 'B' }] },
        { type: 'email', delay: 1, variants: [{ subject: 'x', body: 'y', v_disabled: true }] },
      ];
      const f = only(run({ campaign: campaign({ sequences: [{ steps }] }) }));
      expect(f).toMatchObject({ severity: 'error', evidence: { step: 2 } });
      expect(f.message).toContain('Every variant of step 2 is disabled');
    });
  });

  describe('schedule', () => {
    const schedule = (entry: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
      campaign_schedule: {
        end_date: null,
        ...extra,
        schedules: [
          {
            name: 'S',
            timing: { from: '09:00', to: '17:00' },
            days: { '1': true },
            timezone: 'America/Chicago',
            ...entry,
          },
        ],
      },
    });

    it('reports a schedule with no day enabled as an error', () => {
      const f = only(run({ campaign: campaign(schedule({ days: { '0': false, '1': false } })) }));
      expect(f).toMatchObject({ check: 'campaign.schedule', severity: 'error' });
      expect(f.fingerprint).toBe('campaign.schedule:campaign:c-1:no-days');
    });

    it.each([
      ['17:00', '09:00'],
      ['09:00', '09:00'],
      ['9am', '17:00'],
    ])('reports an empty window %s–%s as a warning', (from, to) => {
      const f = only(run({ campaign: campaign(schedule({ timing: { from, to } })) }));
      expect(f).toMatchObject({ severity: 'warning', evidence: { from, to } });
      expect(f.fingerprint).toBe('campaign.schedule:campaign:c-1:window-1');
    });

    it('reports an end date already passed while active', () => {
      const f = only(run({ campaign: campaign(schedule({}, { end_date: '2026-11-01' })) }));
      expect(f).toMatchObject({ severity: 'warning', evidence: { end_date: '2026-11-01' } });
      expect(f.fingerprint).toBe('campaign.schedule:campaign:c-1:ended');
    });

    it('does not report an end date that is today where the campaign sends', () => {
      // 2026-11-30T03:00Z is still 2026-11-29 in Chicago.
      const early = new Date('2026-11-30T03:00:00.000Z');
      const c = campaign(schedule({}, { end_date: '2026-11-29' }));
      expect(
        evaluateCampaign(
          { campaign: c, analytics: analytics(), accounts: healthyAccounts },
          campaignsConfig(),
          early,
        ),
      ).toEqual([]);
    });

    it('does not report a passed end date on a paused campaign as an end-date problem', () => {
      const findings = run({
        campaign: campaign({ status: 2, ...schedule({}, { end_date: '2026-01-01' }) }),
      });
      expect(findings.map((f) => f.check)).toEqual(['campaign.paused']);
    });

    it('falls back to the westernmost timezone for an unknown one', () => {
      expect(dateIn(new Date('2026-11-30T11:00:00Z'), 'Not/AZone')).toBe('2026-11-29');
      expect(dateIn(new Date('2026-11-30T11:00:00Z'), 'Asia/Tokyo')).toBe('2026-11-30');
    });
  });

  describe('senders', () => {
    it('reports a campaign with no sender list and no tag', () => {
      const f = only(run({ campaign: campaign({ email_list: [], email_tag_list: [] }) }));
      expect(f).toMatchObject({ check: 'campaign.senders', severity: 'error' });
      expect(f.fingerprint).toBe('campaign.senders:campaign:c-1:none');
    });

    it('reports a listed sender that is not in the workspace, and that no sender is left', () => {
      const findings = run({ campaign: campaign({ email_list: ['Gone@Alpha.com'] }) });
      expect(findings.map((f) => [f.fingerprint, f.severity])).toEqual([
        ['campaign.senders:campaign:c-1:missing:gone@alpha.com', 'error'],
        ['campaign.senders:campaign:c-1:unusable', 'error'],
      ]);
    });

    it('matches sender addresses case-insensitively', () => {
      expect(run({ campaign: campaign({ email_list: ['ANN@alpha.com'] }) })).toEqual([]);
    });

    it('resolves senders through account tags, and warns about a tag nobody carries', () => {
      const accounts = indexAccounts([
        account({ email: 'bo@beta.com', tags: [{ id: 't-1', label: 'EU' }] }),
      ]);
      const findings = run({
        campaign: campaign({ email_list: [], email_tag_list: ['t-1', 't-2'] }),
        accounts,
      });
      const f = only(findings);
      expect(f).toMatchObject({ severity: 'warning', evidence: { tag: 't-2' } });
      expect(f.fingerprint).toBe('campaign.senders:campaign:c-1:tag:t-2');
    });

    it('reports a campaign whose every sender is unhealthy', () => {
      const accounts = indexAccounts([
        account({ status: -1 }),
        account({ email: 'bo@alpha.com', status: 2 }),
      ]);
      const f = only(
        run({ campaign: campaign({ email_list: ['ann@alpha.com', 'bo@alpha.com'] }), accounts }),
      );
      expect(f).toMatchObject({
        severity: 'error',
        evidence: {
          senders: [
            { email: 'ann@alpha.com', status: -1 },
            { email: 'bo@alpha.com', status: 2 },
          ],
        },
      });
    });

    it('is satisfied when one sender of several can send', () => {
      const accounts = indexAccounts([
        account({ status: -1 }),
        account({ email: 'bo@alpha.com', status: 1 }),
      ]);
      expect(
        run({ campaign: campaign({ email_list: ['ann@alpha.com', 'bo@alpha.com'] }), accounts }),
      ).toEqual([]);
    });

    it('only checks for empty lists when the account list is unavailable', () => {
      const findings = evaluateCampaign(
        { campaign: campaign({ email_list: ['gone@alpha.com'] }), analytics: analytics() },
        campaignsConfig(),
        NOW,
      );
      expect(findings).toEqual([]);
    });
  });

  it('warns about a daily limit of 0', () => {
    const f = only(run({ campaign: campaign({ daily_limit: 0 }) }));
    expect(f).toMatchObject({ check: 'campaign.daily-limit', severity: 'warning' });
  });

  describe('leads', () => {
    it('reports a campaign without leads as an error', () => {
      const f = only(
        run({ analytics: analytics({ leads_count: 0, contacted_count: 0, bounced_count: 0 }) }),
      );
      expect(f).toMatchObject({
        check: 'campaign.leads',
        severity: 'error',
        fingerprint: 'campaign.leads:campaign:c-1',
      });
    });

    it('warns when fewer leads than min_remaining_leads are left to contact', () => {
      const f = only(
        run(
          { analytics: analytics({ leads_count: 100, contacted_count: 95, bounced_count: 0 }) },
          campaignsConfig({ min_remaining_leads: 10 }),
        ),
      );
      expect(f).toMatchObject({
        severity: 'warning',
        evidence: { remaining: 5, min_remaining_leads: 10 },
      });
      expect(f.fingerprint).toBe('campaign.leads:campaign:c-1:exhausted');
    });

    it('warns when every lead has been contacted (default minimum 1)', () => {
      const f = only(
        run({ analytics: analytics({ leads_count: 100, contacted_count: 100, bounced_count: 0 }) }),
      );
      expect(f.message).toContain('All 100 leads have been contacted');
    });

    it('does not judge the leads of a campaign running its subsequences', () => {
      const row = analytics({ leads_count: 100, contacted_count: 100, bounced_count: 0 });
      expect(run({ campaign: campaign({ status: 4 }), analytics: row })).toEqual([]);
    });

    it('reports unknown when the analytics had no row for the campaign', () => {
      const f = only(run({ analytics: 'missing' }));
      expect(f).toMatchObject({ check: 'campaign.leads', severity: 'unknown' });
    });
  });

  describe('bounce rate', () => {
    const row = (bounced: number, contacted: number) =>
      analytics({ bounced_count: bounced, contacted_count: contacted, leads_count: 10_000 });

    it.each([
      [3, 100, 'warning'],
      [5, 100, 'error'],
      [9, 100, 'error'],
    ])('%i bounced of %i contacted is a %s', (bounced, contacted, severity) => {
      const f = only(run({ analytics: row(bounced, contacted) }));
      expect(f).toMatchObject({
        check: 'campaign.bounce-rate',
        severity,
        fingerprint: 'campaign.bounce-rate:campaign:c-1',
        evidence: { bounced_count: bounced, contacted_count: contacted },
      });
    });

    it('stays quiet under the warning threshold', () => {
      expect(run({ analytics: row(2, 100) })).toEqual([]);
    });

    it('needs min_sent contacted leads before judging', () => {
      expect(run({ analytics: row(10, 49) })).toEqual([]);
      expect(
        run({ analytics: row(10, 49) }, campaignsConfig({ bounce_rate: { min_sent: 40 } })),
      ).toHaveLength(1);
    });
  });

  describe('sending status', () => {
    const status = (diagnostics: Record<string, unknown> | null, message?: string) =>
      SendingStatus.parse({
        diagnostics,
        summary:
          diagnostics === null
            ? null
            : { status: diagnostics.status, status_message: message ?? null },
      });

    it.each([
      ['healthy', undefined],
      ['out_of_schedule', undefined],
      ['daily_limit_met', undefined],
      ['follow_up_delay_not_met', undefined],
      ['waiting_for_leads', 'warning'],
      ['account_daily_limit_met', 'warning'],
      ['no_accounts_available', 'error'],
      ['all_accounts_unhealthy', 'error'],
      ['campaign_bounce_protect', 'error'],
      ['something_new', 'warning'],
    ])('maps %s to %s', (value, severity) => {
      const findings = run({ sendingStatus: status({ status: value }, `Message for ${value}`) });
      if (severity === undefined) {
        expect(findings).toEqual([]);
        return;
      }
      const f = only(findings);
      expect(f).toMatchObject({
        check: 'campaign.sending-status',
        severity,
        fingerprint: 'campaign.sending-status:campaign:c-1',
        evidence: { status: value, status_message: `Message for ${value}` },
      });
      expect(f.message).toContain(`Message for ${value}`);
    });

    it('escalates a warning that has lasted a day to an error', () => {
      const f = only(
        run({
          sendingStatus: status({
            status: 'waiting_for_leads',
            issue_tracking: {
              current_status_code: 'waiting_for_leads',
              issue_first_seen_at: '2026-11-28T12:00:00.000Z',
              consecutive_loops_with_issue: 80,
            },
          }),
        }),
      );
      expect(f).toMatchObject({
        severity: 'error',
        evidence: { issue_first_seen_at: '2026-11-28T12:00:00.000Z' },
      });
    });

    it('does not date the issue from issue_first_seen_at of another status code', () => {
      // A real answer: issue tracking follows waiting_for_leads while the diagnosis is another.
      for (const current of ['waiting_for_leads', null, undefined]) {
        const f = only(
          run({
            sendingStatus: status({
              status: 'account_daily_limit_met',
              issue_tracking: {
                ...(current !== undefined && { current_status_code: current }),
                issue_first_seen_at: '2026-11-20T12:00:00.000Z',
              },
            }),
          }),
        );
        expect(f.severity).toBe('warning');
        expect(f.evidence).not.toHaveProperty('issue_first_seen_at');
      }
    });

    it('a campaign that finished its list is one warning, not also a waiting_for_leads error', () => {
      const waiting = status({
        status: 'waiting_for_leads',
        issue_tracking: {
          current_status_code: 'waiting_for_leads',
          issue_first_seen_at: '2026-11-28T12:00:00.000Z',
        },
      });
      const finished = run({
        analytics: analytics({ leads_count: 550, contacted_count: 550 }),
        sendingStatus: waiting,
      });
      expect(finished.map((f) => [f.check, f.severity])).toEqual([['campaign.leads', 'warning']]);
      expect(only(finished).message).toContain('All 550 leads have been contacted');
      // Leads left to contact: waiting for leads is a sending problem of its own, escalated.
      const stuck = run({
        analytics: analytics({ leads_count: 550, contacted_count: 100 }),
        sendingStatus: waiting,
      });
      expect(stuck.map((f) => [f.check, f.severity])).toEqual([
        ['campaign.sending-status', 'error'],
      ]);
    });

    it('keeps a recent issue a warning', () => {
      const f = only(
        run({
          sendingStatus: status({
            status: 'waiting_for_leads',
            issue_tracking: {
              current_status_code: 'waiting_for_leads',
              issue_first_seen_at: '2026-11-30T10:00:00.000Z',
            },
          }),
        }),
      );
      expect(f.severity).toBe('warning');
    });

    it('warns when Instantly has no sending data for an active campaign', () => {
      const f = only(run({ sendingStatus: status(null) }));
      expect(f).toMatchObject({ check: 'campaign.sending-status', severity: 'warning' });
    });
  });

  describe('not_sending_status', () => {
    it('reports 99 as an error', () => {
      const f = only(run({ campaign: campaign({ not_sending_status: 99 }) }));
      expect(f).toMatchObject({
        check: 'campaign.not-sending',
        severity: 'error',
        fingerprint: 'campaign.not-sending:campaign:c-1',
      });
    });

    it.each([1, 2, 3, 4])('leaves the documented reason %i to the other checks', (value) => {
      expect(run({ campaign: campaign({ not_sending_status: value }) })).toEqual([]);
    });

    it('warns about an undocumented reason', () => {
      expect(only(run({ campaign: campaign({ not_sending_status: 42 }) })).severity).toBe(
        'warning',
      );
    });
  });
});

describe('campaignNotFound', () => {
  it('blocks the launch gate with an error naming the id', () => {
    expect(campaignNotFound('nope')).toMatchObject({
      check: CAMPAIGN_CHECK.notFound,
      severity: 'error',
      resource: { type: 'campaign', id: 'nope' },
      fingerprint: 'campaign.not-found:campaign:nope',
    });
  });
});
