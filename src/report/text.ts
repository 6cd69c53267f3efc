import { remediationTextLines } from './remediation.js';
import { escapeTerminal } from './escape.js';
import {
  STATUS_LABEL,
  countFindings,
  describeCounts,
  formatDuration,
  plural,
  runDurationMs,
  sortFindings,
} from './format.js';
import type { Finding, Report, Severity, Status } from '../model/report.js';
import { describeSenders } from './senders.js';

/**
 * The CLI's text report for terminals. Every string from the API goes through `escapeTerminal`,
 * so a campaign name cannot move the cursor, recolour the terminal or reorder the line; colour
 * comes only from here, and only when `color` is set.
 */

export interface TextOptions {
  color: boolean;
  /** Terminal columns; messages wrap to it. */
  width?: number;
}

export const TEXT_DEFAULT_WIDTH = 100;

/**
 * Whether the CLI should colour its text report: only on a terminal, never when `NO_COLOR` is set
 * to a non-empty value (https://no-color.org) or the terminal is `dumb`.
 */
export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}
const MIN_WIDTH = 40;
const RESOURCE_COLUMN_MAX = 36;

type Style = 'red' | 'yellow' | 'magenta' | 'green' | 'bold' | 'dim';
const SGR: Record<Style, [string, string]> = {
  red: ['\u001b[31m', '\u001b[39m'],
  yellow: ['\u001b[33m', '\u001b[39m'],
  magenta: ['\u001b[35m', '\u001b[39m'],
  green: ['\u001b[32m', '\u001b[39m'],
  bold: ['\u001b[1m', '\u001b[22m'],
  dim: ['\u001b[2m', '\u001b[22m'],
};

const STATUS_STYLE: Record<Status, Style> = {
  healthy: 'green',
  degraded: 'yellow',
  unhealthy: 'red',
  failed: 'red',
};
const STATUS_MARK: Record<Status, string> = {
  healthy: '✔',
  degraded: '▲',
  unhealthy: '✖',
  failed: '✖',
};
const SEVERITY_STYLE: Record<Severity, Style> = {
  error: 'red',
  warning: 'yellow',
  unknown: 'magenta',
};
const SEVERITY_HEADING: Record<Severity, string> = {
  error: 'Errors',
  warning: 'Warnings',
  unknown: 'Unknown (could not decide)',
};

export function renderText(report: Report, options: TextOptions): string {
  const width = Math.max(MIN_WIDTH, Math.floor(options.width ?? TEXT_DEFAULT_WIDTH));
  const paint = (style: Style, text: string) =>
    options.color ? `${SGR[style][0]}${text}${SGR[style][1]}` : text;

  const out: string[] = [statusLine(report, width, paint), ''];
  if (report.senders) {
    const line = describeSenders(report.senders, (t) => escapeTerminal(t, { max: 120 }));
    out.push(...wrap(line, width), '');
  }

  if (report.status === 'failed') out.push(...failureLines(report, width, paint), '');

  const sorted = sortFindings(report.findings);
  for (const severity of ['error', 'warning', 'unknown'] as const) {
    const group = sorted.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push(
      paint(
        'bold',
        paint(
          SEVERITY_STYLE[severity],
          `${SEVERITY_HEADING[severity]} (${group.length.toLocaleString('en-US')})`,
        ),
      ),
    );
    out.push(...findingLines(group, width, paint), '');
  }
  if (report.findings.length === 0 && report.status !== 'failed')
    out.push('No problems found.', '');

  const remediation = remediationTextLines(report.remediation);
  if (remediation.length > 0) out.push(...remediation.flatMap((l) => wrap(l, width)), '');

  if (report.suites.length > 0)
    out.push(paint('bold', 'Suites'), ...suiteLines(report, width, paint), '');

  if (report.silenced.length > 0) {
    const note = `${plural(report.silenced.length, 'silenced finding')} not counted (listed in the JSON report).`;
    out.push(...wrap(note, width).map((l) => paint('dim', l)));
  }
  out.push(...wrap(statsLine(report), width).map((l) => paint('dim', l)));
  return out.join('\n') + '\n';
}

type Paint = (style: Style, text: string) => string;

function statusLine(report: Report, width: number, paint: Paint): string {
  const style = STATUS_STYLE[report.status];
  const label = `${STATUS_MARK[report.status]} ${STATUS_LABEL[report.status].toUpperCase()}`;
  const parts =
    report.status === 'failed'
      ? ['could not check the workspace']
      : [describeCounts(countFindings(report.findings))];
  if (report.workspace) parts.push(escapeTerminal(report.workspace.name, { max: 80 }));
  const ms = runDurationMs(report);
  if (ms !== undefined) parts.push(formatDuration(ms));
  const indent = displayWidth(label) + 2;
  const [first = '', ...rest] = wrap(parts.join(' · '), width - indent);
  return [
    `${paint('bold', paint(style, label))}  ${first}`,
    ...rest.map((l) => ' '.repeat(indent) + l),
  ].join('\n');
}

function failureLines(report: Report, width: number, paint: Paint): string[] {
  const failure = report.failure ?? {
    cause: 'unknown',
    message: 'The run stopped before any check could decide.',
    remediation: 'Read the error above, fix it, and run again.',
  };
  const label = (text: string) => paint('bold', text.padEnd(8));
  return [
    ...wrapWithLabel(label('cause'), escapeTerminal(failure.cause, { max: 80 }), width, 10),
    ...wrapWithLabel(label('problem'), escapeTerminal(failure.message, { max: 2000 }), width, 10),
    ...wrapWithLabel(label('fix'), escapeTerminal(failure.remediation, { max: 2000 }), width, 10),
  ];
}

