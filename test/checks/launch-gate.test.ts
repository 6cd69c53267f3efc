import { describe, expect, it } from '@jest/globals';
import { evaluateAccount, evaluateDomains } from '../../src/checks/account-checks.js';
import { evaluateCampaign } from '../../src/checks/campaign-checks.js';
import { asLaunchBlockers, launchGateIds } from '../../src/checks/launch-gate.js';
import { ConfigFile } from '../../src/config/schema.js';
import type { Finding } from '../../src/model/report.js';
import { account, accountsConfig, analytics, campaign, campaignsConfig, NOW } from './fixtures.js';
import { runSettings, runSuites, type SuitesRun } from './simulated.js';

const launch = [{ id: 'c-9', name: 'Q1 launch' }];
const gated = (
  overrides: Record<string, unknown>,
  warmup?: Parameters<typeof evaluateAccount>[0]['warmup'],
) =>
  asLaunchBlockers(
    evaluateAccount(
      {
        account: account(overrides),
        activeCampaigns: [],
        launching: launch,
        ...(warmup && { warmup }),
      },
      accountsConfig(),
    ),
    launch,
  );
const brief = (findings: readonly Finding[]) => findings.map((f) => `${f.severity} ${f.check}`);

describe('launchGateIds', () => {
  it('takes --campaign first, else campaigns.include.ids, each once', () => {
    const config = ConfigFile.parse({ campaigns: { include: { ids: ['a', 'b', 'a'] } } });
    expect(launchGateIds({ campaignIds: [], config })).toEqual(['a', 'b']);
    expect(launchGateIds({ campaignIds: ['x'], config })).toEqual(['x']);
    expect(launchGateIds({ campaignIds: [], config: ConfigFile.parse({}) })).toEqual([]);
  });
});

describe('a sender of a campaign about to launch', () => {
  it('is ready when connected and warmed: no finding', () => {
    expect(gated({}, { health_score: 92 })).toEqual([]);
  });

  it('blocks with an error, naming the campaign, when warmup is below the warning threshold', () => {
    const [score] = gated({ stat_warmup_score: 70 });
    expect(score).toMatchObject({
      check: 'account.warmup-score',
      severity: 'error',
      evidence: { launch_gate: launch, severity_outside_gate: 'warning' },
    });
    expect(score?.message).toContain('This blocks the launch of "Q1 launch".');
    expect(brief(gated({}, { health_score: 75 }))).toEqual(['error account.warmup-health']);
  });

  it('blocks when missing from the warmup data, or warmup is not active (one error each)', () => {
    expect(brief(gated({}, 'missing'))).toEqual(['error account.warmup-health']);
    expect(brief(gated({ warmup_status: 0 }, 'missing'))).toEqual(['error account.warmup-status']);
  });

  it('blocks when paused or not connected, though no active campaign uses it', () => {
    expect(brief(gated({ status: 2 }))).toEqual(['error account.paused']);
    expect(brief(gated({ status: -1 }))).toEqual(['error account.connection']);
    // Outside the gate a paused, unused account is no finding at all.
    expect(
      evaluateAccount({ account: account({ status: 2 }), activeCampaigns: [] }, accountsConfig()),
    ).toEqual([]);
  });

  it('leaves early warnings as they are: they watch, they do not block', () => {
    const trend: Finding = {
      check: 'account.warmup-trend',
      suite: 'accounts',
      severity: 'warning',
      resource: { type: 'account', id: 'ann@alpha.com' },
      message: 'm',
      remediation: 'r',
      evidence: {},
      fingerprint: 'account.warmup-trend:account:ann@alpha.com',
    };
    expect(asLaunchBlockers([trend], launch)).toEqual([trend]);
  });
});

