import type { Report } from '../model/report.js';
import { blindSuites } from './blind.js';

export type FailOn = 'error' | 'warning' | 'never';

/**
 * Whether findings reach the `fail-on` bar (contract section 1). A `failed` run (nothing could
 * be checked) always fails, whatever `fail-on` says: a monitor that cannot look must not pass.
 * A blind suite (section 6) fails it under `error` and `warning`: a partial look is not a pass.
 */
export function failsStep(
  report: Pick<Report, 'status' | 'findings'> & Partial<Pick<Report, 'suites'>>,
  failOn: FailOn,
): boolean {
  if (report.status === 'failed') return true;
  if (failOn === 'never') return false;
  const blind = blindSuites({ suites: [], ...report }).length > 0;
  if (failOn === 'error') return blind || report.findings.some((f) => f.severity === 'error');
  return blind || report.findings.length > 0;
}

/** CLI exit codes of contract section 2. Usage/config errors (2) never produce a report. */
export const EXIT = { ok: 0, findings: 1, usage: 2, couldNotCheck: 3 } as const;

export function exitCodeFor(report: Pick<Report, 'status' | 'findings'>, failOn: FailOn): number {
  if (report.status === 'failed') return EXIT.couldNotCheck;
  return failsStep(report, failOn) ? EXIT.findings : EXIT.ok;
}
