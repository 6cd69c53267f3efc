/**
 * The shapes the simulator serves, as Instantly's OpenAPI document defines them (only the fields
 * the simulator fills). The conformance test checks every response against the document itself.
 */
import type { PlacementData } from './generate-deliverability.js';
import type { InjectedProblem, SendingStatusDiagnostic } from './problems.js';

export interface Workspace {
  id: string;
  name: string;
  owner: string;
  timestamp_created: string;
  timestamp_updated: string;
  scheduled_for_removal_at: string | null;
  plan_id: string | null;
  plan_id_bundle: string | null;
  plan_id_leadfinder: string | null;
  plan_id_crm: string | null;
  plan_id_website_visitor: string | null;
  plan_id_inbox_placement: string | null;
  org_client_domain: string | null;
  default_opportunity_value: number | null;
}

export interface OutreachSubscription {
  plan_name: string;
  product_id: string | null;
  total_lead_limit: number;
  current_lead_count: number;
  base_lead_limit: number;
  addons_qty: number;
  interval: 'month' | 'year' | null;
  current_period_end: number | null;
  cancel_at_time: number | null;
  price_in_dollars: number | null;
}

export interface PlanDetails {
  organization_id: string;
  organization_name: string;
  subscriptions: {
    outreach: OutreachSubscription;
    credits?: { plan_name: string; total_credits: number; available_credits: number };
  };
}

export interface CampaignVariant {
  subject: string;
  body: string;
  v_disabled?: boolean;
}

export interface CampaignStep {
  type: 'email';
  delay: number;
  delay_unit?: 'minutes' | 'hours' | 'days';
  variants: CampaignVariant[];
}

export interface CampaignSchedule {
  name: string;
  timing: { from: string; to: string };
  days: Record<string, boolean>;
  timezone: string;
}

export interface Campaign {
  id: string;
  name: string;
  status: number;
  campaign_schedule: {
    start_date: string | null;
    end_date: string | null;
    schedules: CampaignSchedule[];
  };
  sequences: { steps: CampaignStep[] }[];
  email_list: string[];
  email_tag_list: string[];
  daily_limit: number | null;
  daily_max_leads: number | null;
  stop_on_reply: boolean;
  open_tracking: boolean;
  link_tracking: boolean;
  text_only: boolean;
  email_gap: number;
  random_wait_max: number;
  /**
   * Left out unless set: the document types it `null | number` but its enum omits null, so a
   * null would not validate; an absent optional field does.
   */
  not_sending_status?: 1 | 2 | 3 | 4 | 99;
  disable_bounce_protect: boolean;
  is_evergreen: boolean;
  organization: string;
  timestamp_created: string;
  timestamp_updated: string;
}

export interface CampaignAnalytics {
  campaign_name: string;
  campaign_id: string;
  campaign_status: number;
  campaign_is_evergreen: boolean;
  leads_count: number;
  contacted_count: number;
  emails_sent_count: number;
  new_leads_contacted_count: number;
  open_count: number;
  open_count_unique: number;
  reply_count: number;
  reply_count_unique: number;
  reply_count_automatic: number;
  reply_count_automatic_unique: number;
  link_click_count: number;
  link_click_count_unique: number;
  bounced_count: number;
  unsubscribed_count: number;
  completed_count: number;
  total_opportunities: number;
  total_opportunity_value: number;
}

export interface SendingStatus {
  diagnostics: Record<string, unknown> | null;
  summary: Record<string, unknown> | null;
}

export interface Tag {
  id: string;
  label: string;
  description: string;
}

export interface Account {
  email: string;
  timestamp_created: string;
  timestamp_updated: string;
  first_name: string;
  last_name: string;
  organization: string;
  warmup: {
    limit: number;
    increment: 'disabled' | '0' | '1' | '2' | '3' | '4';
    reply_rate: number;
  };
  daily_limit: number | null;
  tracking_domain_name: string | null;
  tracking_domain_status: string | null;
  status?: number;
  enable_slow_ramp: boolean;
  warmup_status: number;
  status_message?: Record<string, unknown>;
  timestamp_warmup_start: string | null;
  provider_code: number;
  setup_pending: boolean;
  is_managed_account: boolean;
  stat_warmup_score: number | null;
  sending_gap: number;
  autofix_failed: boolean | null;
}

