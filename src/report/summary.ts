import { escapeCode, escapeInline, safeUrl } from './escape.js';
import {
  SEVERITY_EMOJI,
  STATUS_EMOJI,
  STATUS_LABEL,
  countFindings,
  describeCounts,
  formatDuration,
  plural,
  runDurationMs,
  sortFindings,
} from './format.js';
import type { Finding, Report, SilencedFinding, SuiteResult } from '../model/report.js';
import { renderRemediationMarkdown } from './remediation.js';
import { toDoList, WHAT_TO_DO_FIRST, type InstantlyLink, type ToDo } from './actions.js';
import { describeSenders } from './senders.js';

/**
 * The job summary (GITHUB_STEP_SUMMARY) and the CLI's `--format markdown`: GitHub-flavoured
 * markdown read at a glance. Every string that came from the API goes through `escape.ts`; the
 * only raw HTML is our own (`<details>`, `<summary>`), and no API text is ever placed inside a
 * raw HTML block, where markdown escapes would not apply.
 */

export interface SummaryOptions {
  /** The tracking issue this run touched. */
  issueUrl?: string;
  /** The workflow run page. */
  runUrl?: string;
  /** Why the tracking issue could not be written (a token without `issues: write`...). */
  trackingError?: string;
  /** Upper bound of the output in UTF-8 bytes. */
  maxBytes?: number;
  /** Most rows in the problems table, for readability; the JSON report has them all. */
  maxRows?: number;
  /** Markdown sections placed before the footer (e.g. the trend), counted in `maxBytes`. */
  extraSections?: string[];
}

/**
 * GitHub refuses a step summary over 1024 KiB ("$GITHUB_STEP_SUMMARY upload aborted, supports
 * content up to a size of 1024k"). We stay under 1,000,000 bytes, which leaves room for anything
 * else the step appends.
 */
export const SUMMARY_MAX_BYTES = 1_000_000;
export const SUMMARY_MAX_ROWS = 1_000;

// Caps per cell, in code points, so one huge API string cannot crowd out every other row.
const CAP = { name: 120, id: 64, message: 600, fix: 600, detail: 200, failure: 2_000 } as const;
// Room kept for the line that says how many rows were cut.
const CUT_LINE_RESERVE = 400;

export function renderSummary(report: Report, options: SummaryOptions = {}): string {
  const maxBytes = options.maxBytes ?? SUMMARY_MAX_BYTES;
  const maxRows = options.maxRows ?? SUMMARY_MAX_ROWS;

  const todos = toDoList(report.findings);
  const head =
    [
      statusLine(report),
      ...failureSection(report),
      ...trackingSection(options),
      ...whatToDoFirst(todos),
      ...sendersLine(report),
    ].join('\n\n') + '\n\n';
  const suites = suitesSection(report);
  const footer = footerSection(report, options);
  const remediation = renderRemediationMarkdown(report.remediation);
  const extra = (options.extraSections ?? []).join('');
  const fixed = bytes(head) + bytes(suites) + bytes(footer) + bytes(remediation) + bytes(extra);

  // The problems table comes first in reading order and gets the budget first; silenced findings
  // (folded away, already out of the counts) get what remains.
  const problems = problemsSection(report, todos, maxBytes - fixed - CUT_LINE_RESERVE, maxRows);
  const silenced = silencedSection(
    report.silenced,
    maxBytes - fixed - bytes(problems) - CUT_LINE_RESERVE,
    maxRows,
  );

  const out = head + problems + remediation + suites + silenced + extra + footer;
  return bytes(out) <= maxBytes ? out : hardCut(out, maxBytes);
}

/** The CLI's `--format markdown` is the job summary. */
export const renderMarkdown = renderSummary;

function statusLine(report: Report): string {
  const counts = countFindings(report.findings);
  const parts: string[] = [];
  if (report.status === 'failed') parts.push('could not check the workspace');
  else parts.push(describeCounts(counts));
  if (report.workspace) parts.push(escapeInline(report.workspace.name, { max: CAP.name }));
  const ms = runDurationMs(report);
  if (ms !== undefined) parts.push(formatDuration(ms));
  const label = `${STATUS_EMOJI[report.status]} ${STATUS_LABEL[report.status]}`;
  return `## ${label}: ${parts.join(' · ')}`;
}

/** Sending health, right under the status: the line people read first about their senders. */
function sendersLine(report: Report): string[] {
  if (!report.senders) return [];
  return [describeSenders(report.senders, (t) => escapeInline(t, { max: CAP.name }))];
}

function failureSection(report: Report): string[] {
  if (report.status !== 'failed') return [];
  const failure = report.failure;
  if (!failure) {
    return [
      '**What happened:** the run stopped before any check could decide.',
      '**Fix:** read the step log for the error, fix it, and run again.',
    ];
  }
  return [
    `**What happened:** ${escapeInline(failure.message, { max: CAP.failure })} (${escapeCode(failure.cause, { table: false, max: CAP.id })})`,
    `**Fix:** ${escapeInline(failure.remediation, { max: CAP.failure })}`,
  ];
}