describe('a campaign about to launch', () => {
  const draft = (
    overrides: Record<string, unknown>,
    row: Parameters<typeof evaluateCampaign>[0]['analytics'],
  ) => {
    const c = campaign({ status: 0, ...overrides });
    return asLaunchBlockers(
      evaluateCampaign(
        { campaign: c, ...(row !== undefined && { analytics: row }) },
        campaignsConfig(),
        NOW,
      ),
      [c],
    );
  };

  it('is blocked by what would only be watched on an active campaign', () => {
    expect(brief(draft({ daily_limit: 0 }, analytics()))).toEqual(['error campaign.daily-limit']);
    expect(brief(draft({}, analytics({ contacted_count: 500 })))).toEqual(['error campaign.leads']);
    // Instantly leaves drafts out of its analytics: "no analytics yet" alone blocks nothing.
    expect(brief(draft({}, 'missing'))).toEqual([]);
    expect(brief(draft({ status: -1 }, 'missing'))).toEqual([
      'error campaign.status',
      'error campaign.leads',
    ]);
    const [window] = draft(
      {
        campaign_schedule: {
          schedules: [
            {
              name: 'Late',
              timing: { from: '18:00', to: '09:00' },
              days: { '1': true },
              timezone: 'UTC',
            },
          ],
        },
      },
      analytics(),
    );
    expect(window).toMatchObject({ check: 'campaign.schedule', severity: 'error' });
    expect(window?.message).toMatch(/This blocks its launch\.$/);
  });

  it('is ready with leads, a sequence, a schedule and a daily limit', () => {
    expect(draft({}, analytics())).toEqual([]);
  });

  it("is blocked by a sender's domain failing DMARC or without a DNS result", () => {
    const requested = new Map([
      ['alpha.com', ['ann@alpha.com']],
      ['beta.com', ['bob@beta.com']],
    ]);
    const findings = evaluateDomains(
      { failure_list: [{ domain: 'alpha.com', spf: true, dkim: true, mx: true, dmarc: false }] },
      requested,
    );
    expect(brief(findings)).toEqual(['warning domain.dmarc', 'unknown domain.vitals']);
    expect(brief(asLaunchBlockers(findings, launch))).toEqual([
      'error domain.dmarc',
      'error domain.vitals',
    ]);
  });
});

/** The early-warning scenario: a draft on cold senders, and a draft that is ready to launch. */
describe('the launch gate against the simulator', () => {
  const COLD = 'campaign.draft_on_cold_senders';
  let ids: { cold: string; ready: string } | undefined;
  async function draftIds() {
    if (ids) return ids;
    const probe = await runSuites('early-warning');
    const cold = probe.sim.data.injected.find((p) => p.problem === COLD)?.resource.id ?? '';
    const ready = probe.sim.data.workspace.readyDraft?.id ?? '';
    ids = { cold, ready };
    return ids;
  }
  const errors = (run: SuitesRun) => run.findings.filter((f) => f.severity === 'error');

  it('passes a ready draft: no finding at all, so exit 0', async () => {
    const { ready } = await draftIds();
    const run = await runSuites('early-warning', runSettings({}, [ready]));
    expect(run.campaigns.checked).toBe(1);
    expect(run.accounts.checked).toBe(2);
    expect(brief(run.findings)).toEqual([]);
  });

  it('blocks a draft on cold senders with one error per blocker, each naming the draft and the fix', async () => {
    const { cold } = await draftIds();
    const run = await runSuites('early-warning', runSettings({}, [cold]));
    const draft = run.sim.data.workspace.campaigns.find((c) => c.id === cold);
    const [paused, missing] = draft?.email_list ?? [];
    expect(
      errors(run)
        .map((f) => f.fingerprint)
        .sort(),
    ).toEqual(
      [
        `account.warmup-status:account:${paused ?? ''}`,
        `account.warmup-health:account:${missing ?? ''}`,
      ].sort(),
    );
    expect(run.findings).toHaveLength(2);
    for (const f of errors(run)) {
      expect(f.message).toContain(`This blocks the launch of "${draft?.name ?? ''}".`);
      expect(f.remediation.length).toBeGreaterThan(20);
    }
  });

  it('gates the campaigns named in campaigns.include.ids (the action) the same way', async () => {
    const { cold, ready } = await draftIds();
    const run = await runSuites(
      'early-warning',
      runSettings({ campaigns: { include: { ids: [cold, ready] } } }),
    );
    const gatedErrors = errors(run).filter((f) => f.evidence.launch_gate !== undefined);
    expect(gatedErrors.map((f) => f.check).sort()).toEqual([
      'account.warmup-health',
      'account.warmup-status',
    ]);
    expect(
      run.findings.filter(
        (f) => f.resource.type === 'campaign' && [cold, ready].includes(f.resource.id),
      ),
    ).toEqual([]);
  });

  it('asks for a launch gate no more than the plan: analytics for its campaigns once for rates, once for lifetime leads', async () => {
    const { ready } = await draftIds();
    const run = await runSuites('early-warning', runSettings({}, [ready]));
    expect(run.requests).toMatchObject({
      'GET /campaigns/analytics': 2,
      'POST /accounts/warmup-analytics': 1,
      'POST /accounts/test/vitals': 1,
      'GET /accounts/analytics/daily': 1,
    });
    expect(run.requests['GET /campaigns/{id}/sending-status']).toBeUndefined();
  });
});
