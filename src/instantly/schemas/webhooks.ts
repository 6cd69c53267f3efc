import { z } from 'zod';

/**
 * Webhook schemas from the OpenAPI document (components.schemas.Webhook, WebhookEvent, and the
 * inline responses of /webhook-events/summary and /webhooks/{id}/test). Loose objects, and enum
 * fields kept as plain numbers/strings, so an unknown value reaches the checks and is reported
 * rather than failing the whole suite.
 */

/** `status`: 1 = active, -1 = error (disabled after delivery failures). Other values are kept. */
export const WEBHOOK_STATUS = { active: 1, disabled: -1 } as const;

export const Webhook = z.looseObject({
  id: z.string(),
  organization: z.string().optional(),
  /** null: every campaign in the workspace. */
  campaign: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
  target_hook_url: z.string(),
  /** One of the subscription enum (19 values) or null for custom-label events; new values kept. */
  event_type: z.string().nullable().optional(),
  custom_interest_value: z.number().nullable().optional(),
  headers: z.record(z.string(), z.unknown()).nullable().optional(),
  timestamp_created: z.string().optional(),
  status: z.number().nullable().optional(),
  /** When the webhook was disabled for delivery failures (null while active). */
  timestamp_error: z.string().nullable().optional(),
});
export type Webhook = z.infer<typeof Webhook>;

export const WebhookEvent = z.looseObject({
  id: z.string(),
  timestamp_created: z.string().optional(),
  timestamp_created_date: z.string().optional(),
  success: z.boolean(),
  retry_count: z.number().optional(),
  will_retry: z.boolean().optional(),
  webhook_url: z.string(),
  status_code: z.number().nullable().optional(),
  error_message: z.string().nullable().optional(),
  lead_email: z.string().nullable().optional(),
  response_time_ms: z.number().nullable().optional(),
});
export type WebhookEvent = z.infer<typeof WebhookEvent>;

export const WebhookEventsPage = z.looseObject({
  items: z.array(WebhookEvent),
  next_starting_after: z.string().nullable().optional(),
});
export type WebhookEventsPage = z.infer<typeof WebhookEventsPage>;

/** Workspace-wide totals; the rates are percentages 0-100. */
export const WebhookEventsSummary = z.looseObject({
  total_events: z.number(),
  successful_events: z.number(),
  failed_events: z.number(),
  success_rate: z.number(),
  failure_rate: z.number(),
});
export type WebhookEventsSummary = z.infer<typeof WebhookEventsSummary>;

/** POST /webhooks/{id}/test; every field optional in the document. */
export const WebhookTestResult = z.looseObject({
  success: z.boolean().optional(),
  message: z.string().optional(),
  response_time_ms: z.number().optional(),
  status_code: z.number().optional(),
  error: z.string().optional(),
});
export type WebhookTestResult = z.infer<typeof WebhookTestResult>;