// A reader looking for the issue finds here why there is none, not only in the step log.
function trackingSection(options: SummaryOptions): string[] {
  if (options.trackingError === undefined) return [];
  return [
    `**Tracking issue not updated:** ${escapeInline(options.trackingError, { max: CAP.failure })}`,
  ];
}

/**
 * The top of the to-do list, one line each: the resource, its lead problem, the fix and where to
 * make it in Instantly. The table below has every problem.
 */
function whatToDoFirst(todos: readonly ToDo[]): string[] {
  if (todos.length === 0) return [];
  const items = todos.slice(0, WHAT_TO_DO_FIRST).map((todo, i) => {
    const [lead] = todo.findings;
    const more = todo.findings.length - 1;
    const related = more > 0 ? ` (+${plural(more, 'more problem')})` : '';
    const fix = todo.fixes.map((f) => escapeInline(f, { max: CAP.fix, table: false })).join(' ');
    const link = todo.link ? ` ${linkMarkdown(todo.link)}` : '';
    return (
      `${i + 1}. ${SEVERITY_EMOJI[todo.severity]} ${todo.resource.type} **${resourceName(todo.resource, false)}**: ` +
      `${escapeInline(lead?.message ?? '', { max: CAP.message, table: false })}${related} ` +
      `**Fix:** ${fix}${link}`
    );
  });
  const rest = todos.length - items.length;
  if (rest > 0)
    items.push('', `_${plural(rest, 'more resource')} with problems in the table below._`);
  return ['### What to do first', items.join('\n')];
}

function problemsSection(
  report: Report,
  todos: readonly ToDo[],
  budget: number,
  maxRows: number,
): string {
  if (report.findings.length === 0) {
    return report.status === 'failed' ? '' : 'No problems found.\n\n';
  }
  return renderToDoTable(todos, budget, maxRows) + '\n';
}

/**
 * The problems table alone, one row per resource (severity, resource, its problems, the fix for
 * each cause), ranked, cut to `maxBytes` UTF-8 bytes with a line counting what was left out.
 * Reusable where space is tight (65,536 characters: a byte budget is conservative, as UTF-8 bytes
 * ≥ UTF-16 units).
 */
export function renderProblemsTable(
  findings: readonly Finding[],
  maxBytes: number,
  maxRows: number = SUMMARY_MAX_ROWS,
): string {
  return renderToDoTable(toDoList(findings), maxBytes, maxRows);
}

function renderToDoTable(todos: readonly ToDo[], maxBytes: number, maxRows: number): string {
  return fitTable(
    '| Severity | Resource | Problems | Fix |\n|---|---|---|---|\n',
    todos,
    toDoRow,
    maxBytes - CUT_LINE_RESERVE,
    maxRows,
    'resource',
    (rest) => describeCounts(countFindings(rest.flatMap((t) => t.findings))),
  );
}

function toDoRow(todo: ToDo): string {
  const severity = `${SEVERITY_EMOJI[todo.severity]} ${todo.severity}`;
  const several = todo.findings.length > 1;
  const problems = todo.findings
    .map(
      (f) =>
        `${several ? `${SEVERITY_EMOJI[f.severity]} ` : ''}${escapeInline(f.message, { max: CAP.message })} ${escapeCode(f.check, { max: CAP.id })}`,
    )
    .join('<br>');
  const fixes = todo.fixes.map((f, i) => {
    const text = escapeInline(f, { max: CAP.fix });
    return todo.fixes.length > 1 ? `${i + 1}\\. ${text}` : text;
  });
  const link = todo.link ? `<br>${linkMarkdown(todo.link)}` : '';
  return `| ${severity} | ${resourceCell(todo)}${link} | ${problems} | ${fixes.join('<br>')} |\n`;
}

/** A link we build to the Instantly app (never a URL from the API). */
function linkMarkdown(link: InstantlyLink): string {
  const url = safeUrl(link.url);
  return url ? `[Open ${link.label} in Instantly](${url})` : '';
}

/** The resource's name, or its id in a code span when it has none or the name is the id. */
function resourceName(resource: Finding['resource'], table = true): string {
  const { id, name } = resource;
  return name !== undefined && name.trim() !== '' && name !== id
    ? escapeInline(name, { max: CAP.name, table })
    : escapeCode(id, { max: CAP.id, table });
}

function resourceCell(f: Pick<Finding, 'resource'>): string {
  const { type, id, name } = f.resource;
  const label =
    name !== undefined && name.trim() !== '' && name !== id
      ? `${escapeInline(name, { max: CAP.name })} `
      : '';
  return `${type} ${label}${escapeCode(id, { max: CAP.id })}`;
}

/**
 * The rows that fit in `budget` bytes (and `maxRows`), then one line saying how many were left
 * out and where they are.
 */
