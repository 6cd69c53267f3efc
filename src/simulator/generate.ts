/**
 * Builds a workspace's data from a scenario spec and a seed. Everything is derived from the seed,
 * so the same seed gives the same data. Leads and daily series are not stored: they are
 * generated on request from the counts and profiles kept here (see series.ts), which keeps the
 * `large` scenario small in memory and fast to build.
 */
import { CAMPAIGN_STATUS as S, type CampaignStatus } from '../instantly/schemas/campaigns.js';
import { injectAccountProblem } from './account-problems.js';
import { generateWebhooks } from './generate-webhooks.js';
import {
  DEMO_CAMPAIGNS,
  DEMO_DOMAINS,
  FIRST_NAMES,
  LAST_NAMES,
  SUBJECTS,
  TIMEZONES,
} from './names.js';
import type { InjectedProblem, ProblemName, SendingStatusDiagnostic } from './problems.js';
import { PROBLEM_NAMES } from './problems.js';
import { createRandom } from './random.js';
import { DAY_MS, dateAt, isoAt } from './time.js';
import type { ResolvedScenarioSpec } from './scenarios.js';
import { generatePlacement } from './generate-deliverability.js';
import type {
  Account,
  AccountProfile,
  Campaign,
  CampaignAnalytics,
  CampaignLeadCounts,
  CampaignStep,
  DailyPattern,
  DomainHealth,
  SimSubsequence,
  Tag,
  WorkspaceData,
} from './types.js';

/** The campaign status each campaign_* diagnostic implies (others run on Active campaigns). */
const DIAGNOSTIC_STATUS: Partial<Record<SendingStatusDiagnostic, CampaignStatus>> = {
  campaign_paused: S.paused,
  campaign_draft: S.draft,
  campaign_completed: S.completed,
  campaign_running_subsequences: S.runningSubsequences,
  campaign_bounce_protect: S.bounceProtect,
  campaign_accounts_unhealthy: S.accountsUnhealthy,
  campaign_account_suspended: S.accountSuspended,
};

const STATUS_DIAGNOSTIC: Record<number, SendingStatusDiagnostic> = {
  ...Object.fromEntries(
    Object.entries(DIAGNOSTIC_STATUS).map(([diagnostic, status]) => [status, diagnostic]),
  ),
  [S.active]: 'healthy',
};

interface CampaignState {
  campaign: Campaign;
  counts: CampaignLeadCounts;
  diagnostic: SendingStatusDiagnostic | null | undefined;
  problem: boolean;
}

