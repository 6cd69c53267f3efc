/**
 * Remediation text: short, specific, actionable. Drawn from the "Instantly Common Errors" guide,
 * corrected where the API's documentation shows it wrong (docs/instantly-api.md) (no "paused" webhook: status -1 is resumed
 * with POST /webhooks/{id}/resume; 402 is a plan problem, not a key problem; the key page is
 * Settings → Integrations → API Keys).
 */
export const HINTS = {
  invalidKey:
    'Create a new API v2 key in Instantly (Settings → Integrations → API Keys; API v1 keys do not work with v2) with the `all:read` scope, and store it as the `INSTANTLY_API_KEY` secret.',
  noPlan:
    'The workspace has no active paid plan, so the API refuses every request. Renew or upgrade the plan in Instantly (Settings → Billing), then run the check again.',
  unreachable:
    'Check the `base-url` input (default https://api.instantly.ai) and the runner’s network access, then look at status.instantly.ai; the run is retried on the next schedule.',
  cdnBlocked:
    'Instantly’s CDN answered with an HTML 403 page (a blocked client, not a missing scope). Retry later; if it persists, contact Instantly support with the time of the run.',
  rateLimited:
    'The workspace’s shared rate limit is exhausted (other integrations use it too). Lower the `rate-limit` input or run the check at a quieter time; Instantly may apply a one-hour cooldown.',
  timeout:
    'Raise the `timeout` input, or narrow what is checked (`checks`, `campaigns.include`) so the run fits in it.',
  apiTrouble:
    'Instantly failed to answer this request; the next run will retry. If it persists, check status.instantly.ai or contact Instantly support with the endpoint named here.',
  workspaceRefused:
    'Check the `workspace-id` input: it must be the id of a sub-workspace in your agency’s workspace group (leave it empty to check the key’s own workspace), and the key must belong to the admin (agency) workspace.',
  internal:
    'This is a bug in instantly-health: please open an issue with this message and the run’s JSON report.',
  workspaceRemoval:
    'The workspace is scheduled for deletion. If that is a mistake, cancel the removal in Instantly (Settings → Workspace) or contact Instantly support before the date; export what you need otherwise.',
  leadLimit:
    'Leads over the plan limit stop being uploaded and contacted. Delete finished or bounced leads, or buy a lead add-on / a larger plan (Settings → Billing).',
  subscriptionCancel:
    'The subscription is set to cancel: when it ends the API answers 402 and campaigns stop. Resume the subscription in Instantly (Settings → Billing) if the workspace should keep sending.',
  webhookDisabled:
    'Instantly disabled this webhook after repeated delivery failures, so no events reach it. Fix the endpoint (it must answer 2xx quickly), then resume it with POST /webhooks/{id}/resume (needs the `webhooks:update` scope) or in the Instantly UI. Events from the outage are not redelivered.',
  webhookStatusUnknown:
    'Instantly reported a webhook status this tool does not know. Open the webhook in Instantly (Settings → Integrations → Webhooks) to confirm it is active.',
  webhookInsecure:
    'Use an https:// URL: over http the payloads (lead emails, reply text) and the custom headers you rely on as a shared secret travel unencrypted. Update the webhook’s target URL in Instantly.',
  webhookFailures:
    'Make the endpoint answer 2xx quickly (acknowledge first, process asynchronously) and fix the error named in the evidence; Instantly disables a webhook after repeated failures.',
  webhookMissingEvent:
    'Add a webhook for this event type (or one with `all_events`) in Instantly (Settings → Integrations → Webhooks), or remove it from `webhooks.require_events`.',
  webhookTestFailed:
    'The test delivery failed: check that the endpoint is up, reachable from the internet, accepts POST and answers 2xx, then run the check again.',
} as const;
