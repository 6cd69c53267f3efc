import { describe, expect, it } from '@jest/globals';
import { checkSpec, isCheckId } from '../../src/model/checks.js';
import type { Finding, Severity } from '../../src/model/report.js';
import type { ProblemName, ScenarioSpec } from '../../src/simulator/index.js';
import { startSimulator } from '../../src/simulator/index.js';
import { runCampaignsOnly, runSettings, runSuites, SIM_NOW } from './simulated.js';

/**
 * Each injected problem, alone in a small workspace, must yield its finding (severity, resource,
 * fingerprint) and nothing else but the findings it necessarily implies.
 */

const base = {
  campaigns: 8,
  activeShare: 0.5,
  accounts: 16,
  sendingDomains: 4,
  webhooks: 0,
  leadsPerCampaign: 300,
} satisfies Omit<ScenarioSpec, 'problems'>;

interface Case {
  problem: ProblemName;
  check: string;
  severity: Severity;
  /** Suffix of the fingerprint after `check:type:id`, e.g. `no-steps`. */
  discriminator?: string | ((resourceId: string) => string);
  /** Checks that may report too, because the problem implies them. */
  also?: string[];
  config?: Record<string, unknown>;
  launchGate?: boolean;
}

const cases: Case[] = [
  {
    problem: 'campaign.bounce_protect',
    check: 'campaign.status',
    severity: 'error',
    also: ['campaign.bounce-rate'],
  },
  { problem: 'campaign.accounts_unhealthy', check: 'campaign.status', severity: 'error' },
  { problem: 'campaign.account_suspended', check: 'campaign.status', severity: 'error' },
  {
    problem: 'campaign.paused',
    check: 'campaign.paused',
    severity: 'warning',
    config: { campaigns: { include: { status: ['active', 'paused'] } } },
  },
  {
    problem: 'campaign.no_senders',
    check: 'campaign.senders',
    severity: 'error',
    discriminator: 'none',
    also: ['campaign.sending-status'],
  },
  {
    problem: 'campaign.sender_not_found',
    check: 'campaign.senders',
    severity: 'error',
    discriminator: 'missing:former.sender@sender-domain-1.com',
  },
  {
    problem: 'campaign.unknown_sender_tag',
    check: 'campaign.senders',
    severity: 'warning',
    discriminator: 'tag:',
  },
  {
    problem: 'campaign.empty_sequence',
    check: 'campaign.sequence',
    severity: 'error',
    discriminator: 'no-steps',
  },
  {
    problem: 'campaign.variant_missing_subject',
    check: 'campaign.sequence',
    severity: 'error',
    discriminator: 'step-1',
  },
  {
    problem: 'campaign.variant_missing_body',
    check: 'campaign.sequence',
    severity: 'error',
    discriminator: 'step-1',
  },
  {
    problem: 'campaign.all_variants_disabled',
    check: 'campaign.sequence',
    severity: 'error',
    discriminator: 'step-1',
  },
  {
    problem: 'campaign.no_day_enabled',
    check: 'campaign.schedule',
    severity: 'error',
    discriminator: 'no-days',
  },
  {
    problem: 'campaign.end_date_past',
    check: 'campaign.schedule',
    severity: 'warning',
    discriminator: 'ended',
  },
  {
    problem: 'campaign.zero_leads',
    check: 'campaign.leads',
    severity: 'error',
    also: ['campaign.sending-status'],
  },
  {
    problem: 'campaign.leads_exhausted',
    check: 'campaign.leads',
    severity: 'warning',
    discriminator: 'exhausted',
    also: ['campaign.sending-status'],
  },
  { problem: 'campaign.high_bounce_rate', check: 'campaign.bounce-rate', severity: 'error' },
  { problem: 'campaign.not_sending_error', check: 'campaign.not-sending', severity: 'error' },
  {
    problem: 'campaign.sending_status_unavailable',
    check: 'campaign.sending-status',
    severity: 'warning',
  },
  // Warnings that have lasted 30 hours (the simulator's issue_first_seen_at) escalate to errors.
  {
    problem: 'campaign.sending_status.waiting_for_leads',
    check: 'campaign.sending-status',
    severity: 'error',
  },
  {
    problem: 'campaign.sending_status.account_daily_limit_met',
    check: 'campaign.sending-status',
    severity: 'error',
  },
  {
    problem: 'campaign.sending_status.waiting_for_esp_match',
    check: 'campaign.sending-status',
    severity: 'error',
  },
  {
    problem: 'campaign.sending_status.all_accounts_unhealthy',
    check: 'campaign.sending-status',
    severity: 'error',
  },
  {
    problem: 'campaign.sending_status.no_accounts_available',
    check: 'campaign.sending-status',
    severity: 'error',
  },
  { problem: 'account.connection_error', check: 'account.connection', severity: 'error' },
  { problem: 'account.soft_bounce_error', check: 'account.connection', severity: 'error' },
  { problem: 'account.sending_error', check: 'account.connection', severity: 'error' },
  { problem: 'account.paused', check: 'account.paused', severity: 'warning' },
  { problem: 'account.setup_pending', check: 'account.setup-pending', severity: 'warning' },
  {
    problem: 'account.autofix_failed',
    check: 'account.autofix-failed',
    severity: 'error',
    also: ['account.connection'],
  },
  { problem: 'account.warmup_banned', check: 'account.warmup-status', severity: 'error' },
  { problem: 'account.warmup_suspended', check: 'account.warmup-status', severity: 'error' },
  { problem: 'account.warmup_paused', check: 'account.warmup-status', severity: 'warning' },
  {
    problem: 'account.warmup_spam_folder_unknown',
    check: 'account.warmup-status',
    severity: 'warning',
  },
  { problem: 'account.low_warmup_score', check: 'account.warmup-score', severity: 'error' },
  {
    problem: 'account.low_warmup_health',
    check: 'account.warmup-health',
    severity: 'error',
    // 45 % of its warmup mail lands in spam every day: that is the same story, told by the day.
    also: ['account.warmup-spam'],
  },
  { problem: 'account.no_warmup_data', check: 'account.warmup-health', severity: 'unknown' },
  // Early warnings (issue 11). A slide in warmup inbox is warmup mail landing in spam, and the
  // reverse, so each may carry the other.
  {
    problem: 'account.warmup_sliding',
    check: 'account.warmup-trend',
    severity: 'warning',
    also: ['account.warmup-spam'],
  },
  {
    problem: 'account.warmup_spam_heavy',
    check: 'account.warmup-spam',
    severity: 'error',
    also: ['account.warmup-trend'],
  },
  { problem: 'account.high_bounce_rate', check: 'account.bounce-rate', severity: 'error' },
  { problem: 'account.at_volume_cap', check: 'account.volume-cap', severity: 'warning' },
  { problem: 'dns.spf_failing', check: 'domain.spf', severity: 'error' },
  { problem: 'dns.dkim_failing', check: 'domain.dkim', severity: 'error' },
  { problem: 'dns.mx_failing', check: 'domain.mx', severity: 'error' },
  { problem: 'dns.dmarc_failing', check: 'domain.dmarc', severity: 'warning' },
];