export function generateWorkspace(
  spec: ResolvedScenarioSpec,
  seed: number,
  now: Date,
): WorkspaceData {
  const rng = createRandom(seed);
  const nowMs = now.getTime();
  const injected: InjectedProblem[] = [];
  const realistic = spec.realisticNames;

  const workspaceId = rng.uuid(1);
  const workspaceName = spec.workspaceName ?? `Simulated workspace ${spec.name} #${seed}`;
  const workspace = {
    id: workspaceId,
    name: workspaceName,
    owner: rng.uuid(2),
    timestamp_created: isoAt(nowMs - 400 * DAY_MS),
    timestamp_updated: isoAt(nowMs - 3 * DAY_MS),
    scheduled_for_removal_at: null as string | null,
    plan_id: 'pid_hg_v1',
    plan_id_bundle: null,
    plan_id_leadfinder: null,
    plan_id_crm: null,
    plan_id_website_visitor: null,
    plan_id_inbox_placement: null,
    org_client_domain: null,
    default_opportunity_value: 500,
  };
  const workspaceResource = { type: 'workspace' as const, id: workspaceId, name: workspaceName };

  // ---- Domains and accounts -----------------------------------------------------------------
  const domainCount = Math.max(1, Math.min(spec.sendingDomains, Math.max(1, spec.accounts)));
  const domains: DomainHealth[] = [];
  for (let i = 0; i < domainCount; i++) {
    const name =
      realistic && i < DEMO_DOMAINS.length
        ? (DEMO_DOMAINS[i] ?? `acme-${i}.com`)
        : `sender-domain-${i + 1}.com`;
    domains.push({ domain: name, mx: true, spf: true, dkim: true, dmarc: true });
  }

  const accounts: Account[] = [];
  const profiles = new Map<string, AccountProfile>();
  const taken = new Set<string>();
  const accountSpan = 150 * DAY_MS;
  const accountStep = spec.accounts > 0 ? Math.max(1, Math.floor(accountSpan / spec.accounts)) : 1;
  const accountBase = nowMs - 200 * DAY_MS;
  const newAccount = (createdMs: number, domain: string, index: number): Account => {
    const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Alex';
    // Vary the last name with the index too, so 400 accounts get distinct names before a suffix.
    const last =
      LAST_NAMES[(index * 7 + Math.floor(index / FIRST_NAMES.length)) % LAST_NAMES.length] ?? 'Doe';
    let local = `${first}.${last}`.toLowerCase();
    if (taken.has(`${local}@${domain}`)) local = `${local}${index}`;
    const email = `${local}@${domain}`;
    taken.add(email);
    const warmupLimit = rng.int(20, 40);
    return {
      email,
      timestamp_created: isoAt(createdMs),
      timestamp_updated: isoAt(Math.max(createdMs, nowMs - rng.int(1, 20) * DAY_MS)),
      first_name: first,
      last_name: last,
      organization: workspaceId,
      warmup: { limit: warmupLimit, increment: '1', reply_rate: 30 },
      daily_limit: rng.pick([30, 40, 50]),
      tracking_domain_name: null,
      tracking_domain_status: null,
      status: 1,
      enable_slow_ramp: false,
      warmup_status: 1,
      timestamp_warmup_start: isoAt(createdMs + DAY_MS),
      provider_code: rng.pick([2, 2, 3, 1]),
      setup_pending: false,
      is_managed_account: false,
      stat_warmup_score: rng.int(90, 100),
      sending_gap: 10,
      autofix_failed: null,
    };
  };
  for (let i = 0; i < spec.accounts; i++) {
    const domain = domains[i % domainCount]?.domain ?? 'sender-domain-1.com';
    const account = newAccount(accountBase + i * accountStep, domain, i);
    // Senders on the first domain use a custom tracking domain, healthy as the live API reports
    // it (CTD_ACTIVE, not the document's "active"). No random draw: other data stays as it was.
    if (i % domainCount === 0) {
      account.tracking_domain_name = `track.${domain}`;
      account.tracking_domain_status = 'CTD_ACTIVE';
    }
    // autofix_failed is optional: a healthy account leaves it out rather than claim "in progress".
    delete (account as Partial<Account>).autofix_failed;
    accounts.push(account);
    profiles.set(account.email, {
      inboxRate: 0.985 + rng.next() * 0.015,
      warmupPerDay: account.warmup.limit,
      sendShare: 0,
      bounceRate: 0.005,
    });
  }

  // Sender pool: a shuffled order of accounts; tags take the first slots.
  const pool = accounts.map((_, i) => i);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const a = pool[i] ?? 0;
    pool[i] = pool[j] ?? 0;
    pool[j] = a;
  }
  const tags: Tag[] = [];
  const accountTags = new Map<string, Tag[]>();
  const tagMembers: number[][] = [];
  const tagCount = accounts.length >= 6 ? Math.min(20, Math.ceil(accounts.length / 50)) : 0;
  let poolCursor = 0;
  const nextFromPool = (): number => {
    const index = pool[poolCursor % pool.length] ?? 0;
    poolCursor++;
    return index;
  };
  for (let t = 0; t < tagCount; t++) {
    const tag: Tag = {
      id: rng.uuid(100 + t),
      label: realistic ? `Warm pool ${String.fromCharCode(65 + t)}` : `Sender pool ${t + 1}`,
      description: 'Senders rotated together',
    };
    tags.push(tag);
    const members: number[] = [];
    for (let k = 0; k < 3; k++) {
      const index = nextFromPool();
      members.push(index);
      const email = accounts[index]?.email;
      if (email !== undefined) accountTags.set(email, [...(accountTags.get(email) ?? []), tag]);
    }
    tagMembers.push(members);
  }

  // ---- Campaigns ----------------------------------------------------------------------------
  const activeCount = Math.round(spec.campaigns * spec.activeShare);
  const activeSlots = new Set<number>();
  {
    const order = Array.from({ length: spec.campaigns }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      const a = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = a;
    }
    for (let i = 0; i < activeCount; i++) activeSlots.add(order[i] ?? 0);
  }
  const states: CampaignState[] = [];
  const dailyPattern = new Map<string, DailyPattern>();
  const subsequenceTrouble = new Set<string>();
  const usedBySenders = new Set<number>();
  const campaignSpan = 300 * DAY_MS;
  const campaignStep = spec.campaigns > 0 ? Math.floor(campaignSpan / spec.campaigns) : 1;

  const makeSequence = (): { steps: CampaignStep[] }[] => {
    const stepCount = rng.int(2, 4);
    const steps: CampaignStep[] = [];
    for (let s = 0; s < stepCount; s++) {
      const variants = [];
      const variantCount = rng.int(1, 2);
      for (let v = 0; v < variantCount; v++) {
        variants.push({
          subject: s === 0 || rng.chance(0.3) ? rng.pick(SUBJECTS) : '',
          body: `Hi {{firstName}},<br/><br/>${s === 0 ? 'I noticed {{companyName}} is hiring SDRs.' : 'Bumping this up in case it got buried.'}<br/><br/>{{sendingAccountFirstName}}`,
          v_disabled: false,
        });
      }
      steps.push({ type: 'email', delay: rng.int(2, 4), delay_unit: 'days', variants });
    }
    return [{ steps }];
  };

  const addCampaign = (order: number, status: number, name: string): CampaignState => {
    const createdMs = nowMs - 320 * DAY_MS + order * campaignStep + 1000 * order;
    const id = rng.uuid(1000 + order);
    const days: Record<string, boolean> = {};
    for (let d = 0; d < 7; d++) days[String(d)] = d < 5;
    const campaign: Campaign = {
      id,
      name,
      status,
      campaign_schedule: {
        start_date: dateAt(createdMs + DAY_MS),
        end_date: null,
        schedules: [
          {
            name: 'Working hours',
            timing: { from: '09:00', to: '17:00' },
            days,
            timezone: rng.pick(TIMEZONES),
          },
        ],
      },
      sequences: makeSequence(),
      email_list: [],
      email_tag_list: [],
      daily_limit: rng.pick([50, 100, 150, 200]),
      daily_max_leads: rng.pick([20, 30, 50]),
      stop_on_reply: true,
      open_tracking: rng.chance(0.5),
      link_tracking: false,
      text_only: false,
      email_gap: 10,
      random_wait_max: 10,
      disable_bounce_protect: false,
      is_evergreen: false,
      organization: workspaceId,
      timestamp_created: isoAt(createdMs),
      timestamp_updated: isoAt(Math.min(nowMs, createdMs + rng.int(1, 30) * DAY_MS)),
    };
    const leads = Math.max(0, Math.round(spec.leadsPerCampaign * (0.8 + rng.next() * 0.4)));
    const contacted =
      status === S.draft
        ? 0
        : status === S.completed
          ? leads
          : Math.round(leads * (0.3 + rng.next() * 0.5));
    const bounced = Math.round(contacted * (0.005 + rng.next() * 0.01));
    const unsubscribed = Math.round(contacted * 0.005);
    const completed =
      status === S.completed ? contacted - bounced - unsubscribed : Math.round(contacted * 0.3);
    return {
      campaign,
      counts: { leads, contacted, bounced, unsubscribed, completed },
      diagnostic: undefined,
      problem: false,
    };
  };

  const assignSenders = (state: CampaignState, active: boolean, index: number): void => {
    if (accounts.length === 0) return;
    if (active && tagCount > 0 && index % 4 === 3) {
      const t = index % tagCount;
      const tag = tags[t];
      if (tag) state.campaign.email_tag_list = [tag.id];
      for (const member of tagMembers[t] ?? []) usedBySenders.add(member);
      return;
    }
    const n = Math.min(accounts.length, rng.int(2, 4));
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(nextFromPool());
    state.campaign.email_list = [...chosen].map((i) => accounts[i]?.email ?? '');
    if (active) for (const i of chosen) usedBySenders.add(i);
  };

  for (let i = 0; i < spec.campaigns; i++) {
    const active = activeSlots.has(i);
    const status = active ? S.active : rng.chance(spec.draftShare) ? S.draft : S.completed;
    const name =
      realistic && i < DEMO_CAMPAIGNS.length
        ? (DEMO_CAMPAIGNS[i] ?? `Campaign ${i + 1}`)
        : `Campaign ${String(i + 1).padStart(4, '0')}`;
    const state = addCampaign(i, status, name);
    assignSenders(state, active, i);
    states.push(state);
  }

  // ---- Problem injection ----------------------------------------------------------------------
  const record = (
    problem: ProblemName,
    resource: { type: InjectedProblem['resource']['type']; id: string; name: string },
  ): void => {
    injected.push({ problem, resource });
  };
  const takeCampaign = (wantActive: boolean): CampaignState => {
    const matches = (s: CampaignState, active: boolean): boolean =>
      !s.problem && (s.campaign.status === S.active) === active;
    let state =
      states.find((s) => matches(s, wantActive)) ?? states.find((s) => matches(s, !wantActive));
    if (!state) {
      // Every campaign already carries a problem: add one more, so each injection has its own.
      state = addCampaign(
        states.length,
        1,
        `Campaign ${String(states.length + 1).padStart(4, '0')}`,
      );
      assignSenders(state, true, states.length);
      states.push(state);
    }
    state.problem = true;
    return state;
  };
  const accountProblem = new Set<number>();
  const takeAccount = (): Account | undefined => {
    const candidates = [...pool.filter((i) => usedBySenders.has(i)), ...pool];
    const index = candidates.find((i) => !accountProblem.has(i));
    if (index === undefined) return undefined;
    accountProblem.add(index);
    return accounts[index];
  };
  const domainProblem = new Set<string>();
  const takeDomain = (): DomainHealth | undefined => {
    const usedDomains = [...usedBySenders].map((i) => accounts[i]?.email.split('@')[1]);
    const order = [...usedDomains, ...domains.map((d) => d.domain)];
    const name = order.find((d) => d !== undefined && !domainProblem.has(d));
    if (name === undefined) return undefined;
    domainProblem.add(name);
    return domains.find((d) => d.domain === name);
  };

  const webhookProblem = new Set<number>();
  const webhookProblems: { problem: ProblemName; index: number }[] = [];

  let planProblem: 'near' | 'over' | undefined;
  let cancelling = false;

  const placementProblems: ProblemName[] = [];
  const problemEntries = PROBLEM_NAMES.flatMap((name) =>
    Array.from({ length: spec.problems[name] ?? 0 }, () => name),
  );
  for (const problem of problemEntries) {
    const [kind] = problem.split('.');
    if (kind === 'placement' || kind === 'agent') {
      placementProblems.push(problem);
    } else if (kind === 'campaign') {
      injectCampaignProblem(problem);
    } else if (kind === 'account') {
      const account = takeAccount();
      if (!account) throw new Error(`Scenario has no account left to inject ${problem} into.`);
      const profile = profiles.get(account.email);
      if (profile) injectAccountProblem(problem, account, profile, rng, nowMs);
      record(problem, { type: 'account', id: account.email, name: account.email });
    } else if (kind === 'dns') {
      const domain = takeDomain();
      if (!domain) throw new Error(`Scenario has no domain left to inject ${problem} into.`);
      const field = problem.slice('dns.'.length, -'_failing'.length) as
        'spf' | 'dkim' | 'mx' | 'dmarc';
      domain[field] = false;
      record(problem, { type: 'domain', id: domain.domain, name: domain.domain });
    } else if (kind === 'webhook') {
      let index = 0;
      while (webhookProblem.has(index)) index++;
      if (index >= spec.webhooks)
        throw new Error(`Scenario has no webhook left to inject ${problem} into.`);
      webhookProblem.add(index);
      webhookProblems.push({ problem, index });
    } else if (problem === 'workspace.plan_near_lead_limit') {
      planProblem = 'near';
      record(problem, workspaceResource);
    } else if (problem === 'workspace.plan_over_lead_limit') {
      planProblem = 'over';
      record(problem, workspaceResource);
    } else if (problem === 'workspace.scheduled_for_removal') {
      workspace.scheduled_for_removal_at = isoAt(nowMs + 14 * DAY_MS);
      record(problem, workspaceResource);
    } else if (problem === 'workspace.subscription_cancelling') {
      cancelling = true;
      record(problem, workspaceResource);
    }
  }

  function injectCampaignProblem(problem: ProblemName): void {
    if (problem === 'campaign.draft_on_cold_senders') {
      const state = addCampaign(
        states.length,
        0,
        realistic
          ? 'New launch — draft'
          : `Campaign ${String(states.length + 1).padStart(4, '0')} (draft)`,
      );
      states.push(state);
      state.problem = true;
      const cold: string[] = [];
      for (let k = 0; k < 2; k++) {
        const domain = domains[k % domainCount]?.domain ?? 'sender-domain-1.com';
        const account = newAccount(nowMs - 3 * DAY_MS + k * 60_000, domain, accounts.length + 7);
        account.timestamp_warmup_start = isoAt(nowMs - 2 * DAY_MS);
        // Cold for their warmup alone: within the ramp (src/checks/ramp.ts), slow ramp on.
        account.daily_limit = 10;
        account.enable_slow_ramp = true;
        account.stat_warmup_score = null;
        if (k === 0) account.warmup_status = 0;
        delete (account as Partial<Account>).autofix_failed;
        accounts.push(account);
        profiles.set(account.email, {
          inboxRate: 0.9,
          warmupPerDay: account.warmup.limit,
          sendShare: 0,
          bounceRate: 0,
          noWarmupData: true,
        });
        cold.push(account.email);
      }
      state.campaign.email_list = cold;
      record(problem, { type: 'campaign', id: state.campaign.id, name: state.campaign.name });
      return;
    }
    const diagnosticName = problem.startsWith('campaign.sending_status.')
      ? (problem.slice('campaign.sending_status.'.length) as SendingStatusDiagnostic)
      : undefined;
    const impliedStatus =
      diagnosticName !== undefined
        ? DIAGNOSTIC_STATUS[diagnosticName]
        : (
            {
              'campaign.bounce_protect': S.bounceProtect,
              'campaign.accounts_unhealthy': S.accountsUnhealthy,
              'campaign.account_suspended': S.accountSuspended,
              'campaign.paused': S.paused,
              'campaign.subsequence_not_sending': S.runningSubsequences,
            } as Partial<Record<ProblemName, CampaignStatus>>
          )[problem];
    const state = takeCampaign(impliedStatus === undefined);
    const { campaign, counts } = state;
    if (impliedStatus !== undefined) {
      campaign.status = impliedStatus;
      if (counts.contacted === 0 || counts.contacted === counts.leads) {
        counts.contacted = Math.round(counts.leads * 0.5);
        counts.completed = Math.round(counts.contacted * 0.3);
      }
      if (impliedStatus === -2) counts.bounced = Math.round(counts.contacted * 0.06);
      if (impliedStatus === 3) counts.contacted = counts.leads;
    }
    if (diagnosticName !== undefined) state.diagnostic = diagnosticName;
    const firstStep = campaign.sequences[0]?.steps[0];
    switch (problem) {
      case 'campaign.no_senders':
        campaign.email_list = [];
        campaign.email_tag_list = [];
        break;
      case 'campaign.sender_not_found':
        campaign.email_list = [
          ...campaign.email_list,
          `former.sender@${domains[0]?.domain ?? 'example.com'}`,
        ];
        break;
      case 'campaign.unknown_sender_tag':
        campaign.email_tag_list = [
          ...campaign.email_tag_list,
          rng.uuid(9000 + states.indexOf(state)),
        ];
        break;
      case 'campaign.empty_sequence':
        campaign.sequences = [{ steps: [] }];
        break;
      case 'campaign.variant_missing_subject':
        if (firstStep?.variants[0]) firstStep.variants[0].subject = '';
        break;
      case 'campaign.variant_missing_body':
        if (firstStep?.variants[0]) firstStep.variants[0].body = '';
        break;
      case 'campaign.all_variants_disabled':
        for (const variant of firstStep?.variants ?? []) variant.v_disabled = true;
        break;
      case 'campaign.no_day_enabled':
        for (const schedule of campaign.campaign_schedule.schedules)
          for (const key of Object.keys(schedule.days)) schedule.days[key] = false;
        break;
      case 'campaign.end_date_past':
        campaign.campaign_schedule.end_date = dateAt(nowMs - 10 * DAY_MS);
        break;
      case 'campaign.zero_leads':
        Object.assign(counts, {
          leads: 0,
          contacted: 0,
          bounced: 0,
          unsubscribed: 0,
          completed: 0,
        });
        break;
      case 'campaign.leads_exhausted':
        counts.contacted = counts.leads;
        break;
      case 'campaign.high_bounce_rate':
        counts.leads = Math.max(counts.leads, 400);
        counts.contacted = Math.max(counts.contacted, 250);
        counts.bounced = Math.round(counts.contacted * 0.08);
        break;
      case 'campaign.not_sending_error':
        campaign.not_sending_status = 99;
        break;
      case 'campaign.sending_status_unavailable':
        state.diagnostic = null;
        break;
      case 'campaign.subsequence_not_sending':
        state.diagnostic = 'campaign_running_subsequences';
        subsequenceTrouble.add(campaign.id);
        break;
      case 'campaign.stalled':
      case 'campaign.volume_drop':
        // Every day scheduled, so the last days are judged whatever the campaign's timezone.
        for (const schedule of campaign.campaign_schedule.schedules)
          for (let d = 0; d < 7; d++) schedule.days[String(d)] = true;
        dailyPattern.set(campaign.id, problem === 'campaign.stalled' ? 'stalled' : 'dropped');
        break;
      case 'campaign.stalled_outside_schedule': {
        // Scheduled only on the weekdays of 6, 5 and 4 days ago: the quiet last 3 days are not.
        const on = new Set([6, 5, 4].map((back) => new Date(nowMs - back * DAY_MS).getUTCDay()));
        for (const schedule of campaign.campaign_schedule.schedules)
          for (let d = 0; d < 7; d++) schedule.days[String(d)] = on.has(d);
        state.diagnostic = 'out_of_schedule';
        dailyPattern.set(campaign.id, 'stalled');
        break;
      }
      default:
        break;
    }
    record(problem, { type: 'campaign', id: campaign.id, name: campaign.name });
  }

  // Beside a draft on cold senders, a draft that is ready to launch: the launch gate's pass case.
  let readyDraft: { id: string; name: string } | null = null;
  if ((spec.problems['campaign.draft_on_cold_senders'] ?? 0) > 0) {
    const domainOf = (i: number): string => accounts[i]?.email.split('@')[1] ?? '';
    const healthy = pool.filter((i) => !accountProblem.has(i) && !domainProblem.has(domainOf(i)));
    if (healthy.length >= 2) {
      const state = addCampaign(
        states.length,
        0,
        realistic
          ? 'New launch — ready'
          : `Campaign ${String(states.length + 1).padStart(4, '0')} (ready draft)`,
      );
      state.campaign.email_list = healthy.slice(0, 2).map((i) => accounts[i]?.email ?? '');
      state.problem = true;
      states.push(state);
      readyDraft = { id: state.campaign.id, name: state.campaign.name };
    }
  }

  // Senders of Active campaigns send every day; the rest only warm up.
  for (const index of usedBySenders) {
    const profile = profiles.get(accounts[index]?.email ?? '');
    if (profile && profile.sendShare === 0) profile.sendShare = 0.4 + rng.next() * 0.3;
  }
  // Noise every scenario carries: one healthy sender has a one-day warmup dip two days ago.
  const noisy = pool.find((i) => usedBySenders.has(i) && !accountProblem.has(i));
  const noisyProfile = noisy === undefined ? undefined : profiles.get(accounts[noisy]?.email ?? '');
  if (noisyProfile) noisyProfile.dipDaysAgo = 2;

  // Real drafts come without a sequence or senders until someone writes them (served without
  // those fields: routes/campaigns.ts). Drafts a problem or the launch gate uses keep theirs.
  for (const s of states) {
    if (s.campaign.status !== S.draft || s.problem) continue;
    s.campaign.sequences = [];
    s.campaign.email_list = [];
    s.campaign.email_tag_list = [];
    s.campaign.daily_limit = null;
  }

  // ---- Derived campaign data ----------------------------------------------------------------
  const campaigns = states.map((s) => s.campaign);
  // Campaigns carry their own custom tags (GET /campaigns?tag_ids=), distinct from sender tags.
  const campaignTagList: Tag[] = [
    { id: rng.uuid(900), label: 'Priority', description: 'Campaigns the team watches closely' },
    { id: rng.uuid(901), label: 'Experiment', description: 'A/B tests' },
  ];
  const campaignTags = new Map<string, string[]>();
  campaigns.forEach((c, i) => {
    const ids: string[] = [];
    if (i % 5 === 0 && campaignTagList[0]) ids.push(campaignTagList[0].id);
    if (i % 7 === 3 && campaignTagList[1]) ids.push(campaignTagList[1].id);
    if (ids.length > 0) campaignTags.set(c.id, ids);
  });
  const leadCounts = states.map((s) => s.counts);
  const sendingDiagnostic = states.map((s): SendingStatusDiagnostic | null => {
    if (s.diagnostic !== undefined) return s.diagnostic;
    const status = s.campaign.status;
    if (status === S.active) {
      if (s.campaign.email_list.length === 0 && s.campaign.email_tag_list.length === 0)
        return 'no_accounts_available';
      if (s.counts.contacted >= s.counts.leads) return 'waiting_for_leads';
    }
    return STATUS_DIAGNOSTIC[status] ?? 'healthy';
  });
  const analytics = states.map((s) => campaignAnalytics(s.campaign, s.counts));
  const subsequences: SimSubsequence[] = campaigns
    .map((c, order) => ({ c, order }))
    .filter(({ c }) => c.status === S.runningSubsequences)
    .map(({ c, order }) => ({
      id: rng.uuid(8000 + order),
      parent_campaign: c.id,
      name: `${c.name} — replied follow-up`,
      status: 1,
      timestamp_created: c.timestamp_created,
      diagnostic: subsequenceTrouble.has(c.id) ? 'all_accounts_unhealthy' : 'healthy',
    }));

  const {
    webhooks,
    endpointsDown,
    webhookEvents,
    injected: webhookInjected,
  } = generateWebhooks({
    rng,
    count: spec.webhooks,
    workspaceId,
    campaigns,
    problems: webhookProblems,
    nowMs,
    realistic,
  });
  injected.push(...webhookInjected);
  const { placement, injected: placementInjected } = generatePlacement({
    campaigns,
    domains: domains.map((d) => d.domain),
    problems: placementProblems,
    nowMs,
    workspaceId,
    uuid: (n) => rng.uuid(n),
  });
  injected.push(...placementInjected);

  // ---- Plan ---------------------------------------------------------------------------------
  const totalLeads = leadCounts.reduce((sum, c) => sum + c.leads, 0);
  let limit = Math.max(1000, Math.ceil((totalLeads * 2) / 1000) * 1000);
  if (planProblem === 'near') limit = Math.max(1, Math.ceil(totalLeads / 0.95));
  if (planProblem === 'over') limit = Math.max(1, Math.floor(totalLeads * 0.9));
  const planDetails = {
    organization_id: workspaceId,
    organization_name: workspaceName,
    subscriptions: {
      outreach: {
        plan_name: 'Hypergrowth',
        product_id: 'pid_hg_v1',
        total_lead_limit: limit,
        current_lead_count: totalLeads,
        base_lead_limit: limit,
        addons_qty: 0,
        interval: 'month' as const,
        current_period_end: Math.floor((nowMs + 12 * DAY_MS) / 1000),
        cancel_at_time: cancelling ? Math.floor((nowMs + 12 * DAY_MS) / 1000) : null,
        price_in_dollars: 97,
      },
    },
  };

  accounts.sort((a, b) =>
    a.timestamp_created === b.timestamp_created
      ? a.email.localeCompare(b.email)
      : a.timestamp_created < b.timestamp_created
        ? -1
        : 1,
  );

  return {
    workspace,
    paid: true,
    planDetails,
    campaigns,
    campaignIndex: new Map(campaigns.map((c, i) => [c.id, i])),
    campaignTags,
    analytics,
    leadCounts,
    sendingDiagnostic,
    dailyPattern,
    subsequences,
    placement,
    accounts,
    accountIndex: new Map(accounts.map((a, i) => [a.email, i])),
    accountTags,
    profiles,
    tags: [...tags, ...campaignTagList],
    domains,
    webhooks,
    endpointsDown,
    webhookEvents,
    injected,
    readyDraft,
    seed,
  };
}

