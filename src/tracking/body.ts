import { compareSeverity, type Finding, type Report } from '../model/report.js';
import { escapeCode, escapeInline } from '../report/escape.js';
import { formatElapsed, plural } from '../report/format.js';
import { serializeMarker, type TrackedFinding, type TrackingState } from './marker.js';
import { renderRemediationMarkdown } from '../report/remediation.js';
import { renderTrendSection } from './trend.js';
import type { FindingChange, Plan } from './planner.js';

/**
 * The tracking issue's markdown: the body (status, findings table, latest run, marker last) and
 * the change and closing comments. Pure functions of plain data; every API string goes through
 * the report's escaping module.
 */

/** GitHub rejects issue and comment bodies longer than this (characters). */
export const BODY_LIMIT = 65_536;
/**
 * Kept below the limit: `length` counts UTF-16 units (never fewer than characters), and the
 * margin covers line endings counted as two should GitHub store them as CRLF.
 */
const BODY_BUDGET = BODY_LIMIT - 1536;
/** Most of the body the state may take; the table gets the rest and is cut first. */
export const MARKER_BUDGET = 40_000;
/** Items listed per section of a comment before "…and N more". */
const COMMENT_LIST_LIMIT = 50;

function utc(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** `GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID`, when all are set. */
export function runUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const server = env.GITHUB_SERVER_URL;
  const repository = env.GITHUB_REPOSITORY;
  const runId = env.GITHUB_RUN_ID;
  if (!server || !repository || !runId) return undefined;
  return `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}`;
}

function runLink(runUrl: string | undefined, text: string): string {
  // The URL is built from the runner's environment, not from API data; still, never let it
  // break the link syntax.
  return runUrl && /^https?:\/\/[^\s()<>]+$/.test(runUrl) ? `[${text}](${runUrl})` : '';
}

function resourceLabel(resource: { type: string; id: string; name?: string }): string {
  const name = resource.name ?? resource.id;
  return `${escapeInline(name)} (${escapeInline(resource.type)})`;
}

const IMPORTANCE = (f: TrackedFinding): number =>
  f.confirmed ? 3 : f.severity === 'error' ? 2 : f.severity === 'warning' ? 1 : 0;

/**
 * The state as it fits in MARKER_BUDGET: least important entries go first (unknown, warning,
 * pending error, then confirmed error), the oldest first within each; the workspace id and the
 * counters always stay. Returns the marker and how many entries were dropped.
 */
export function fitMarker(state: TrackingState): { marker: string; dropped: number } {
  let marker = serializeMarker(state);
  if (marker.length <= MARKER_BUDGET) return { marker, dropped: 0 };
  const order = Object.entries(state.findings).sort(
    ([, a], [, b]) => IMPORTANCE(a) - IMPORTANCE(b) || a.firstSeen.localeCompare(b.firstSeen),
  );
  // Drop by estimated size first, then one by one, so huge states do not cost quadratic time.
  const sizes = order.map(([fp, f]) => JSON.stringify({ [fp]: f }).length + 1);
  let excess = marker.length - MARKER_BUDGET;
  let cut = 0;
  while (cut < order.length && excess > 0) {
    excess -= sizes[cut] ?? 0;
    cut++;
  }
  for (;;) {
    const findings = Object.fromEntries(order.slice(cut));
    marker = serializeMarker({ ...state, findings });
    if (marker.length <= MARKER_BUDGET || cut >= order.length) return { marker, dropped: cut };
    cut++;
  }
}

export interface IssueBodyInput {
  report: Report;
  state: TrackingState;
  now: Date;
  runUrl?: string;
  /** The body of an issue that stays closed (it only keeps the state between runs). */
  closed?: boolean;
}

/** One cell never takes the table: the job summary has the full text. */
function shorten(text: string, max = 600): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function row(finding: Finding, tracked: TrackedFinding | undefined, now: Date): string {
  const since = tracked ? formatElapsed(now.getTime() - Date.parse(tracked.firstSeen)) : 'new';
  const problem = `${escapeInline(shorten(finding.message))}<br>**Fix:** ${escapeInline(shorten(finding.remediation))}`;
  return `| ${finding.severity} | ${escapeCode(finding.check)} | ${resourceLabel(finding.resource)} | ${problem} | ${since} |`;
}

