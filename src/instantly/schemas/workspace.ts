import { z } from 'zod';

/**
 * Responses of GET /workspaces/current and GET /workspace-billing/plan-details, as the OpenAPI
 * document (openapi-v2.json) describes them. Loose objects: Instantly adds fields without notice,
 * and a new field must never turn a healthy workspace into a schema error.
 */

const nullableString = z.string().nullable().optional();
const nullableNumber = z.number().nullable().optional();

export const Workspace = z.looseObject({
  id: z.string(),
  name: z.string(),
  owner: z.string().optional(),
  timestamp_created: z.string().optional(),
  timestamp_updated: z.string().optional(),
  /** Non-null: the workspace is scheduled for removal (date-time). */
  scheduled_for_removal_at: nullableString,
  plan_id: nullableString,
  plan_id_bundle: nullableString,
  org_client_domain: nullableString,
});
export type Workspace = z.infer<typeof Workspace>;

/** One subscription block (outreach, bundle, credits…); only the fields a check reads are named. */
const Subscription = z.looseObject({
  plan_name: nullableString,
  product_id: nullableString,
  total_lead_limit: z.number().optional(),
  current_lead_count: z.number().optional(),
  base_lead_limit: z.number().optional(),
  addons_qty: z.number().optional(),
  /** Unix seconds; non-null means the subscription is set to end then. */
  cancel_at_time: nullableNumber,
  current_period_end: nullableNumber,
});
export type Subscription = z.infer<typeof Subscription>;

export const PlanDetails = z.looseObject({
  organization_id: z.string().optional(),
  organization_name: z.string().optional(),
  subscriptions: z
    .looseObject({
      outreach: Subscription.optional(),
      bundle: Subscription.optional(),
      credits: Subscription.optional(),
    })
    .optional(),
});
export type PlanDetails = z.infer<typeof PlanDetails>;

/** Only the shape the key probe needs from GET /campaigns?limit=1: the envelope, nothing else. */
export const CampaignProbePage = z.looseObject({ items: z.array(z.unknown()) });
