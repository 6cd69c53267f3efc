/**
 * Remediation text: short, specific, actionable. Drawn from the "Instantly Common Errors" guide,
 * corrected where the API's documentation shows it wrong (docs/instantly-api.md) (no "paused" webhook: status -1 is resumed
 * with POST /webhooks/{id}/resume; 402 is a plan problem, not a key problem; the key page is
 * Settings → Integrations → API Keys).
 */
import type { Finding, Report } from '../model/report.js';
import { WORDING, type Surface } from '../config/surface.js';

/** The hints that name a setting, in the words of each surface (`src/config/surface.ts`). */
function settingHints(surface: Surface) {
  const w = WORDING[surface];
  return {
    invalidKey: `Create a new API v2 key in Instantly (Settings → Integrations → API Keys; API v1 keys do not work with v2) with the \`all:read\` scope, and ${w.storeKey}.`,
    unreachable: `Check ${w.baseUrl} (default https://api.instantly.ai) and ${w.network}, then look at status.instantly.ai; ${w.retry}.`,
    rateLimited: `The workspace’s shared rate limit is exhausted (other integrations use it too). Lower ${w.rateLimit} or run the check at a quieter time; Instantly may apply a one-hour cooldown.`,
    timeout: `Raise ${w.timeout}, or narrow what is checked (${w.narrow}) so the run fits in it.`,
    workspaceRefused: `Check ${w.workspaceId}: it must be the id of a sub-workspace in your agency’s workspace group (leave it empty to check the key’s own workspace), and the key must belong to the admin (agency) workspace.`,
  };
}

const ACTION_SETTING_HINTS = settingHints('action');

export const HINTS = {
  ...ACTION_SETTING_HINTS,
  noPlan:
    'The workspace has no active paid plan, so the API refuses every request. Renew or upgrade the plan in Instantly (Settings → Billing), then run the check again.',
  cdnBlocked:
    'Instantly’s CDN answered with an HTML 403 page (a blocked client, not a missing scope). Retry later; if it persists, contact Instantly support with the time of the run.',
  apiTrouble:
    'Instantly failed to answer this request; the next run will retry. If it persists, check status.instantly.ai or contact Instantly support with the endpoint named here.',
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

/**
 * The report in the words of `surface`: the checks write the action's wording (they run the same
 * for both), and the CLI's report swaps each setting hint for its own, here, by the hint's name.
 */
export function forSurface(report: Report, surface: Surface): Report {
  if (surface === 'action') return report;
  const own = settingHints(surface);
  const byText = new Map<string, string>(
    (Object.keys(own) as (keyof typeof own)[]).map((k) => [ACTION_SETTING_HINTS[k], own[k]]),
  );
  const swap = (text: string) => byText.get(text) ?? text;
  const each = <T extends Pick<Finding, 'remediation'>>(f: T): T =>
    byText.has(f.remediation) ? { ...f, remediation: swap(f.remediation) } : f;
  return {
    ...report,
    findings: report.findings.map(each),
    silenced: report.silenced.map(each),
    ...(report.failure
      ? { failure: { ...report.failure, remediation: swap(report.failure.remediation) } }
      : {}),
  };
}
