import { countFindings } from './format.js';
import type { Report } from '../model/report.js';

/** The action's outputs, exactly as contract section 1 lists them. */
export const OUTPUT_NAMES = [
  'status',
  'errors',
  'warnings',
  'regressed',
  'issue-number',
  'issue-url',
  'report-path',
] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

/** What the tracking step decided; absent when tracking did not run or could not read the issue. */
export interface TrackingOutcome {
  regressed: boolean;
  issueNumber?: number;
  issueUrl?: string;
}

/**
 * Every output as the string `core.setOutput` writes. `errors` and `warnings` count findings of
 * exactly that severity (`unknown` findings are in neither; they make the status `degraded`).
 * Silenced findings are not counted. With no tracking outcome, `regressed` is `false` and the
 * issue outputs are empty.
 */
export function actionOutputs(
  report: Report,
  tracking: TrackingOutcome | undefined,
  reportPath: string,
): Record<OutputName, string> {
  const counts = countFindings(report.findings);
  return {
    status: report.status,
    errors: String(counts.errors),
    warnings: String(counts.warnings),
    regressed: tracking?.regressed === true ? 'true' : 'false',
    'issue-number': tracking?.issueNumber === undefined ? '' : String(tracking.issueNumber),
    'issue-url': tracking?.issueUrl ?? '',
    'report-path': reportPath,
  };
}