/** Diagnostics Instantly uses for a campaign that is fine: never a finding. */
const benignDiagnostics: ProblemName[] = [
  'campaign.sending_status.out_of_schedule',
  'campaign.sending_status.daily_limit_met',
  'campaign.sending_status.new_lead_limit_met',
  'campaign.sending_status.domain_limit_reached',
  'campaign.sending_status.follow_up_delay_not_met',
  'campaign.sending_status.campaign_running_subsequences',
];

const RANK: Record<Severity, number> = { unknown: 0, warning: 1, error: 2 };

function withinCatalogue(f: Finding): boolean {
  const spec = isCheckId(f.check) ? checkSpec(f.check) : undefined;
  return spec !== undefined && RANK[f.severity] <= RANK[spec.severity];
}

function describeFindings(findings: Finding[]): string[] {
  return findings.map((f) => `${f.severity} ${f.fingerprint}`);
}

describe('campaigns and accounts suites against the simulator', () => {
  it.each(cases.map((c) => [c.problem, c] as const))('%s', async (_name, c) => {
    const run = await runSuites(
      { ...base, name: c.problem, problems: { [c.problem]: 1 } },
      runSettings(c.config),
    );
    const injected = run.sim.data.injected.find((p) => p.problem === c.problem);
    if (!injected) throw new Error(`the simulator did not inject ${c.problem}`);
    const { type, id } = injected.resource;
    const prefix = `${c.check}:${type}:${id}`;
    const discriminator =
      typeof c.discriminator === 'function' ? c.discriminator(id) : c.discriminator;
    const expected = run.findings.filter(
      (f) =>
        f.check === c.check &&
        (discriminator === undefined
          ? f.fingerprint === prefix
          : f.fingerprint.startsWith(`${prefix}:${discriminator}`)),
    );
    expect(describeFindings(expected)).toEqual([
      `${c.severity} ${expected[0]?.fingerprint ?? prefix}`,
    ]);
    expect(expected[0]?.resource).toMatchObject({ type, id });
    const others = run.findings.filter(
      (f) => !expected.includes(f) && !(c.also ?? []).includes(f.check),
    );
    expect(describeFindings(others)).toEqual([]);
    // The catalogue's severity is the most severe verdict a check gives without an override.
    for (const f of run.findings) expect(withinCatalogue(f)).toBe(true);
  });

  it.each([...benignDiagnostics, 'account.warmup_one_day_dip' as const])(
    '%s is not a finding',
    async (problem) => {
      const run = await runSuites({ ...base, name: problem, problems: { [problem]: 1 } });
      expect(describeFindings(run.findings)).toEqual([]);
    },
  );

  it('shows the SMTP message of a connection error as evidence', async () => {
    const run = await runSuites({ ...base, problems: { 'account.sending_error': 1 } });
    const f = run.findings.find((x) => x.check === 'account.connection');
    expect(f?.evidence).toMatchObject({
      status: -3,
      status_message: { response: expect.any(String) },
    });
    expect(f?.message).toContain((f?.evidence.status_message as { response: string }).response);
  });

  it("shows Instantly's status message for a sending-status diagnostic", async () => {
    const run = await runSuites({
      ...base,
      problems: { 'campaign.sending_status.waiting_for_leads': 1 },
    });
    const f = run.findings.find((x) => x.check === 'campaign.sending-status');
    expect(f?.evidence).toMatchObject({
      status: 'waiting_for_leads',
      status_message: 'No leads are ready to be contacted',
    });
  });

  it('gates a launch: a draft on cold senders is blocked by each cold sender', async () => {
    const problem = 'campaign.draft_on_cold_senders';
    const spec = { ...base, problems: { [problem]: 1 } };
    const probe = await runSuites(spec);
    const draft = probe.sim.data.injected.find((p) => p.problem === problem)?.resource.id ?? '';
    const run = await runSuites(spec, runSettings({}, [draft]));
    expect(run.campaigns.checked).toBe(1);
    const cold = run.sim.data.workspace.campaigns.find((c) => c.id === draft)?.email_list ?? [];
    expect(describeFindings(run.findings).sort()).toEqual(
      [
        // Warmup paused, and absent from the warmup data: each blocks the launch.
        `error account.warmup-status:account:${cold[0] ?? ''}`,
        `error account.warmup-health:account:${cold[1] ?? ''}`,
      ].sort(),
    );
  });

  it('finds nothing at all in the healthy scenario, default scope and scope all', async () => {
    const scoped = await runSuites('healthy');
    expect(describeFindings(scoped.findings)).toEqual([]);
    expect(scoped.campaigns.checked).toBeGreaterThan(0);
    expect(scoped.accounts.checked).toBeGreaterThan(0);
    const all = await runSuites('healthy', runSettings({ accounts: { scope: 'all' } }));
    expect(describeFindings(all.findings)).toEqual([]);
    expect(all.accounts.checked).toBe(all.sim.data.workspace.accounts.length);
  });
});

