import { remediationTextLines } from './remediation.js';
import { escapeTerminal } from './escape.js';
import {
  STATUS_LABEL,
  countFindings,
  describeCounts,
  formatDuration,
  plural,
  runDurationMs,
} from './format.js';
import type { Report, Severity, Status } from '../model/report.js';
import { describeSenders } from './senders.js';
import { toDoList, WHAT_TO_DO_FIRST, type ToDo } from './actions.js';

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

  out.push(...toDoLines(toDoList(report.findings), width, paint));
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

// One cell each (no emoji), so wrapped problem lines line up in any terminal.
const SEVERITY_MARK: Record<Severity, string> = { error: '✗', warning: '▲', unknown: '?' };

/**
 * The to-do list: one numbered entry per resource (its full name and id, wrapped, never cut, so
 * an id can be copied into `--campaign`), its problems, one fix per cause and the Instantly page.
 * The first entries are headed "What to do first", the rest "Then".
 */
function toDoLines(todos: readonly ToDo[], width: number, paint: Paint): string[] {
  if (todos.length === 0) return [];
  const numberWidth = String(todos.length).length;
  const indent = 2 + numberWidth + 2;
  const pad = ' '.repeat(indent);
  const hang = (first: string, text: string, style?: Style, whole = false): string[] =>
    wrap(text, width - indent - displayWidth(first), whole).map((line, i) => {
      const shown = style ? paint(style, line) : line;
      return i === 0
        ? `${pad}${first}${shown}`
        : `${pad}${' '.repeat(displayWidth(first))}${shown}`;
    });
  const out: string[] = [];
  todos.forEach((todo, i) => {
    if (i === 0) out.push(paint('bold', 'What to do first'));
    if (i === WHAT_TO_DO_FIRST) out.push('', paint('bold', 'Then'));
    const number = `${String(i + 1).padStart(numberWidth)}. `;
    const head = resourceLines(todo, width - indent);
    out.push(
      ...head.map((line, j) =>
        j === 0
          ? `  ${number}${paint('bold', paint(SEVERITY_STYLE[todo.severity], line))}`
          : `${pad}${paint('bold', line)}`,
      ),
    );
    for (const f of todo.findings) {
      const mark = `${paint(SEVERITY_STYLE[f.severity], SEVERITY_MARK[f.severity])} `;
      const text = `${escapeTerminal(f.message, { max: 1000 })} [${escapeTerminal(f.check, { max: 60 })}]`;
      const lines = wrap(text, width - indent - 2);
      out.push(...lines.map((line, j) => (j === 0 ? `${pad}${mark}${line}` : `${pad}  ${line}`)));
    }
    for (const fix of todo.fixes)
      out.push(...hang('→ ', escapeTerminal(fix, { max: 1000 }), 'dim'));
    if (todo.link) out.push(...hang('↗ ', todo.link.url, 'dim', true));
  });
  return [...out, ''];
}

/**
 * `campaign Q4 founders 0199…`: the name wraps like text, the id is never split (it is copied
 * into `--campaign`), on the last line when it fits, else on a line of its own.
 */
function resourceLines(todo: ToDo, width: number): string[] {
  const { type, id, name } = todo.resource;
  const shownName = name === undefined ? '' : escapeTerminal(name, { max: 120 });
  const shownId = escapeTerminal(id, { max: 200 });
  if (shownName === '' || shownName === shownId) return wrap(`${type} ${shownId}`, width, true);
  const lines = wrap(`${type} ${shownName}`, width);
  const last = lines.at(-1) ?? '';
  if (displayWidth(last) + 1 + displayWidth(shownId) <= width)
    lines[lines.length - 1] = `${last} ${shownId}`;
  else lines.push(shownId);
  return lines;
}

/** `--quiet`: the verdict line, and why when nothing could be checked. */
export function renderVerdictLine(report: Report, options: TextOptions): string {
  const width = Math.max(MIN_WIDTH, Math.floor(options.width ?? TEXT_DEFAULT_WIDTH));
  const paint = (style: Style, text: string) =>
    options.color ? `${SGR[style][0]}${text}${SGR[style][1]}` : text;
  const lines = [statusLine(report, width, paint)];
  if (report.status === 'failed') lines.push(...failureLines(report, width, paint));
  return lines.join('\n') + '\n';
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

/**
 * Greedy word wrap to `width` cells; words longer than a line are split, unless `whole` (ids and
 * URLs, which must stay copyable): then such a word gets a line of its own, past the width.
 */
function wrap(text: string, width: number, whole = false): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of text.split(/ +/).filter((w) => w !== '')) {
    let rest = word;
    while (!whole && displayWidth(rest) > width) {
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
