import {
  SUITE_NAMES,
  compareSeverity,
  type Finding,
  type Report,
  type Severity,
  type Status,
} from '../model/report.js';

/** Facts every renderer shows the same way, computed once from a report. */

export interface Counts {
  errors: number;
  warnings: number;
  unknown: number;
}

export function countFindings(findings: readonly Pick<Finding, 'severity'>[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, unknown: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors += 1;
    else if (f.severity === 'warning') counts.warnings += 1;
    else counts.unknown += 1;
  }
  return counts;
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : pluralForm}`;
}

/** "3 errors, 2 warnings, 1 unknown"; unknown only when there is one; "no problems" when none. */
export function describeCounts(counts: Counts): string {
  if (counts.errors + counts.warnings + counts.unknown === 0) return 'no problems';
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')];
  if (counts.unknown > 0) parts.push(`${counts.unknown.toLocaleString('en-US')} unknown`);
  return parts.join(', ');
}

/** A share as a percentage: "5 %", "37.5 %" (one decimal only when it is not whole). */
export function percent(fraction: number): string {
  const p = fraction * 100;
  return `${Number.isInteger(p) ? p : p.toFixed(1)} %`;
}

/** A run's or a wait's length, precise: "0.4 s", "12.3 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/**
 * How long something has lasted (an outage, a finding), coarse as people say it: "less than a
 * minute", "45m", "3h 20m", "2d 4h".
 */
export function formatElapsed(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return mins > 0 ? `${hours}h ${mins}m` : `${hours}h`;
  return `${mins}m`;
}

/** The run's wall time, or undefined when a timestamp is missing or unreadable. */
export function runDurationMs(
  report: Pick<Report, 'startedAt' | 'finishedAt'>,
): number | undefined {
  const ms = Date.parse(report.finishedAt) - Date.parse(report.startedAt);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

export const STATUS_LABEL: Record<Status, string> = {
  healthy: 'Healthy',
  degraded: 'Degraded',
  unhealthy: 'Unhealthy',
  failed: 'Failed',
};

export const STATUS_EMOJI: Record<Status, string> = {
  healthy: '✅',
  degraded: '🟡',
  unhealthy: '🔴',
  failed: '⛔',
};

export const SEVERITY_EMOJI: Record<Severity, string> = {
  error: '🔴',
  warning: '🟡',
  unknown: '⚪',
};

/**
 * The order people read problems in: errors first, then by suite (auth → campaigns → accounts →
 * webhooks), then check and resource, so two runs with the same findings render identically.
 */
export function sortFindings<T extends Finding>(findings: readonly T[]): T[] {
  const suiteRank = (f: Finding) => SUITE_NAMES.indexOf(f.suite);
  return [...findings].sort(
    (a, b) =>
      compareSeverity(a.severity, b.severity) ||
      suiteRank(a) - suiteRank(b) ||
      compareText(a.check, b.check) ||
      compareText(a.resource.name ?? '', b.resource.name ?? '') ||
      compareText(a.resource.id, b.resource.id) ||
      compareText(a.fingerprint, b.fingerprint),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
