import type { IssueConfig } from '../../src/config/schema.js';
import type { Finding, Report, Severity, Status } from '../../src/model/report.js';
import { statusOf } from '../../src/model/report.js';

export const WORKSPACE = { id: 'ws-0199', name: 'Acme Outbound' };

export function config(overrides: Partial<IssueConfig> = {}): IssueConfig {
  return {
    failure_threshold: 1,
    success_threshold: 1,
    close_on_recovery: true,
    blind_threshold: 3,
    ...overrides,
  };
}

/** A finding on campaign `id`; `check` defaults to campaign.status. */
export function finding(
  id: string,
  severity: Severity = 'error',
  extra: Partial<Finding> = {},
): Finding {
  const check = extra.check ?? 'campaign.status';
  return {
    check,
    suite: 'campaigns',
    severity,
    resource: { type: 'campaign', id, name: `Campaign ${id}` },
    message: `Campaign ${id} is paused.`,
    remediation: 'Resume it.',
    evidence: {},
    fingerprint: `${check}:campaign:${id}`,
    ...extra,
  };
}

export function report(findings: Finding[], status?: Status): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'instantly-health', version: '0.1.0' },
    status: status ?? statusOf(findings),
    startedAt: '2026-11-30T06:00:00.000Z',
    finishedAt: '2026-11-30T06:00:04.000Z',
    workspace: status === 'failed' ? null : WORKSPACE,
    suites: [
      { name: 'campaigns', status: statusOf(findings), checked: 10, durationMs: 5, details: [] },
    ],
    findings,
    silenced: [],
    stats: { requests: 1, retries: 0, rateLimited: 0, waitMs: 0, byEndpoint: {} },
  };
}

/** `hours` after a fixed start: runs are scheduled, and time is data here. */
export function at(hours: number): Date {
  return new Date(Date.UTC(2026, 10, 30, 6) + hours * 3_600_000);
}
