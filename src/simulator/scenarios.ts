/** Scenario specifications: sizes and problems to inject. Named scenarios are data. */
import { z } from 'zod';
import { PROBLEM_NAMES, type ProblemName } from './problems.js';

export const scenarioSpecSchema = z
  .object({
    name: z.string().min(1).default('custom'),
    workspaceName: z.string().min(1).optional(),
    campaigns: z.number().int().min(0).max(50_000),
    /** Share of campaigns that are Active (status 1). */
    activeShare: z.number().min(0).max(1),
    accounts: z.number().int().min(0).max(200_000),
    sendingDomains: z.number().int().min(1).max(50_000),
    webhooks: z.number().int().min(0).max(10_000),
    leadsPerCampaign: z.number().int().min(0).max(1_000_000),
    /** Realistic names (the CLI demo) instead of numbered ones. */
    realisticNames: z.boolean().default(false),
    /** Share of non-active campaigns that are drafts (the rest are completed). */
    draftShare: z.number().min(0).max(1).default(0.2),
    problems: z
      .partialRecord(z.enum(PROBLEM_NAMES), z.number().int().min(0).max(10_000))
      .default({}),
  })
  .strict();

export type ScenarioSpec = z.input<typeof scenarioSpecSchema>;
export type ResolvedScenarioSpec = z.output<typeof scenarioSpecSchema>;

const everySendingDiagnostic = {
  'campaign.sending_status.out_of_schedule': 1,
  'campaign.sending_status.waiting_for_leads': 1,
  'campaign.sending_status.daily_limit_met': 1,
  'campaign.sending_status.account_daily_limit_met': 1,
  'campaign.sending_status.new_lead_limit_met': 1,
  'campaign.sending_status.all_accounts_unhealthy': 1,
  'campaign.sending_status.waiting_for_esp_match': 1,
  'campaign.sending_status.domain_limit_reached': 1,
  'campaign.sending_status.follow_up_delay_not_met': 1,
  'campaign.sending_status.no_accounts_available': 1,
  'campaign.sending_status.campaign_running_subsequences': 1,
} satisfies Partial<Record<ProblemName, number>>;

