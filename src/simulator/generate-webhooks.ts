/**
 * Webhooks and their delivery events. A disabled webhook has only failed events from before it
 * was disabled; a failing one has half its recent events failed; the rest deliver.
 */
import { DAY_MS, dateAt, isoAt } from './time.js';
import { WEBHOOK_EVENT_TYPES } from './names.js';
import type { InjectedProblem, ProblemName } from './problems.js';
import type { Random } from './random.js';
import type { Campaign, Webhook, WebhookEvent } from './types.js';

export interface WebhookInput {
  rng: Random;
  count: number;
  workspaceId: string;
  campaigns: readonly Campaign[];
  /** Webhook problems, each with the index of the webhook it hits. */
  problems: readonly { problem: ProblemName; index: number }[];
  nowMs: number;
  realistic: boolean;
}

export function generateWebhooks(input: WebhookInput): {
  webhooks: Webhook[];
  endpointsDown: Set<string>;
  webhookEvents: WebhookEvent[];
  injected: InjectedProblem[];
} {
  const { rng, workspaceId, campaigns, nowMs, realistic } = input;
  const injected: InjectedProblem[] = [];
  const webhooks: Webhook[] = [];
  const endpointsDown = new Set<string>();
  for (let k = 0; k < input.count; k++) {
    const campaign = k % 3 === 2 ? campaigns[k % Math.max(1, campaigns.length)] : undefined;
    webhooks.push({
      id: rng.uuid(50_000 + k),
      organization: workspaceId,
      campaign: campaign?.id ?? null,
      name: realistic
        ? (['Zapier — positive replies', 'HubSpot sync', 'Slack bounces'][k] ?? `Webhook ${k + 1}`)
        : `Webhook ${k + 1}`,
      target_hook_url: realistic
        ? ([
            'https://hooks.zapier.com/hooks/catch/1482/b7x9k2/',
            'https://crm.acme-internal.com/instantly/events',
            'https://hooks.slack.com/services/T000/B000/XXXX',
          ][k] ?? `https://hooks.example.com/${k}`)
        : `https://hooks.example.com/instantly/${k + 1}/${rng.hex(8)}`,
      event_type: WEBHOOK_EVENT_TYPES[k % WEBHOOK_EVENT_TYPES.length] ?? 'all_events',
      custom_interest_value: null,
      headers: k % 2 === 0 ? { 'X-Shared-Secret': rng.hex(16) } : null,
      timestamp_created: isoAt(nowMs - (200 - k) * DAY_MS),
      status: 1,
      timestamp_error: null,
    });
  }
  const failing = new Map<number, 'disabled' | 'failing'>();
  for (const { problem, index } of input.problems) {
    const webhook = webhooks[index];
    if (!webhook) continue;
    if (problem === 'webhook.disabled' || problem === 'webhook.disabled_endpoint_up') {
      webhook.status = -1;
      webhook.timestamp_error = isoAt(nowMs - 2 * DAY_MS);
      // The endpoint that made Instantly disable the webhook may be fixed since: then a test
      // delivery succeeds and the webhook can safely be resumed.
      if (problem === 'webhook.disabled') endpointsDown.add(webhook.id);
      failing.set(index, 'disabled');
    } else if (problem === 'webhook.not_https') {
      webhook.target_hook_url = webhook.target_hook_url.replace(/^https:/, 'http:');
    } else if (problem === 'webhook.high_failure_rate') {
      endpointsDown.add(webhook.id);
      failing.set(index, 'failing');
    }
    injected.push({
      problem,
      resource: { type: 'webhook', id: webhook.id, name: webhook.name ?? webhook.id },
    });
  }
  const webhookEvents: WebhookEvent[] = [];
  let eventOrder = 0;
  const addEvent = (
    webhook: Webhook,
    atMs: number,
    success: boolean,
    failure?: 'timeout' | 'http',
  ): void => {
    const campaign = campaigns.length > 0 ? campaigns[eventOrder % campaigns.length] : undefined;
    const leadEmail = `lead${eventOrder + 1}@prospect-${(eventOrder % 37) + 1}.com`;
    const eventType =
      webhook.event_type === 'all_events' || webhook.event_type === null
        ? 'reply_received'
        : webhook.event_type;
    webhookEvents.push({
      id: rng.uuid(100_000 + eventOrder),
      timestamp_created: isoAt(atMs),
      timestamp_created_date: dateAt(atMs),
      organization_id: workspaceId,
      payload: {
        timestamp: isoAt(atMs),
        event_type: eventType,
        workspace: workspaceId,
        campaign_id: campaign?.id ?? null,
        campaign_name: campaign?.name ?? null,
        lead_email: leadEmail,
      },
      success,
      retry_count: success ? 0 : 3,
      will_retry: false,
      webhook_url: webhook.target_hook_url,
      status_code: success ? 200 : failure === 'timeout' ? null : 503,
      error_message: success
        ? null
        : failure === 'timeout'
          ? 'Connection timeout'
          : 'Request failed with status code 503',
      timestamp_next_retry: null,
      retry_group_id: success ? null : rng.uuid(200_000 + eventOrder),
      retry_successful: success ? null : false,
      lead_email: leadEmail,
      response_time_ms: success
        ? rng.int(60, 400)
        : failure === 'timeout'
          ? 30_000
          : rng.int(100, 900),
    });
    eventOrder++;
  };
  webhooks.forEach((webhook, k) => {
    const mode = failing.get(k);
    if (mode === 'disabled') {
      const disabledAt = nowMs - 2 * DAY_MS;
      for (let j = 0; j < 10; j++)
        addEvent(
          webhook,
          disabledAt - (j + 1) * 3_600_000,
          false,
          j % 2 === 0 ? 'http' : 'timeout',
        );
    } else if (mode === 'failing') {
      for (let j = 0; j < 20; j++)
        addEvent(
          webhook,
          nowMs - (j + 1) * 1_800_000 - 60_000,
          j % 2 === 1,
          j % 4 === 0 ? 'timeout' : 'http',
        );
    } else {
      for (let j = 0; j < 6; j++)
        addEvent(webhook, nowMs - (j + 0.5) * ((7 * DAY_MS) / 6) - k * 1000, true);
    }
  });
  webhookEvents.sort((a, b) =>
    a.timestamp_created < b.timestamp_created
      ? 1
      : a.timestamp_created > b.timestamp_created
        ? -1
        : 0,
  );

  return { webhooks, endpointsDown, webhookEvents, injected };
}