export function renderIssueBody(input: IssueBodyInput): string {
  const { report, state, now, runUrl } = input;
  const errors = report.findings.filter((f) => f.severity === 'error');
  const warnings = report.findings.filter((f) => f.severity === 'warning');
  const unknown = report.findings.length - errors.length - warnings.length;
  const name = escapeInline(report.workspace?.name ?? state.workspaceId);
  const blind = state.blind?.announced ? state.blind : undefined;
  const failed = report.status === 'failed';
  const status = input.closed
    ? `## Instantly health: ${name} (this issue is closed)`
    : failed
      ? `## ⚫ Instantly health: ${name} cannot be checked`
      : errors.length > 0
        ? `## 🔴 Instantly health: ${name} is unhealthy`
        : `## 🟢 Instantly health: ${name} has no errors`;
  // A run that could not check found nothing: count what the state still tracks instead.
  const kept = Object.values(state.findings).filter((f) => f.confirmed).length;
  const counts = failed
    ? `**${plural(kept, 'error')}** as last seen`
    : [
        `**${plural(errors.length, 'error')}**`,
        plural(warnings.length, 'warning'),
        ...(unknown > 0 ? [`${unknown} undecided (see the run)`] : []),
      ].join(', ');
  const outage = state.outageStartedAt
    ? ` · failing since ${utc(state.outageStartedAt)} (${formatElapsed(now.getTime() - Date.parse(state.outageStartedAt))})`
    : '';
  const head = [
    status,
    '',
    `${counts}${outage} · last checked ${utc(now.toISOString())}`,
    '',
    ...(blind ? blindSection(blind, now) : []),
  ];

  const { marker, dropped } = fitMarker(state);
  const link = runLink(runUrl, 'Latest run');
  let remediation = renderRemediationMarkdown(report.remediation);
  let trend = renderTrendSection(state.history ?? []);
  // Every part counts toward GitHub's limit: the remediation section, then the trend, give way
  // when they alone would not fit (the job summary still has both).
  const room = BODY_BUDGET - head.join('\n').length - marker.length - 2_000;
  if (remediation.length + trend.length > room)
    remediation = remediation ? OMITTED_REMEDIATION : '';
  if (remediation.length + trend.length > room) trend = '';
  const tail = [
    '',
    ...(remediation ? [remediation.trimEnd(), ''] : []),
    ...(trend ? [trend, ''] : []),
    ...(link ? [link, ''] : []),
    ...(dropped > 0
      ? [
          `_The tracking state keeps the ${plural(dropped, 'finding')} fewer than found: too many to store._`,
          '',
        ]
      : []),
    '_Updated by instantly-health on every run. Edits to this body are overwritten; the comment at the end keeps state between runs._',
    '',
    marker,
  ];

  const shown = [...errors, ...warnings].sort(
    (a, b) =>
      compareSeverity(a.severity, b.severity) ||
      (state.findings[a.fingerprint]?.firstSeen ?? '').localeCompare(
        state.findings[b.fingerprint]?.firstSeen ?? '',
      ),
  );
  const fixed = head.join('\n').length + tail.join('\n').length + 2;
  const lines: string[] = [];
  if (shown.length > 0) {
    lines.push('| Severity | Check | Resource | Problem | Failing for |', '|---|---|---|---|---|');
    const reserve = 120; // the "…and N more" line
    let used = fixed + lines.join('\n').length + reserve;
    let count = 0;
    for (const finding of shown) {
      const line = row(finding, state.findings[finding.fingerprint], now);
      if (used + line.length + 1 > BODY_BUDGET) break;
      lines.push(line);
      used += line.length + 1;
      count++;
    }
    if (count < shown.length) {
      lines.push(
        '',
        `_…and ${shown.length - count} more not shown here: the job summary of the latest run lists them all._`,
      );
    }
  } else {
    lines.push(
      failed
        ? `The latest run could not check the workspace: ${escapeInline(shorten(report.failure?.message ?? 'see the run'))}`
        : 'No error or warning findings in the latest run.',
    );
  }
  return [...head, ...lines, ...tail].join('\n');
}

const OMITTED_REMEDIATION =
  '_The remediation section is too long for an issue body: see the job summary of the latest run._\n';

