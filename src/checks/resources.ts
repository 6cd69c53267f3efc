import { z } from 'zod';
import type { RunSettings } from '../config/schema.js';
import type { InstantlyApi } from '../instantly/api.js';
import { Account } from '../instantly/schemas/accounts.js';
import {
  Campaign,
  CampaignAnalyticsList,
  type CampaignAnalytics,
} from '../instantly/schemas/campaigns.js';
import { chunk } from './map-limit.js';
import { mayBeSelected, selectCampaigns } from './campaign-selection.js';
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
 * both the campaigns and the accounts suite (docs/instantly-api.md, "Request plan"). A failure is
 * memoised too: a second suite gets the same error instead of spending requests on it again.
 */
export function createSharedResources(
  api: InstantlyApi,
  settings: RunSettings,
  signal: AbortSignal,
  now: Date = new Date(),
): SharedResources {
  const campaigns = once(async () => {
    // Only a checked campaign's sequence is read (its copy, subjects and bodies: most of a list
    // item's weight); other suites read senders, names and statuses. Dropped as each page comes
    // in, so the whole list never holds them: 17 MB of heap for 5,000 campaigns otherwise.
    const mayBeChecked = mayBeSelected(settings.config.campaigns, settings.campaignIds);
    const items: Campaign[] = [];
    for await (const c of api.paginate('/campaigns', {
      query: { limit: 100 },
      item: CachedCampaign,
      signal,
    })) {
      if (mayBeChecked(c)) items.push(c);
      else items.push(withoutSequences(c));
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

  const gate = [...new Set(settings.campaignIds)];
  // Unscoped is one request for the whole workspace. A launch gate names its few campaigns:
  // asking for those is as few requests and spares Instantly counting every campaign's leads.
  const analytics = (query: Record<string, string>) =>
    gate.length === 0 || gate.length > ANALYTICS_IDS_PER_CALL
      ? api.get('/campaigns/analytics', { query, schema: CampaignAnalyticsList, signal })
      : api.get('/campaigns/analytics', {
          query: { ...query, ids: gate },
          schema: CampaignAnalyticsList,
          signal,
        });

  const campaignAnalytics = once(async () => {
    const window = analyticsWindow(now, settings.config.campaigns.bounce_rate.window_days);
    return analytics({ start_date: window.start, end_date: window.end });
  });

  // Without a date range: lifetime counts, so "leads left" is never computed from a window.
  const campaignLifetime = once(async () => analytics({}));

  // Ids the launch-gate call already named: asking again would get the same answer.
  const askedByIds = new Set(gate.length <= ANALYTICS_IDS_PER_CALL ? gate : []);
  const campaignLifetimeByIds = async (ids: readonly string[]) => {
    const rows: CampaignAnalytics[] = [];
    const fresh = [...new Set(ids)].filter((id) => !askedByIds.has(id));
    for (const part of chunk(fresh, ANALYTICS_IDS_PER_CALL)) {
      rows.push(
        ...(await api.get('/campaigns/analytics', {
          query: { ids: part },
          schema: CampaignAnalyticsList,
          signal,
        })),
      );
    }
    return rows;
  };

  return {
    campaigns,
    accounts,
    checkedCampaigns,
    campaignAnalytics,
    campaignLifetime,
    campaignLifetimeByIds,
  };
}

/** `ids` has no documented maximum; chunks of about 50 bound the URL (docs/instantly-api.md). */
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

/**
 * Instantly's daily analytics take at most 31 days, both ends included (more is a 400
 * "Analytics date range cannot exceed 31 days"): the window, clamped to that.
 */
export const DAILY_ANALYTICS_MAX_DAYS = 31;
export function dailyAnalyticsWindow(now: Date, days: number): { start: string; end: string } {
  return analyticsWindow(now, Math.min(days, DAILY_ANALYTICS_MAX_DAYS - 1));
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function withoutSequences(campaign: Campaign): Campaign {
  // A copy rather than `delete`, which would leave V8 a slower, larger dictionary-mode object.
  return { ...campaign, sequences: undefined };
}

function once<T>(fetch: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= fetch());
}
