import { TOOL_NAME, VERSION } from '../version.js';
import type { Report } from '../model/report.js';

export interface FailureInput {
  /** Short machine word: `config`, `internal`, or the engine's causes (`auth`, `plan`…). */
  cause: string;
  message: string;
  remediation: string;
  startedAt: Date;
  finishedAt: Date;
}

/**
 * A report for a run that could not check at all before the engine ran (bad input or config, an
 * unexpected crash), so the JSON report and the job summary are still written and say why.
 */
export function failedReport(input: FailureInput): Report {
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    status: 'failed',
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    workspace: null,
    suites: [],
    findings: [],
    silenced: [],
    stats: { requests: 0, retries: 0, rateLimited: 0, waitMs: 0, byEndpoint: {} },
    failure: { cause: input.cause, message: input.message, remediation: input.remediation },
  };
}
