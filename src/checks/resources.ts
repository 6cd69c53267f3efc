import { z } from 'zod';
import type { RunSettings } from '../config/schema.js';
import type { InstantlyApi } from '../instantly/api.js';
import { Account } from '../instantly/schemas/accounts.js';
import { Campaign, CampaignAnalyticsList } from '../instantly/schemas/campaigns.js';
import { selectCampaigns } from './campaign-selection.js';
import type { SharedResources } from './types.js';

/**
 * The run keeps every campaign and account until it ends (L size: 5,000 and 25,000), so the
 * cached items hold the fields the checks declare and drop the rest of each raw item. Still
 * tolerant: an unknown field is dropped, never an error.
 */
const CachedCampaign = z.object(Campaign.shape);
const CachedAccount = z.object(Account.shape);

/**
 * The run's cache of resources that more than one suite reads. Each getter starts its request on
 * first use and hands every later caller the same promise, so the account list is fetched once for
 * both the campaigns and the accounts suite (API.md section 11, rows 3, 4 and 6). A failure is
 * memoised too: a second suite gets the same error instead of spending requests on it again.
 */
export function createSharedResources(
  api: InstantlyApi,
  settings: RunSettings,
  signal: AbortSignal,
  now: Date = new Date(),
): SharedResources {
  const campaigns = once(async () => {
    const items: Campaign[] = [];
    for await (const c of api.paginate('/campaigns', {
      query: { limit: 100 },
      item: CachedCampaign,
      signal,
    })) {
      items.push(c);
    }
    return items;
  });

  const accounts = once(async () => {
    const items: Account[] = [];
    for await (const a of api.paginate('/accounts', {
      query: { limit: 100, include_tags: true },
      item: CachedAccount,
      signal,
    })) {
      items.push(a);
    }
    return items;
  });

  /** Campaign has no tags field: the ids carrying `include.tags` come from a filtered list. */
  const taggedCampaignIds = async (tags: readonly string[]): Promise<Set<string>> => {
    const ids = new Set<string>();
    for await (const c of api.paginate('/campaigns', {
      query: { limit: 100, tag_ids: tags.join(',') },
      item: Campaign,
      signal,
    })) {
      ids.add(c.id);
    }
    return ids;
  };

  const checkedCampaigns = once(async () => {
    const config = settings.config.campaigns;
    const launchIds = settings.campaignIds;
    const needTags = launchIds.length === 0 && config.include.tags.length > 0;
    const [all, taggedIds] = await Promise.all([
      campaigns(),
      needTags ? taggedCampaignIds(config.include.tags) : Promise.resolve(undefined),
    ]);
    return selectCampaigns({ campaigns: all, config, launchIds, ...(taggedIds && { taggedIds }) });
  });

  const campaignAnalytics = once(async () => {
    const window = analyticsWindow(now, settings.config.campaigns.bounce_rate.window_days);
    const query = { start_date: window.start, end_date: window.end };
    const gate = [...new Set(settings.campaignIds)];
    // Unscoped is one request for the whole workspace. A launch gate names its few campaigns:
    // asking for those is as few requests and spares Instantly counting every campaign's leads.
    if (gate.length === 0 || gate.length > ANALYTICS_IDS_PER_CALL) {
      return api.get('/campaigns/analytics', { query, schema: CampaignAnalyticsList, signal });
    }
    return api.get('/campaigns/analytics', {
      query: { ...query, ids: gate },
      schema: CampaignAnalyticsList,
      signal,
    });
  });

  return { campaigns, accounts, checkedCampaigns, campaignAnalytics };
}

/** `ids` has no documented maximum; API.md section 11 suggests chunks of about 50 to bound URLs. */
export const ANALYTICS_IDS_PER_CALL = 50;

/**
 * The last `days` whole UTC days, as date-only values (which Instantly reads as UTC midnight):
 * date-only keeps the request identical for every run on the same day.
 */
export function analyticsWindow(now: Date, days: number): { start: string; end: string } {
  const day = 24 * 60 * 60 * 1000;
  const end = new Date(Math.floor(now.getTime() / day) * day);
  const start = new Date(end.getTime() - days * day);
  return { start: isoDate(start), end: isoDate(end) };
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function once<T>(fetch: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= fetch());
}
