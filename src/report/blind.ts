import type { Report } from '../model/report.js';

/**
 * Blind suites (contract section 6): requested suites that checked nothing this run because the
 * API failed, a scope is missing or time ran out. A blind suite is not a pass: the step fails
 * under the default `fail-on`, and the tracking issue counts such runs.
 */

export interface BlindSuite {
  suite: string;
  /** Why, in one sentence from the finding that says so (already masked and cut). */
  why: string;
}

/** The engine's findings for a suite that did not run or did not finish (src/checks/engine.ts). */
const SUITE_FAILURE = /^suite\./;

export function blindSuites(
  report: Pick<Report, 'status' | 'suites' | 'findings' | 'failure'>,
): BlindSuite[] {
  if (report.status === 'failed') {
    return [
      {
        suite: 'auth',
        why: report.failure?.message ?? 'the workspace could not be checked at all.',
      },
    ];
  }
  const blind: BlindSuite[] = [];
  for (const suite of report.suites) {
    const own = report.findings.filter(
      (f) => f.suite === suite.name && f.severity === 'unknown' && f.resource.type === 'suite',
    );
    const stopped = own.find((f) => SUITE_FAILURE.test(f.check));
    const nothing = suite.checked === 0 ? own[0] : undefined;
    const reason = stopped ?? nothing;
    if (suite.status === 'failed' || reason) {
      blind.push({ suite: suite.name, why: reason?.message ?? 'the suite could not run.' });
    }
  }
  return blind;
}

/** One line for the step's verdict and the summary: which suites were blind and why. */
export function blindLine(blind: readonly BlindSuite[]): string {
  return `Could not check ${blind.map((b) => `${b.suite} (${b.why.replace(/\.$/, '')})`).join('; ')}.`;
}