/** How an account's daily warmup and sending series are generated on request. */
export interface AccountProfile {
  inboxRate: number;
  warmupPerDay: number;
  /** Inbox rate over the last 7 days (a "sliding sender"). */
  recentInboxRate?: number;
  /** Spam share over the last 7 days. */
  recentSpamRate?: number;
  /** One day, days before today, with a dip: noise, not a trend. */
  dipDaysAgo?: number;
  noWarmupData?: boolean;
  /** Share of daily_limit sent per day by campaigns (0 when the account sends for no active campaign). */
  sendShare: number;
  bounceRate: number;
}

export interface DomainHealth {
  domain: string;
  mx: boolean;
  spf: boolean;
  dkim: boolean;
  dmarc: boolean;
}

export interface Webhook {
  id: string;
  organization: string;
  campaign: string | null;
  name: string | null;
  target_hook_url: string;
  event_type: string | null;
  custom_interest_value: number | null;
  headers: Record<string, string> | null;
  timestamp_created: string;
  status: number | null;
  timestamp_error: string | null;
}

export interface WebhookEvent {
  id: string;
  timestamp_created: string;
  timestamp_created_date: string;
  organization_id: string;
  payload: Record<string, unknown>;
  success: boolean;
  retry_count: number;
  will_retry: boolean;
  webhook_url: string;
  status_code: number | null;
  error_message: string | null;
  timestamp_next_retry: string | null;
  retry_group_id: string | null;
  retry_successful: boolean | null;
  lead_email: string | null;
  response_time_ms: number | null;
}

/** Lead counts per campaign; the leads themselves are generated on request (memory-lean). */
export interface CampaignLeadCounts {
  leads: number;
  contacted: number;
  bounced: number;
  unsubscribed: number;
  completed: number;
}

export interface SimSubsequence {
  id: string;
  parent_campaign: string;
  name: string;
  status: number;
  timestamp_created: string;
  diagnostic: SendingStatusDiagnostic;
}

/** `stalled`: nothing sent for the last 3 days; `dropped`: about 10 % of usual for the last 2. */
export type DailyPattern = 'stalled' | 'dropped';

export interface WorkspaceData {
  workspace: Workspace;
  /** False: every request answers 402 (no active paid plan). */
  paid: boolean;
  planDetails: PlanDetails;
  campaigns: Campaign[];
  campaignIndex: Map<string, number>;
  /** Campaign id → custom tag ids (the `tag_ids` filter of GET /campaigns). */
  campaignTags: Map<string, string[]>;
  analytics: CampaignAnalytics[];
  leadCounts: CampaignLeadCounts[];
  sendingDiagnostic: (SendingStatusDiagnostic | null)[];
  /** Campaign id → how its daily sending departs from normal (GET /campaigns/analytics/daily). */
  dailyPattern: Map<string, DailyPattern>;
  /** One subsequence per campaign in status 4 (GET /subsequences, its sending status). */
  subsequences: SimSubsequence[];
  /** Inbox placement tests, results, reports and the deliverability agent. */
  placement: PlacementData;
  /** Sorted by timestamp_created then email: the order of the `timestamp_created&email` cursor. */
  accounts: Account[];
  accountIndex: Map<string, number>;
  accountTags: Map<string, Tag[]>;
  profiles: Map<string, AccountProfile>;
  tags: Tag[];
  domains: DomainHealth[];
  webhooks: Webhook[];
  /** Webhook ids whose endpoint is down: POST /webhooks/{id}/test fails for them. */
  endpointsDown: Set<string>;
  /** Newest first. */
  webhookEvents: WebhookEvent[];
  injected: InjectedProblem[];
  /** With `campaign.draft_on_cold_senders`: a draft whose senders are healthy and warmed (the launch gate's pass case). */
  readyDraft: { id: string; name: string } | null;
  seed: number;
}

export interface ScenarioData {
  name: string;
  /** The simulated "today", as an ISO date-time. */
  now: string;
  /** The scenario's own workspace (apiKey, readOnly, withScopes). */
  workspace: WorkspaceData;
  /** The agency workspace behind keys.agency, and the sub-workspaces `x-as-workspace` selects. */
  agency: WorkspaceData;
  subWorkspaces: WorkspaceData[];
  /** The workspace behind keys.noPlan (every request 402). */
  noPlan: WorkspaceData;
  /** Problems injected into the scenario's own workspace. */
  injected: InjectedProblem[];
}
