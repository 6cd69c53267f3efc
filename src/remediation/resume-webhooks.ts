import type { InstantlyApi } from '../instantly/api.js';
import { InstantlyError } from '../instantly/errors.js';
import { Webhook, WEBHOOK_STATUS, WebhookTestResult } from '../instantly/schemas/webhooks.js';
import type { Finding, RemediationStep, Resource } from '../model/report.js';

/**
 * `resume-webhooks`: a webhook Instantly disabled after repeated delivery failures is resumed
 * only when a test delivery to its endpoint succeeds now. Resuming a webhook whose endpoint is
 * still down would only disable it again (and lose the events meanwhile), so a failed test
 * leaves it alone and says why. Sequential on purpose: each test posts a real payload to the
 * customer's endpoint.
 */

const ACTION = 'resume-webhook';
const WRITE_SCOPE_HINT =
  'the API key lacks the write scope to resume webhooks: give it `webhooks:update` (or `all:update`), or remove resume-webhooks from remediate';
const TEST_SCOPE_HINT =
  'the API key may not send a test delivery: give it `webhooks:read` (or `all:read`)';

/** The webhooks the checks found disabled (`webhook.status` errors), in report order. */
export function disabledWebhooks(findings: readonly Finding[]): Resource[] {
  const seen = new Set<string>();
  const out: Resource[] = [];
  for (const f of findings) {
    if (f.check !== 'webhook.status' || f.severity !== 'error' || f.resource.type !== 'webhook')
      continue;
    if (seen.has(f.resource.id)) continue;
    seen.add(f.resource.id);
    out.push(f.resource);
  }
  return out;
}

function step(resource: Resource, outcome: RemediationStep['outcome'], detail: string) {
  return { action: ACTION, resource, outcome, detail } satisfies RemediationStep;
}

function describeError(err: unknown, scopeHint: string): string {
  if (err instanceof InstantlyError) {
    return err.kind === 'scope' ? `${scopeHint} (${err.message})` : err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

export interface ResumeOptions {
  api: InstantlyApi;
  findings: readonly Finding[];
  dryRun: boolean;
  signal?: AbortSignal;
}

export async function resumeWebhooks(options: ResumeOptions): Promise<RemediationStep[]> {
  const { api, signal } = options;
  const targets = disabledWebhooks(options.findings);
  if (options.dryRun) {
    return targets.map((resource) =>
      step(
        resource,
        'would-do',
        'Dry-run: would send a test delivery and resume the webhook only if it succeeds (set remediate.dry_run: false to act).',
      ),
    );
  }
  const steps: RemediationStep[] = [];
  for (const resource of targets) {
    const at = { params: { id: resource.id }, ...(signal ? { signal } : {}) };
    // The state may have changed since the checks read it (someone resumed it by hand).
    try {
      const current = await api.get('/webhooks/{id}', { ...at, schema: Webhook });
      if (current.status !== WEBHOOK_STATUS.disabled) {
        steps.push(step(resource, 'skipped', 'No longer disabled: nothing to resume.'));
        continue;
      }
    } catch (err) {
      steps.push(
        step(
          resource,
          'failed',
          `Could not re-read the webhook: ${describeError(err, TEST_SCOPE_HINT)}`,
        ),
      );
      continue;
    }
    let test: WebhookTestResult;
    try {
      test = await api.post('/webhooks/{id}/test', { ...at, schema: WebhookTestResult });
    } catch (err) {
      steps.push(
        step(
          resource,
          'skipped',
          `Not resumed: the test delivery could not be sent: ${describeError(err, TEST_SCOPE_HINT)}`,
        ),
      );
      continue;
    }
    if (test.success !== true) {
      const why = [test.error, test.message].find((t) => typeof t === 'string' && t !== '');
      const code = typeof test.status_code === 'number' ? ` (HTTP ${test.status_code})` : '';
      steps.push(
        step(
          resource,
          'skipped',
          `Not resumed: the test delivery failed${code}${why ? `: ${why}` : ''}. Fix the endpoint first; resuming now would only disable the webhook again.`,
        ),
      );
      continue;
    }
    try {
      await api.post('/webhooks/{id}/resume', { ...at, schema: Webhook });
      const took =
        typeof test.response_time_ms === 'number' ? ` in ${test.response_time_ms} ms` : '';
      steps.push(step(resource, 'done', `Resumed after a successful test delivery${took}.`));
    } catch (err) {
      steps.push(
        step(
          resource,
          'failed',
          `The test delivery succeeded but resuming failed: ${describeError(err, WRITE_SCOPE_HINT)}`,
        ),
      );
    }
  }
  return steps;
}
