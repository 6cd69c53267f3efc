import type { RunSettings } from '../config/schema.js';
import type { InstantlyApi } from '../instantly/api.js';
import type { Account } from '../instantly/schemas/accounts.js';
import type { Campaign, CampaignAnalytics } from '../instantly/schemas/campaigns.js';
import type { Finding, SuiteName } from '../model/report.js';

/**
 * The seam between the engine and the suites. A suite fetches through `ctx.resources` (shared,
 * fetched-once data such as the account list used by both campaigns and accounts) or `ctx.api`,
 * then evaluates pure check functions over what it fetched.
 */

export interface SuiteContext {
  api: InstantlyApi;
  settings: RunSettings;
  /** The run's clock reading, fixed once so every check sees the same "now". */
  now: Date;
  /** Aborts at the run's deadline; suites pass it to every request. */
  signal: AbortSignal;
  resources: SharedResources;
  /** Live progress for the CLI: items done out of total for this suite. */
  progress(done: number, total: number): void;
}

/**
 * Resources more than one suite needs, each fetched at most once per run (memoised promises).
 * Implemented in src/checks/resources.ts.
 */
export interface SharedResources {
  /** Every campaign in the workspace (GET /campaigns, all pages). */
  campaigns(): Promise<readonly Campaign[]>;
  /** Every account with its tags (GET /accounts?include_tags=true, all pages). */
  accounts(): Promise<readonly Account[]>;
  /** The set of campaigns the campaigns suite checks (config selection), decided once. */
  checkedCampaigns(): Promise<readonly Campaign[]>;
  /**
   * Analytics of every campaign over the campaigns' bounce-rate window, one row per campaign
   * (GET /campaigns/analytics with no ids: one request for the whole workspace). For rates only:
   * its counts may be narrowed to the window.
   */
  campaignAnalytics(): Promise<readonly CampaignAnalytics[]>;
  /**
   * Lifetime analytics (the same call without a date range): the lead counts "leads left" is
   * computed from. Instantly may leave a campaign out (drafts): ask for those with
   * `campaignLifetimeByIds`, once.
   */
  campaignLifetime(): Promise<readonly CampaignAnalytics[]>;
  campaignLifetimeByIds(ids: readonly string[]): Promise<readonly CampaignAnalytics[]>;
}

export interface SuiteOutcome {
  findings: Finding[];
  /** How many resources the suite looked at (passing or not). */
  checked: number;
  /** Short lines of what was checked, e.g. "12 active campaigns", "48 senders on 9 domains". */
  details: string[];
  /** The sending accounts the suite checked (accounts suite): the report's sender verdicts. */
  senders?: string[];
}

export interface Suite {
  name: SuiteName;
  run(ctx: SuiteContext): Promise<SuiteOutcome>;
}
