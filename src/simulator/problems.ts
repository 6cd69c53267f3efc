/**
 * The problems a scenario can inject, named for what they are. The checks map them to check ids;
 * `data.injected` says which resource each one hit.
 */
export const SENDING_STATUS_DIAGNOSTICS = [
  'campaign_paused',
  'campaign_draft',
  'campaign_completed',
  'campaign_running_subsequences',
  'campaign_bounce_protect',
  'campaign_accounts_unhealthy',
  'campaign_account_suspended',
  'out_of_schedule',
  'waiting_for_leads',
  'daily_limit_met',
  'account_daily_limit_met',
  'new_lead_limit_met',
  'all_accounts_unhealthy',
  'waiting_for_esp_match',
  'domain_limit_reached',
  'follow_up_delay_not_met',
  'no_accounts_available',
] as const;
export type SendingStatusDiagnostic = (typeof SENDING_STATUS_DIAGNOSTICS)[number] | 'healthy';

export const PROBLEM_NAMES = [
  // Campaigns (resource: campaign)
  'campaign.bounce_protect', // status -2
  'campaign.accounts_unhealthy', // status -1
  'campaign.account_suspended', // status -99
  'campaign.paused', // status 2
  'campaign.no_senders', // empty email_list and email_tag_list
  'campaign.sender_not_found', // email_list names an address that is not an account
  'campaign.unknown_sender_tag', // email_tag_list names a tag no account carries
  'campaign.empty_sequence', // sequences: [] (no step)
  'campaign.variant_missing_subject', // first step's enabled variant has subject ""
  'campaign.variant_missing_body', // an enabled variant has body ""
  'campaign.all_variants_disabled', // a step whose variants are all v_disabled
  'campaign.no_day_enabled', // every schedule has every day false
  'campaign.end_date_past', // Active with campaign_schedule.end_date in the past
  'campaign.zero_leads', // Active, leads_count 0
  'campaign.leads_exhausted', // Active, contacted_count == leads_count
  'campaign.high_bounce_rate', // Active, bounced / contacted about 8 %
  'campaign.not_sending_error', // not_sending_status 99
  'campaign.sending_status_unavailable', // sending-status answers {diagnostics: null, summary: null}
  ...SENDING_STATUS_DIAGNOSTICS.map((status) => `campaign.sending_status.${status}` as const),
  'campaign.draft_on_cold_senders', // a Draft whose senders are not warmed (launch gate)
  'campaign.stalled', // Active, every day scheduled, sending status healthy, nothing sent for 3 days
  'campaign.stalled_outside_schedule', // Active, nothing sent for 3 days, none of them scheduled: no finding
  'campaign.volume_drop', // Active, every day scheduled, about 10 % of its usual volume for 2 days
  'campaign.subsequence_not_sending', // status 4; its subsequence's sending status: all_accounts_unhealthy
  // Accounts (resource: account, id = email)
  'account.connection_error', // status -1 with an SMTP status_message
  'account.soft_bounce_error', // status -2 with an SMTP status_message
  'account.sending_error', // status -3 with an SMTP status_message
  'account.paused', // status 2
  'account.setup_pending',
  'account.autofix_failed', // status -1, autofix_failed true
  'account.warmup_banned', // warmup_status -1
  'account.warmup_suspended', // warmup_status -3
  'account.warmup_paused', // warmup_status 0
  'account.warmup_spam_folder_unknown', // warmup_status -2
  'account.low_warmup_score', // stat_warmup_score 40..55
  'account.low_warmup_health', // warmup-analytics health_score about 55
  'account.no_warmup_data', // absent from warmup-analytics
  'account.warmup_sliding', // warmup inbox rate about 96 % then about 70 % over the last 7 days
  'account.warmup_spam_heavy', // about 20 % of warmup mail lands in spam over the last 7 days
  'account.warmup_one_day_dip', // warmup inbox about 30 points down two days ago only: noise, no finding
  'account.high_bounce_rate', // daily analytics: about 8 % of sent bounced over the last 7 days
  'account.at_volume_cap', // daily analytics: sends its whole daily_limit every day
  'account.ramp_too_fast', // warmup started 5 days ago, daily_limit 50, slow ramp off
  'account.new_and_ramping', // warmup started 5 days ago, daily_limit 15, slow ramp on: no finding
  // Sending domains (resource: domain, id = domain)
  'dns.spf_failing',
  'dns.dkim_failing',
  'dns.mx_failing',
  'dns.dmarc_failing',
  // Webhooks (resource: webhook)
  'webhook.disabled', // status -1 with timestamp_error
  'webhook.not_https', // http:// target
  'webhook.high_failure_rate', // about 40 % of its recent events failed; its endpoint is down
  'webhook.disabled_endpoint_up', // status -1 like webhook.disabled, but its endpoint answers again: a test delivery succeeds
  // Workspace (resource: workspace)
  'workspace.plan_near_lead_limit', // current_lead_count about 95 % of total_lead_limit
  'workspace.plan_over_lead_limit', // current_lead_count above total_lead_limit
  'workspace.scheduled_for_removal', // scheduled_for_removal_at set
  'workspace.subscription_cancelling', // outreach cancel_at_time set
  // Deliverability (generate-deliverability.ts; the opt-in deliverability suite)
  'placement.microsoft_spam', // the latest test of a campaign: half its Microsoft mail in spam
  'placement.blocklisted', // its report lists the sending domain on Spamhaus DBL and Barracuda
  'placement.spamassassin', // its report: SpamAssassin is_spam, score 7.3
  'agent.recommendation', // the deliverability agent has one open (todo) recommendation
] as const;

export type ProblemName = (typeof PROBLEM_NAMES)[number];

export type ResourceType = 'campaign' | 'account' | 'domain' | 'webhook' | 'workspace' | 'suite';

export interface InjectedProblem {
  problem: ProblemName;
  resource: { type: ResourceType; id: string; name: string };
}