export function campaignAnalytics(
  campaign: Campaign,
  counts: CampaignLeadCounts,
): CampaignAnalytics {
  const { contacted } = counts;
  const steps = campaign.sequences[0]?.steps.length ?? 1;
  const opens = campaign.open_tracking ? Math.round(contacted * 0.45) : 0;
  const replies = Math.round(contacted * 0.04);
  const opportunities = Math.round(contacted * 0.01);
  return {
    campaign_name: campaign.name,
    campaign_id: campaign.id,
    campaign_status: campaign.status,
    campaign_is_evergreen: campaign.is_evergreen,
    leads_count: counts.leads,
    contacted_count: contacted,
    emails_sent_count: Math.round(contacted * Math.min(steps, 1.8)),
    new_leads_contacted_count: contacted,
    open_count: opens,
    open_count_unique: opens,
    reply_count: replies,
    reply_count_unique: Math.round(replies * 0.85),
    reply_count_automatic: Math.round(replies * 0.15),
    reply_count_automatic_unique: Math.round(replies * 0.15),
    link_click_count: 0,
    link_click_count_unique: 0,
    bounced_count: counts.bounced,
    unsubscribed_count: counts.unsubscribed,
    completed_count: counts.completed,
    total_opportunities: opportunities,
    total_opportunity_value: opportunities * 500,
  };
}
