import { accountsSuite } from '../../src/checks/accounts.js';
import { campaignsSuite } from '../../src/checks/campaigns.js';
import { createSharedResources } from '../../src/checks/resources.js';
import type { SuiteContext, SuiteOutcome } from '../../src/checks/types.js';
import { ConfigFile, type RunSettings } from '../../src/config/schema.js';
import { createInstantlyClient } from '../../src/instantly/client.js';
import type { Finding } from '../../src/model/report.js';
import {
  startSimulator,
  type RunningSimulator,
  type ScenarioSpec,
} from '../../src/simulator/index.js';

/**
 * Runs the campaigns and accounts suites, without the engine, against the real simulator through
 * the real client: a hand-built SuiteContext, one shared resource cache, both suites at once.
 */

export const SIM_NOW = new Date('2026-11-30T12:00:00.000Z');

export interface SuitesRun {
  sim: RunningSimulator;
  campaigns: SuiteOutcome;
  accounts: SuiteOutcome;
  findings: Finding[];
  /** Requests the simulator served, per `METHOD /path` (paths with ids folded to templates). */
  requests: Record<string, number>;
  total: number;
}

export function runSettings(
  config: Record<string, unknown> = {},
  campaignIds: string[] = [],
): (sim: RunningSimulator) => RunSettings {
  return (sim) => ({
    apiKey: sim.keys.readOnly,
    baseUrl: sim.url,
    checks: ['auth', 'campaigns', 'accounts', 'webhooks'],
    rateLimit: 1000,
    timeoutSeconds: 60,
    failOn: 'error',
    campaignIds,
    config: ConfigFile.parse(config),
  });
}

export async function runSuites(
  scenario: string | ScenarioSpec,
  settingsFor: (sim: RunningSimulator) => RunSettings = runSettings(),
): Promise<SuitesRun> {
  const sim = await startSimulator({ scenario, seed: 7, now: SIM_NOW });
  try {
    return await runAgainst(sim, settingsFor(sim));
  } finally {
    await sim.stop();
  }
}

function clientAndContext(settings: RunSettings) {
  const controller = new AbortController();
  const client = createInstantlyClient({
    apiKey: settings.apiKey,
    baseUrl: settings.baseUrl,
    rateLimit: settings.rateLimit,
    signal: controller.signal,
    retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5 },
  });
  const ctx: SuiteContext = {
    api: client,
    settings,
    now: SIM_NOW,
    signal: controller.signal,
    resources: createSharedResources(client, settings, controller.signal, SIM_NOW),
    progress: () => undefined,
  };
  return { client, ctx };
}

/** The campaigns suite alone (as with `checks: [auth, campaigns]`). */
export async function runCampaignsOnly(settings: RunSettings): Promise<SuiteOutcome> {
  const { client, ctx } = clientAndContext(settings);
  try {
    return await campaignsSuite.run(ctx);
  } finally {
    await client.close();
  }
}

export async function runAgainst(sim: RunningSimulator, settings: RunSettings): Promise<SuitesRun> {
  const { client, ctx } = clientAndContext(settings);
  try {
    sim.clearLog();
    const [campaigns, accounts] = await Promise.all([
      campaignsSuite.run(ctx),
      accountsSuite.run(ctx),
    ]);
    const requests: Record<string, number> = {};
    for (const entry of sim.log) {
      const key = `${entry.method} ${template(entry.path)}`;
      requests[key] = (requests[key] ?? 0) + 1;
    }
    return {
      sim,
      campaigns,
      accounts,
      findings: [...campaigns.findings, ...accounts.findings],
      requests,
      total: sim.log.length,
    };
  } finally {
    await client.close();
  }
}

function template(path: string): string {
  return path
    .replace(/^\/api\/v2/, '')
    .replace(/\?.*$/, '')
    .replace(/^\/campaigns\/(?!analytics)[^/]+/, '/campaigns/{id}')
    .replace(/^\/subsequences\/[^/]+\/sending-status$/, '/subsequences/{id}/sending-status');
}
