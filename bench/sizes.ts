import { ConfigFile } from '../src/config/schema.js';
import { eventWindow } from '../src/checks/webhooks.js';
import type { ScenarioSpec, WorkspaceData } from '../src/simulator/index.js';
import type { WorkspaceSizes } from './plan.js';

/**
 * Issue 8's workspace sizes as simulator scenarios: a quarter of the campaigns Active (the rest
 * drafts and completed ones), about 25 mailboxes per sending domain, and a few problems in every
 * suite so that each run has something to find and the failed-events request is exercised.
 */
export type SizeName = 'S' | 'M' | 'L';

const problems = (n: number): ScenarioSpec['problems'] => ({
  'campaign.bounce_protect': n,
  'campaign.paused': n,
  'campaign.zero_leads': n,
  'account.connection_error': n,
  'account.warmup_banned': n,
  'dns.spf_failing': n,
  'webhook.disabled': n,
  'webhook.high_failure_rate': 1,
});

export const SIZES: Record<SizeName, ScenarioSpec> = {
  S: {
    name: 'bench-S',
    campaigns: 50,
    activeShare: 0.25,
    accounts: 200,
    sendingDomains: 8,
    webhooks: 5,
    leadsPerCampaign: 300,
    problems: problems(1),
  },
  M: {
    name: 'bench-M',
    campaigns: 1000,
    activeShare: 0.25,
    accounts: 5000,
    sendingDomains: 200,
    webhooks: 50,
    leadsPerCampaign: 300,
    problems: problems(3),
  },
  L: {
    name: 'bench-L',
    campaigns: 5000,
    activeShare: 0.25,
    accounts: 25_000,
    sendingDomains: 1000,
    webhooks: 200,
    leadsPerCampaign: 300,
    problems: problems(5),
  },
};

/** The plan's variables read off the generated workspace, not the spec (problems move statuses). */
export function sizesOf(ws: WorkspaceData, now: Date): WorkspaceSizes {
  const windowDays = ConfigFile.parse({}).webhooks.failure_rate.window_days;
  const window = eventWindow(now, windowDays);
  const domains = new Set(
    ws.accounts.map((a) => a.email.slice(a.email.indexOf('@') + 1).toLowerCase()),
  );
  // The simulator's summary counts events whose date falls in [from, to]; so does this.
  const failedEvents = ws.webhookEvents.filter(
    (e) =>
      !e.success &&
      e.timestamp_created_date >= window.from &&
      e.timestamp_created_date <= window.to,
  ).length;
  return {
    campaigns: ws.campaigns.length,
    active: ws.campaigns.filter((c) => c.status === 1 || c.status === 4).length,
    sending: ws.campaigns.filter((c) => c.status === 1).length,
    accounts: ws.accounts.length,
    domains: domains.size,
    webhooks: ws.webhooks.length,
    failedEvents,
  };
}