function fitTable<T>(
  header: string,
  items: readonly T[],
  render: (item: T) => string,
  budget: number,
  maxRows: number,
  noun: string,
  breakdown?: (rest: readonly T[]) => string,
): string {
  let out = header;
  let used = bytes(header);
  let shown = 0;
  // Rows are escaped only while they fit: with 10,000 findings most are never rendered.
  for (const item of items) {
    if (shown >= maxRows) break;
    const row = render(item);
    const size = bytes(row);
    if (used + size > budget) break;
    out += row;
    used += size;
    shown += 1;
  }
  const omitted = items.length - shown;
  if (shown === 0) out = '';
  if (omitted > 0) {
    const lead =
      shown === 0
        ? `${plural(omitted, noun)} not shown`
        : `${plural(omitted, `more ${noun}`, `more ${noun}s`)} not shown`;
    const detail = breakdown ? ` (${breakdown(items.slice(shown))})` : '';
    out += `\n_${lead}${detail} here, to keep this summary readable and under GitHub's size limit; the JSON report lists them all._\n`;
  }
  return out;
}

function suitesSection(report: Report): string {
  if (report.suites.length === 0) return '';
  return '### Suites\n\n' + report.suites.map((s) => suiteBlock(s, report.findings)).join('');
}

function suiteBlock(suite: SuiteResult, findings: readonly Finding[]): string {
  const own = findings.filter((f) => f.suite === suite.name);
  const facts = [
    STATUS_LABEL[suite.status].toLowerCase(),
    `${suite.checked.toLocaleString('en-US')} checked`,
  ];
  if (own.length > 0) facts.push(describeCounts(countFindings(own)));
  facts.push(formatDuration(suite.durationMs));
  // Only our own text (enum names, numbers) sits inside the raw HTML block.
  const summaryLine = `<details><summary>${STATUS_EMOJI[suite.status]} <b>${suite.name}</b>: ${facts.filter(Boolean).join(' · ')}</summary>\n\n`;

  const lines = suite.details.slice(0, 20).map((d) => `- ${escapeInline(d, { max: CAP.detail })}`);
  if (suite.details.length > 20)
    lines.push(`- … ${plural(suite.details.length - 20, 'more line')}`);
  const byCheck = new Map<string, number>();
  for (const f of own) byCheck.set(f.check, (byCheck.get(f.check) ?? 0) + 1);
  const checks = [...byCheck.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .slice(0, 50)
    .map(([check, n]) => `${escapeCode(check, { table: false, max: CAP.id })} ×${n}`);
  if (checks.length > 0) lines.push(`- Findings by check: ${checks.join(', ')}`);
  if (lines.length === 0) lines.push('- Nothing to report.');

  return `${summaryLine}${lines.join('\n')}\n\n</details>\n\n`;
}

function silencedSection(
  silenced: readonly SilencedFinding[],
  budget: number,
  maxRows: number,
): string {
  if (silenced.length === 0) return '';
  const row = (f: SilencedFinding) =>
    `| ${SEVERITY_EMOJI[f.severity]} ${f.severity} | ${resourceCell(f)} | ${escapeInline(f.message, { max: CAP.message })} ${escapeCode(f.check, { max: CAP.id })} | ${escapeInline(f.silencedUntil, { max: 40 })} | ${escapeInline(f.reason ?? '', { max: CAP.detail })} |\n`;
  const summaryLine = `<details><summary>🔕 ${plural(silenced.length, 'silenced finding')} (not counted)</summary>\n\n`;
  const table = fitTable(
    '| Severity | Resource | Problem | Silenced until | Reason |\n|---|---|---|---|---|\n',
    sortFindings(silenced),
    row,
    budget - bytes(summaryLine) - 20,
    maxRows,
    'silenced finding',
  );
  return `${summaryLine}${table}\n</details>\n\n`;
}

function footerSection(report: Report, options: SummaryOptions): string {
  const { stats } = report;
  const parts = [
    plural(stats.requests, 'request'),
    plural(stats.retries, 'retry', 'retries'),
    `${stats.rateLimited.toLocaleString('en-US')} rate-limited (429)`,
  ];
  if (stats.waitMs > 0) parts.push(`waited ${formatDuration(stats.waitMs)}`);
  const links: string[] = [];
  const issue = options.issueUrl === undefined ? undefined : safeUrl(options.issueUrl);
  if (issue) links.push(`[Tracking issue](${issue})`);
  const run = options.runUrl === undefined ? undefined : safeUrl(options.runUrl);
  if (run) links.push(`[Run](${run})`);
  const tool = `${escapeInline(report.tool.name, { max: 60 })} ${escapeInline(report.tool.version, { max: 30 })}`;
  return `---\n\n${[parts.join(' · '), ...links, tool].join(' · ')}\n`;
}

/** Last resort when even the fixed parts exceed `maxBytes` (an absurdly small limit). */
function hardCut(markdown: string, maxBytes: number): string {
  const note = '\n\n_Summary cut to fit the size limit; the JSON report has everything._\n';
  if (maxBytes < bytes(note)) return '';
  const room = maxBytes - bytes(note);
  const buf = Buffer.from(markdown, 'utf8').subarray(0, room);
  let text = buf.toString('utf8');
  // Drop a partial character and the partial line, so no table row or escape is left half-written.
  text = text.replace(/\uFFFD$/, '');
  const lastLine = text.lastIndexOf('\n');
  text = lastLine >= 0 ? text.slice(0, lastLine) : '';
  return text + note;
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
