import type { RunSettings } from '../config/schema.js';
import type { Campaign } from '../instantly/schemas/campaigns.js';
import type { Finding, SuiteName } from '../model/report.js';
import { ACCOUNT_CHECK } from './account-checks.js';
import { CAMPAIGN_CHECK } from './campaign-checks.js';

/**
 * The launch gate (contract sections 2 and 3): campaigns named by the CLI's `--campaign` or, when
 * none is, by the config's `campaigns.include.ids` are checked whatever their status, drafts
 * included, as a go/no-go before they send. Everything that would stop them sending well is an
 * error there, so exit 0 means ready to launch: a warning or an `unknown` that merely watches an
 * active campaign blocks a launch.
 */

export type GateCampaign = Pick<Campaign, 'id' | 'name'>;

/** The ids the run gates: `--campaign` wins over `campaigns.include.ids`. */
export function launchGateIds(settings: Pick<RunSettings, 'campaignIds' | 'config'>): string[] {
  const ids =
    settings.campaignIds.length > 0 ? settings.campaignIds : settings.config.campaigns.include.ids;
  return [...new Set(ids)];
}

/**
 * The suites a launch gate from the CLI (`--campaign ID`) runs: the named campaigns, their
 * senders, and the workspace checks that stop sending (key, plan, lead limit). Webhooks carry
 * events after a launch and never stop one, so a disabled webhook elsewhere cannot fail the gate.
 */
const GATE_SUITES: readonly SuiteName[] = ['auth', 'campaigns', 'accounts'];

export function forLaunchGate<T extends Pick<RunSettings, 'campaignIds' | 'checks'>>(
  settings: T,
): T {
  if (settings.campaignIds.length === 0) return settings;
  return { ...settings, checks: settings.checks.filter((s) => GATE_SUITES.includes(s)) };
}

/**
 * Checks whose warning or `unknown` blocks a launch: the campaign cannot send (no lead left,
 * an empty sending window, a daily limit of 0, leads not confirmed) or a sender is not ready
 * (paused, set up, connected, warmed: warmup active, score at or above the warning threshold,
 * present in the warmup data) or its domain does not pass DNS.
 */
const BLOCKING = new Set<string>([
  CAMPAIGN_CHECK.leads,
  CAMPAIGN_CHECK.schedule,
  CAMPAIGN_CHECK.dailyLimit,
  ACCOUNT_CHECK.connection,
  ACCOUNT_CHECK.paused,
  ACCOUNT_CHECK.setupPending,
  ACCOUNT_CHECK.warmupStatus,
  ACCOUNT_CHECK.warmupScore,
  ACCOUNT_CHECK.warmupHealth,
  ACCOUNT_CHECK.dmarc,
  ACCOUNT_CHECK.vitals,
]);

export function blocksLaunch(f: Pick<Finding, 'check' | 'severity'>): boolean {
  return f.severity === 'error' || BLOCKING.has(f.check);
}

/**
 * The findings of a resource that `campaigns` (being launched) depend on, with every blocker made
 * an error that says which launch it blocks; the rest (early warnings, tracking) are unchanged.
 */
export function asLaunchBlockers(
  findings: readonly Finding[],
  campaigns: readonly GateCampaign[],
): Finding[] {
  if (campaigns.length === 0) return [...findings];
  return findings.map((f) => {
    if (!blocksLaunch(f)) return f;
    const own = f.resource.type === 'campaign';
    const names = campaigns.map((c) => `"${c.name}"`);
    const shown =
      names.length > 3
        ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`
        : names.join(', ');
    return {
      ...f,
      severity: 'error' as const,
      message: own
        ? `${f.message} This blocks its launch.`
        : `${f.message} This blocks the launch of ${shown}.`,
      evidence: {
        ...f.evidence,
        launch_gate: campaigns.map((c) => ({ id: c.id, name: c.name })),
        ...(f.severity !== 'error' && { severity_outside_gate: f.severity }),
      },
    };
  });
}