export const NAMED_SCENARIOS = {
  /** No problem at all (one sender has a one-day warmup dip: noise, not a trend). */
  healthy: {
    name: 'healthy',
    campaigns: 12,
    activeShare: 0.5,
    accounts: 30,
    sendingDomains: 6,
    webhooks: 3,
    leadsPerCampaign: 400,
    problems: {},
  },
  /** Several problems across every suite. */
  broken: {
    name: 'broken',
    campaigns: 40,
    activeShare: 0.6,
    accounts: 80,
    sendingDomains: 12,
    webhooks: 6,
    leadsPerCampaign: 300,
    problems: {
      'campaign.bounce_protect': 1,
      'campaign.accounts_unhealthy': 1,
      'campaign.account_suspended': 1,
      'campaign.paused': 1,
      'campaign.no_senders': 1,
      'campaign.empty_sequence': 1,
      'campaign.variant_missing_subject': 1,
      'campaign.variant_missing_body': 1,
      'campaign.no_day_enabled': 1,
      'campaign.zero_leads': 1,
      'campaign.leads_exhausted': 1,
      'campaign.high_bounce_rate': 1,
      'campaign.not_sending_error': 1,
      'campaign.sending_status.waiting_for_leads': 1,
      'campaign.sending_status.all_accounts_unhealthy': 1,
      'account.connection_error': 1,
      'account.soft_bounce_error': 1,
      'account.sending_error': 1,
      'account.paused': 1,
      'account.setup_pending': 1,
      'account.autofix_failed': 1,
      'account.warmup_banned': 1,
      'account.warmup_suspended': 1,
      'account.warmup_paused': 1,
      'account.low_warmup_score': 1,
      'account.low_warmup_health': 1,
      'dns.spf_failing': 1,
      'dns.dkim_failing': 1,
      'dns.mx_failing': 1,
      'dns.dmarc_failing': 1,
      'webhook.disabled': 1,
      'webhook.not_https': 1,
      'webhook.high_failure_rate': 1,
      'workspace.plan_near_lead_limit': 1,
      'workspace.scheduled_for_removal': 1,
    },
  },
  /**
   * Issue 20's stalled campaigns: one stalled inside its schedule, one quiet outside it (no
   * finding), one at a tenth of its volume, and two whose sending status already names the cause
   * (the daily analytics confirm it on that finding); a campaign running subsequences whose
   * subsequence cannot send; a new mailbox ramping too fast and one ramping as it should.
   */
  stalled: {
    name: 'stalled',
    campaigns: 8,
    activeShare: 0.75,
    accounts: 16,
    sendingDomains: 3,
    webhooks: 1,
    leadsPerCampaign: 400,
    problems: {
      'campaign.stalled': 1,
      'campaign.stalled_outside_schedule': 1,
      'campaign.volume_drop': 1,
      'campaign.sending_status.waiting_for_leads': 1,
      'campaign.sending_status.all_accounts_unhealthy': 1,
      'account.ramp_too_fast': 1,
      'account.new_and_ramping': 1,
      'campaign.subsequence_not_sending': 1,
    },
  },
  /**
   * Issue 20's deliverability suite: the latest placement tests of three campaigns, one with half
   * its Microsoft mail in spam, one whose domain is on two blocklists, one SpamAssassin calls
   * spam; a campaign whose only test is 60 days old; an open recommendation of the agent.
   */
  deliverability: {
    name: 'deliverability',
    campaigns: 8,
    activeShare: 0.75,
    accounts: 16,
    sendingDomains: 3,
    webhooks: 1,
    leadsPerCampaign: 400,
    problems: {
      'placement.microsoft_spam': 1,
      'placement.blocklisted': 1,
      'placement.spamassassin': 1,
      'agent.recommendation': 1,
    },
  },
  /** Every sending-status diagnostic on its own Active campaign. */
  diagnostics: {
    name: 'diagnostics',
    campaigns: 20,
    activeShare: 0.8,
    accounts: 40,
    sendingDomains: 5,
    webhooks: 1,
    leadsPerCampaign: 200,
    problems: everySendingDiagnostic,
  },
  /** Issue 11's early warnings: senders degrading before they fail, and a launch gate. */
  'early-warning': {
    name: 'early-warning',
    campaigns: 10,
    activeShare: 0.6,
    accounts: 24,
    sendingDomains: 4,
    webhooks: 2,
    leadsPerCampaign: 400,
    problems: {
      'account.warmup_sliding': 1,
      'account.warmup_spam_heavy': 1,
      'account.warmup_one_day_dip': 1,
      'account.high_bounce_rate': 1,
      'account.at_volume_cap': 1,
      'account.no_warmup_data': 1,
      'campaign.draft_on_cold_senders': 1,
    },
  },
  /** Benchmark size S. */
  small: {
    name: 'small',
    campaigns: 50,
    activeShare: 0.3,
    accounts: 200,
    sendingDomains: 20,
    webhooks: 5,
    leadsPerCampaign: 300,
    problems: {
      'campaign.bounce_protect': 1,
      'account.connection_error': 1,
      'dns.spf_failing': 1,
      'webhook.disabled': 1,
    },
  },
  /** Benchmark size M. */
  large: {
    name: 'large',
    campaigns: 1000,
    activeShare: 0.3,
    accounts: 5000,
    sendingDomains: 250,
    webhooks: 50,
    leadsPerCampaign: 300,
    problems: {
      'campaign.bounce_protect': 2,
      'campaign.paused': 3,
      'campaign.zero_leads': 1,
      'account.connection_error': 3,
      'account.warmup_banned': 1,
      'dns.dkim_failing': 1,
      'webhook.disabled': 1,
      'webhook.high_failure_rate': 1,
    },
  },
  /** Benchmark size L. */
  huge: {
    name: 'huge',
    campaigns: 5000,
    activeShare: 0.3,
    accounts: 25_000,
    sendingDomains: 1000,
    webhooks: 200,
    leadsPerCampaign: 300,
    problems: {
      'campaign.bounce_protect': 5,
      'campaign.paused': 5,
      'account.connection_error': 10,
      'dns.spf_failing': 2,
      'webhook.disabled': 2,
    },
  },
  /** A realistic small workspace for `instantly-health demo`: a few problems in every suite. */
  demo: {
    name: 'demo',
    workspaceName: 'Acme Outbound',
    realisticNames: true,
    campaigns: 9,
    activeShare: 0.6,
    accounts: 16,
    sendingDomains: 4,
    webhooks: 3,
    leadsPerCampaign: 600,
    draftShare: 0.5,
    problems: {
      'campaign.bounce_protect': 1,
      'campaign.variant_missing_subject': 1,
      'campaign.leads_exhausted': 1,
      'account.connection_error': 1,
      'account.low_warmup_score': 1,
      'account.warmup_sliding': 1,
      'dns.dmarc_failing': 1,
      'webhook.disabled': 1,
      'workspace.plan_near_lead_limit': 1,
    },
  },
} as const satisfies Record<string, ScenarioSpec>;

export type ScenarioName = keyof typeof NAMED_SCENARIOS;
export const SCENARIO_NAMES = Object.keys(NAMED_SCENARIOS) as ScenarioName[];

/** Resolves a name or a spec; a bad one is an error that says what was wrong. */
export function resolveScenario(scenario: string | ScenarioSpec | undefined): ResolvedScenarioSpec {
  if (scenario === undefined) return scenarioSpecSchema.parse(NAMED_SCENARIOS.healthy);
  if (typeof scenario === 'string') {
    if (!(scenario in NAMED_SCENARIOS)) {
      throw new Error(
        `Unknown scenario "${scenario}". Known scenarios: ${SCENARIO_NAMES.join(', ')}.`,
      );
    }
    return scenarioSpecSchema.parse(NAMED_SCENARIOS[scenario as ScenarioName]);
  }
  const parsed = scenarioSpecSchema.safeParse(scenario);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(spec)'}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid scenario spec: ${issues}`);
  }
  return parsed.data;
}