function wrapWithLabel(label: string, text: string, width: number, indent: number): string[] {
  const lines = wrap(text, width - indent);
  return lines.map((line, i) => (i === 0 ? `  ${label}${line}` : `${' '.repeat(indent)}${line}`));
}

function findingLines(findings: readonly Finding[], width: number, paint: Paint): string[] {
  const rows = findings.map((f) => ({
    type: f.resource.type,
    resource: resourceLabel(f),
    message: escapeTerminal(f.message, { max: 1000 }),
    fix: escapeTerminal(f.remediation, { max: 1000 }),
    check: escapeTerminal(f.check, { max: 60 }),
  }));
  const typeWidth = Math.max(...rows.map((r) => displayWidth(r.type)));
  const resourceWidth = Math.min(
    RESOURCE_COLUMN_MAX,
    Math.max(...rows.map((r) => displayWidth(r.resource))),
  );
  // Columns: 2 spaces, type, 2 spaces, resource, 2 spaces, message. On a narrow terminal the
  // message goes under the resource instead of beside it.
  const indent = 2 + typeWidth + 2 + resourceWidth + 2;
  const side = width - indent >= 30;
  const textIndent = side ? indent : 4;
  const textWidth = width - textIndent;

  const out: string[] = [];
  for (const row of rows) {
    const resource = fitWidth(row.resource, resourceWidth);
    const head = `  ${padWidth(row.type, typeWidth)}  ${side ? padWidth(resource, resourceWidth) : resource}`;
    const message = wrap(`${row.message} [${row.check}]`, textWidth);
    // The fix hangs after its arrow, so a wrapped fix reads as one block.
    const fix = wrap(row.fix, textWidth - 2).map((l, i) =>
      paint('dim', `${i === 0 ? '→' : ' '} ${l}`),
    );
    const pad = ' '.repeat(textIndent);
    if (side) {
      out.push(`${head}  ${message[0] ?? ''}`.trimEnd());
      out.push(...message.slice(1).map((l) => pad + l), ...fix.map((l) => pad + l));
    } else {
      out.push(fitWidth(head, width), ...message.map((l) => pad + l), ...fix.map((l) => pad + l));
    }
  }
  return out;
}

function resourceLabel(f: Finding): string {
  const name = f.resource.name === undefined ? '' : escapeTerminal(f.resource.name, { max: 120 });
  const id = escapeTerminal(f.resource.id, { max: 80 });
  return name === '' || name === id ? id : `${name} (${id})`;
}

function suiteLines(report: Report, width: number, paint: Paint): string[] {
  const nameWidth = Math.max(...report.suites.map((s) => s.name.length));
  const statusWidth = Math.max(...report.suites.map((s) => s.status.length));
  const checkedWidth = Math.max(
    ...report.suites.map((s) => s.checked.toLocaleString('en-US').length),
  );
  return report.suites.map((s) => {
    const mark = paint(STATUS_STYLE[s.status], STATUS_MARK[s.status]);
    const status = paint(STATUS_STYLE[s.status], s.status.padEnd(statusWidth));
    const checked = `${s.checked.toLocaleString('en-US').padStart(checkedWidth)} checked`;
    const line = `  ${mark} ${s.name.padEnd(nameWidth)}  ${status}  ${checked}  ${formatDuration(s.durationMs).padStart(7)}`;
    const details = s.details.map((d) => escapeTerminal(d, { max: 200 })).join('; ');
    const room = width - displayWidth(stripSgr(line)) - 2;
    return details === '' || room < 10 ? line : `${line}  ${paint('dim', fitWidth(details, room))}`;
  });
}

function statsLine(report: Report): string {
  const { stats } = report;
  const parts = [
    plural(stats.requests, 'request'),
    plural(stats.retries, 'retry', 'retries'),
    `${stats.rateLimited.toLocaleString('en-US')} rate-limited (429)`,
  ];
  if (stats.waitMs > 0) parts.push(`waited ${formatDuration(stats.waitMs)}`);
  return parts.join(' · ');
}

// --- columns in a terminal: width is measured in cells, not UTF-16 units -----------------------

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
const WIDE =
  /^[\p{Extended_Pictographic}\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]$/u;

function charWidth(ch: string): number {
  if (ZERO_WIDTH.test(ch)) return 0;
  return WIDE.test(ch) ? 2 : 1;
}

export function displayWidth(text: string): number {
  // Most text is printable ASCII: one cell per character.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let n = 0;
  for (const ch of text) n += charWidth(ch);
  return n;
}

function padWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Cuts to `width` cells, ending with "…" when cut. */
function fitWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return out + '…';
}

/** The longest prefix of at most `width` cells, and at least one character (so wrapping ends). */
function takeWidth(text: string, width: number): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch);
    if (out !== '' && used + w > width) break;
    out += ch;
    used += w;
  }
  return out;
}

/** Greedy word wrap to `width` cells; words longer than a line are split. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of text.split(/ +/).filter((w) => w !== '')) {
    let rest = word;
    while (displayWidth(rest) > width) {
      if (line !== '') {
        lines.push(line);
        line = '';
        used = 0;
      }
      const head = takeWidth(rest, width);
      lines.push(head);
      rest = rest.slice(head.length);
    }
    const w = displayWidth(rest);
    if (line === '') {
      line = rest;
      used = w;
    } else if (used + 1 + w <= width) {
      line += ` ${rest}`;
      used += 1 + w;
    } else {
      lines.push(line);
      line = rest;
      used = w;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

// eslint-disable-next-line no-control-regex
const SGR_PATTERN = /\u001b\[[0-9;]*m/g;
function stripSgr(text: string): string {
  return text.replace(SGR_PATTERN, '');
}
