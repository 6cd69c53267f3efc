import type { RemediateConfig, RemediationActionName } from '../config/schema.js';
import type { InstantlyApi } from '../instantly/api.js';
import type { Remediation, RemediationStep, Report } from '../model/report.js';
import { resumeWebhooks } from './resume-webhooks.js';

type Action = (options: RemediateOptions) => Promise<RemediationStep[]>;

const ACTIONS: Record<RemediationActionName, Action> = {
  'resume-webhooks': async ({ api, report, config, signal }) => {
    const suite = report.suites.find((s) => s.name === 'webhooks');
    if (!suite || suite.status === 'failed') return [];
    return resumeWebhooks({
      api,
      findings: report.findings,
      dryRun: config.dry_run,
      ...(signal ? { signal } : {}),
    });
  },
};

export interface RemediateOptions {
  api: InstantlyApi;
  /** The checks' report: remediation acts only on what they found, after they finished. */
  report: Report;
  config: RemediateConfig;
  signal?: AbortSignal;
}

/**
 * Runs the configured remediation actions after the checks. Nothing is configured: undefined (the
 * report has no `remediation`). A run that could not check, or whose webhooks suite did not
 * decide, fixes nothing: acting on a partial picture is how tools make things worse.
 */
export async function remediate(options: RemediateOptions): Promise<Remediation | undefined> {
  const { config, report } = options;
  if (config.actions.length === 0) return undefined;
  const result: Remediation = { dryRun: config.dry_run, actions: [...config.actions], steps: [] };
  if (report.status === 'failed') return result;
  for (const action of config.actions) result.steps.push(...(await ACTIONS[action](options)));
  return result;
}
