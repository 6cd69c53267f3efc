import type { CampaignsConfig } from '../config/schema.js';
import {
  CAMPAIGN_STATUS as S,
  CAMPAIGN_STATUS_VALUES,
  type Campaign,
} from '../instantly/schemas/campaigns.js';
import { namePattern } from '../config/regex-safety.js';

/**
 * Which campaigns the campaigns suite checks (contract section 3, `campaigns.include/exclude`).
 *
 * - Launch gate (`--campaign ID`): exactly those campaigns, whatever their status, drafts included.
 * - Otherwise a campaign is checked when it is named in `include.ids`, or when it is in a negative
 *   status (always a problem) or a status we do not know (it might be one), or when it passes every
 *   filter that is set: `include.status`, `include.tags`, `include.names`. `exclude` wins over all
 *   of these, because it is the user's explicit word about a campaign.
 */

const STATUS_VALUES: Record<
  Exclude<CampaignsConfig['include']['status'][number], 'all'>,
  number[]
> = {
  active: [S.active, S.runningSubsequences],
  draft: [S.draft],
  paused: [S.paused],
  completed: [S.completed],
  subsequences: [S.runningSubsequences],
};

const KNOWN_STATUSES: ReadonlySet<number> = new Set(CAMPAIGN_STATUS_VALUES);

export interface SelectionInput {
  campaigns: readonly Campaign[];
  config: CampaignsConfig;
  /** `RunSettings.campaignIds`: the launch gate. */
  launchIds: readonly string[];
  /** Ids of the campaigns carrying one of `include.tags` (looked up only when tags are set). */
  taggedIds?: ReadonlySet<string>;
}

export function selectCampaigns(input: SelectionInput): Campaign[] {
  const { campaigns, config, launchIds, taggedIds } = input;
  return campaigns.filter(selectionRule(config, launchIds, taggedIds));
}

/**
 * Whether `selectCampaigns` could pick a campaign, judged from its own fields before the tag
 * lookup has answered: every campaign that carries a tag is assumed to, so this is true for every
 * campaign the selection picks (and maybe for a few it does not). The campaign list uses it to
 * keep the heavy `sequences` only where a check may read them.
 */
export function mayBeSelected(
  config: CampaignsConfig,
  launchIds: readonly string[],
): (campaign: CampaignHead) => boolean {
  return selectionRule(config, launchIds, 'any');
}

/** The fields the selection reads. */
export type CampaignHead = Pick<Campaign, 'id' | 'name' | 'status'>;

/** `taggedIds: 'any'` passes every campaign through the tag filter. */
function selectionRule(
  config: CampaignsConfig,
  launchIds: readonly string[],
  taggedIds: ReadonlySet<string> | 'any' | undefined,
): (campaign: CampaignHead) => boolean {
  if (launchIds.length > 0) {
    const wanted = new Set(launchIds);
    return (c) => wanted.has(c.id);
  }
  const { include, exclude } = config;
  const includeIds = new Set(include.ids);
  const excludeIds = new Set(exclude.ids);
  // Patterns were checked at config load (config/regex-safety.ts); names matched on a prefix.
  const includeNames = include.names.map(namePattern);
  const excludeNames = exclude.names.map(namePattern);
  const statuses = include.status.includes('all')
    ? undefined
    : new Set(include.status.flatMap((s) => (s === 'all' ? [] : STATUS_VALUES[s])));

  return (c) => {
    if (excludeIds.has(c.id) || excludeNames.some((test) => test(c.name))) return false;
    if (includeIds.has(c.id)) return true;
    if (c.status < 0 || !KNOWN_STATUSES.has(c.status)) return true;
    const statusOk = statuses === undefined || statuses.has(c.status);
    const tagOk =
      include.tags.length === 0 || taggedIds === 'any' || (taggedIds?.has(c.id) ?? false);
    const nameOk = includeNames.length === 0 || includeNames.some((test) => test(c.name));
    return statusOk && tagOk && nameOk;
  };
}

/** Active in the contract's sense: sending its sequence (1) or its subsequences (4). */
export function isActive(campaign: Pick<Campaign, 'status'>): boolean {
  return campaign.status === S.active || campaign.status === S.runningSubsequences;
}
