import { z } from 'zod';

/**
 * Inbox placement and the deliverability agent, from Instantly's OpenAPI document (never captured
 * from the live API: read leniently, docs/instantly-api.md "Deliverability endpoints").
 */

/** One item of `GET /inbox-placement-tests`. */
export const PlacementTest = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  campaign_id: z.string().nullable().optional(),
  /** Tag ids of the sending accounts (a sender group). */
  tags: z.array(z.string()).nullable().optional(),
  /** 1 Active, 2 Paused, 3 Completed. */
  status: z.number().nullable().optional(),
  timestamp_created: z.string(),
});
export type PlacementTest = z.infer<typeof PlacementTest>;

/** One row of `POST /inbox-placement-analytics/stats-by-test-id` (a bare array). */
export const PlacementStats = z.looseObject({
  test_id: z.string(),
  count: z.number(),
  spam_count: z.number(),
  inbox_count: z.number().optional(),
  category_count: z.number().optional(),
});
export type PlacementStats = z.infer<typeof PlacementStats>;
export const PlacementStatsList = z.array(PlacementStats);

/** One item of `GET /inbox-placement-reports`: blocklists and SpamAssassin of one domain. */
export const PlacementReport = z.looseObject({
  id: z.string(),
  test_id: z.string(),
  timestamp_created: z.string(),
  domain: z.string(),
  domain_ip: z.string().optional(),
  domain_blacklist_count: z.number().nullable().optional(),
  domain_ip_blacklist_count: z.number().nullable().optional(),
  spam_assassin_score: z.number().optional(),
  spam_assassin_report: z
    .looseObject({
      is_spam: z.boolean().optional(),
      spam_score: z.number().optional(),
      report: z
        .array(z.looseObject({ name: z.string(), score: z.string(), description: z.string() }))
        .optional(),
    })
    .nullable()
    .optional(),
  blacklist_report: z
    .looseObject({
      address: z.string().optional(),
      is_blacklisted: z.boolean().optional(),
      details: z
        .array(
          z.looseObject({ blacklist: z.string().optional(), is_listed: z.boolean().optional() }),
        )
        .optional(),
    })
    .nullable()
    .optional(),
});
export type PlacementReport = z.infer<typeof PlacementReport>;
export const PlacementReportsPage = z.looseObject({
  items: z.array(PlacementReport),
  next_starting_after: z.string().nullable().optional(),
});

/** `GET /ai-agents/deliverability`: `agent` is null when none was deployed. */
export const DeliverabilityAgent = z.looseObject({
  agent: z.looseObject({ id: z.string(), name: z.string().optional() }).nullable().optional(),
});

/** One item of `GET /ai-agents/deliverability/{id}/feed-items`. */
export const FeedItem = z.looseObject({
  id: z.string(),
  feed_code: z.string(),
  kind: z.string(),
  status: z.string(),
  severity: z.string(),
  subject_type: z.string().nullable().optional(),
  subject_id: z.string().nullable().optional(),
  subject_name: z.string().nullable().optional(),
  payload: z.record(z.string(), z.unknown()).optional(),
  timestamp_created: z.string(),
});
export type FeedItem = z.infer<typeof FeedItem>;
export const FeedItemsPage = z.looseObject({
  items: z.array(FeedItem),
  next_starting_after: z.string().nullable().optional(),
});
