import { suiteOfCheck, type CheckId } from '../model/checks.js';
import { finding } from './finding.js';
import type { Finding, SilencedFinding } from '../model/report.js';
import { ignoreExpiresAt, type ConfigFile, type IgnoreEntry } from '../config/schema.js';

export const IGNORE_EXPIRED_CHECK: CheckId = 'config.ignore-expired';

export interface PolicyResult {
  /** What counts: statuses, the summary's table, the tracking issue. */
  findings: Finding[];
  /** Matched by an `ignore` entry that has not expired; listed folded away, kept in the report. */
  silenced: SilencedFinding[];
}

/**
 * Applies the user's `severity` overrides and `ignore` entries to every finding of the run.
 *
 * - `severity` changes error/warning findings by check id. An `unknown` finding is never changed:
 *   it means the check could not decide, which no override can turn into a verdict.
 * - An `ignore` entry moves the findings it matches (check id, and the resource's id or name when
 *   the entry names one) to `silenced` through its `until` date.
 * - An entry past its date silences nothing and adds a warning (`config.ignore-expired`) that
 *   names it, so a forgotten exception resurfaces instead of hiding problems forever.
 *
 * Pure: `now` is the run's clock reading.
 */
export function applyPolicy(
  findings: readonly Finding[],
  config: Pick<ConfigFile, 'severity' | 'ignore'>,
  now: Date,
): PolicyResult {
  const active: IgnoreEntry[] = [];
  const expired: Finding[] = [];
  for (const entry of config.ignore) {
    if (now.getTime() < ignoreExpiresAt(entry.until).getTime()) {
      active.push(entry);
    } else {
      const warning = expiredEntryFinding(entry);
      if (!expired.some((f) => f.fingerprint === warning.fingerprint)) expired.push(warning);
    }
  }

  // Read by the finding's text id: a report's findings keep `check` as a string.
  const overrides: Readonly<Record<string, 'error' | 'warning' | undefined>> = config.severity;
  const result: PolicyResult = { findings: [], silenced: [] };
  for (const original of [...findings, ...expired]) {
    const override = Object.hasOwn(overrides, original.check)
      ? overrides[original.check]
      : undefined;
    const item =
      override !== undefined && original.severity !== 'unknown' && override !== original.severity
        ? { ...original, severity: override }
        : original;
    const entry = active.find((e) => matches(e, item));
    if (entry === undefined) {
      result.findings.push(item);
    } else {
      const silenced: SilencedFinding = { ...item, silencedUntil: entry.until };
      if (entry.reason !== undefined) silenced.reason = entry.reason;
      result.silenced.push(silenced);
    }
  }
  return result;
}

function matches(entry: IgnoreEntry, item: Finding): boolean {
  if (entry.check !== item.check) return false;
  if (entry.resource === undefined) return true;
  // Emails and domains are case-insensitive, and people copy names from the UI.
  const wanted = entry.resource.trim().toLowerCase();
  return item.resource.id.toLowerCase() === wanted || item.resource.name?.toLowerCase() === wanted;
}

function expiredEntryFinding(entry: IgnoreEntry): Finding {
  const suite = suiteOfCheck(entry.check);
  const target = entry.resource === undefined ? '' : ` for ${entry.resource}`;
  const evidence: Record<string, unknown> = { check: entry.check, until: entry.until };
  if (entry.resource !== undefined) evidence.resource = entry.resource;
  if (entry.reason !== undefined) evidence.reason = entry.reason;
  return finding({
    check: IGNORE_EXPIRED_CHECK,
    suite,
    severity: 'warning',
    resource: { type: 'suite', id: suite, name: `ignore: ${entry.check}${target}` },
    message: `The ignore entry for ${entry.check}${target} expired after ${entry.until}; the findings it silenced count again.`,
    remediation:
      'Fix the problem and remove the entry from `ignore` in the config file, or move its `until` date if the exception still holds.',
    evidence,
    // One warning per entry, stable across runs until the entry is changed.
    discriminator: `${entry.check}@${entry.resource ?? '*'}`,
  });
}