describe('missing scopes against the simulator', () => {
  it('a key without the accounts scope: the accounts suite fails with the scope error, for the engine to report', async () => {
    const run = await runSuites('broken', (sim) => ({
      ...runSettings()(sim),
      apiKey: sim.keys.withScopes(['campaigns:read']),
    }))
      .then(() => undefined)
      .catch((err: unknown) => err);
    // The accounts suite cannot run at all without the account list: the engine reports it.
    expect(run).toMatchObject({ kind: 'scope' });
  });

  it('reports the campaigns suite alone with the accounts scope missing', async () => {
    const sim = await startSimulator({ scenario: 'broken', seed: 7, now: SIM_NOW });
    try {
      const settings = { ...runSettings()(sim), apiKey: sim.keys.withScopes(['campaigns:read']) };
      const outcome = await runCampaignsOnly(settings);
      const unknown = outcome.findings.filter((f) => f.severity === 'unknown');
      expect(unknown.map((f) => [f.check, f.resource.type])).toEqual([
        ['campaign.senders', 'suite'],
      ]);
      expect(unknown[0]?.remediation).toContain('accounts:read');
      expect(
        outcome.findings.some((f) => f.check === 'campaign.status' && f.severity === 'error'),
      ).toBe(true);
    } finally {
      await sim.stop();
    }
  });
});