/** "Cannot check since …" (contract section 6): the findings below are the last ones seen. */
function blindSection(blind: NonNullable<TrackingState['blind']>, now: Date): string[] {
  return [
    `### ⚫ Cannot check since ${utc(blind.since)} (${formatElapsed(now.getTime() - Date.parse(blind.since))})`,
    '',
    `${plural(blind.runs, 'run')} in a row could not check everything: ${escapeInline(shorten(blind.cause))}`,
    '',
    'Findings are kept as last seen, not reset, until checking works again.',
    '',
  ];
}

/** The comment when a blind streak reaches `blind_threshold`, or ends. */
export function renderBlindComment(
  plan: Pick<Plan, 'blind' | 'newErrors' | 'recovered' | 'stillFailing'>,
  report: Report,
  runUrl?: string,
): string {
  const link = runLink(runUrl, 'Run');
  const since = plan.blind?.since ? ` since ${utc(plan.blind.since)}` : '';
  const cause = plan.blind?.cause ? `: ${escapeInline(shorten(plan.blind.cause))}` : '.';
  const changed = plan.newErrors.length > 0 || plan.recovered.length > 0;
  const lines =
    plan.blind?.change === 'ended'
      ? [`Checking works again (it could not check${since}).`, '']
      : [
          `Cannot check${since}${cause}`,
          '',
          'Findings are kept as last seen until checking works again.',
          '',
        ];
  return clamp(
    [
      ...lines,
      ...(changed
        ? [...list('New', plan.newErrors, report), ...list('Recovered', plan.recovered)]
        : []),
      `${plural(plan.stillFailing, 'error')} still failing.${link ? ` ${link}` : ''}`,
    ].join('\n'),
  );
}

function changeLine(change: FindingChange, report: Report | undefined): string {
  const finding = report?.findings.find((f) => f.fingerprint === change.fingerprint);
  const what = finding ? `: ${escapeInline(shorten(finding.message))}` : '';
  return `- ${escapeCode(change.check)} on ${resourceLabel(change.resource)}${what}`;
}

function list(title: string, changes: FindingChange[], report?: Report): string[] {
  if (changes.length === 0) return [];
  const shown = changes.slice(0, COMMENT_LIST_LIMIT).map((c) => changeLine(c, report));
  const more = changes.length - shown.length;
  return [`**${title}**`, '', ...shown, ...(more > 0 ? [`- …and ${more} more`] : []), ''];
}

/** The comment for a change in the set of errors (or a reopened issue). */
export function renderChangeComment(
  plan: Pick<Plan, 'newErrors' | 'recovered' | 'stillFailing'>,
  report: Report,
  runUrl?: string,
  reopened = false,
): string {
  const link = runLink(runUrl, 'Run');
  const headline = reopened
    ? `Failing again: ${plural(plan.newErrors.length, 'new error')}.`
    : `The set of errors changed: ${plural(plan.newErrors.length, 'new error')}, ${plan.recovered.length} recovered.`;
  return clamp(
    [
      headline,
      '',
      ...list('New', plan.newErrors, report),
      ...list('Recovered', plan.recovered),
      `${plural(plan.stillFailing, 'error')} still failing.${link ? ` ${link}` : ''}`,
    ].join('\n'),
  );
}

/** The comment posted before the issue closes. */
export function renderClosingComment(
  plan: Pick<Plan, 'recovered' | 'outage'>,
  runUrl?: string,
): string {
  const link = runLink(runUrl, 'Latest run');
  const after =
    plan.outage.durationMs === null
      ? 'Recovered: no error finding remains.'
      : `Recovered after ${formatElapsed(plan.outage.durationMs)}: no error finding remains.`;
  return clamp(
    [after, '', ...list('Recovered', plan.recovered), ...(link ? [link] : [])].join('\n').trimEnd(),
  );
}

/** The comment left on a duplicate tracking issue before it is closed. */
export function renderDuplicateComment(keptNumber: number): string {
  return `Duplicate of #${keptNumber}: two runs opened a tracking issue for the same workspace at once. #${keptNumber} tracks it from now on.`;
}

function clamp(text: string): string {
  return text.length <= BODY_BUDGET ? text : `${text.slice(0, BODY_BUDGET - 20)}\n\n_…cut short._`;
}
