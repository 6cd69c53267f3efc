import { constants } from 'node:fs';
import { access, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputOptions } from '../config/cli-args.js';
import type { RunSettings } from '../config/schema.js';
import { escapeTerminal } from '../report/escape.js';
import { renderJson } from '../report/json.js';
import type { Report } from '../model/report.js';
import { renderMarkdown } from '../report/summary.js';
import { colorEnabled, renderText, renderVerdictLine } from '../report/text.js';
import type { WorkspaceRun } from '../run-health.js';
import { combinedReport } from './aggregate.js';
import { heartbeatAfter } from './heartbeat.js';
import { notifyStateless } from './notify-step.js';
import { renderAgencySummary } from './overview.js';
import type { RunOutcome } from './publish.js';

/**
 * The CLI's publishing: one report or an agency run's, as text, markdown or JSON, to stdout or
 * `--output`. The same JSON shapes as the action's report file.
 */
export async function emit(
  outcome: RunOutcome,
  output: OutputOptions,
  stdout: NodeJS.WriteStream = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const target = output.output ? { isTTY: false } : stdout;
  const textOptions = {
    color: output.noColor !== true && colorEnabled(target, env),
    ...(stdout.columns ? { width: stdout.columns } : {}),
  };
  // --quiet: the verdict line (and why, when nothing could be checked) instead of the text report;
  // markdown and JSON are data for another program and stay whole.
  const render =
    output.verbosity === 'quiet' && output.format === 'text'
      ? (report: Report) => renderVerdictLine(report, textOptions)
      : (report: Report) => renderOne(report, output.format, textOptions);
  let text =
    outcome.kind === 'single'
      ? render(outcome.report)
      : renderMany(outcome.runs, output.format, render);
  if (!text.endsWith('\n')) text += '\n';
  if (output.output) await writeFile(output.output, text);
  else stdout.write(text);
}

type TextOptions = Parameters<typeof renderText>[1];

function renderOne(report: Report, format: OutputOptions['format'], options: TextOptions): string {
  if (format === 'json') return renderJson(report);
  if (format === 'markdown') return renderMarkdown(report);
  return renderText(report, options);
}

function renderMany(
  runs: readonly WorkspaceRun[],
  format: OutputOptions['format'],
  renderReport: (report: Report) => string,
): string {
  // The CLI tracks no issue: no workspace regressed as far as it knows.
  const rows = runs.map((r) => ({
    id: r.entry.id,
    name: r.name,
    report: r.report,
    regressed: false,
  }));
  if (format === 'json') return JSON.stringify(combinedReport(rows), null, 2);
  if (format === 'markdown') return renderAgencySummary(rows);
  return rows
    .map(
      (r) =>
        `== ${escapeTerminal(r.name, { max: 120 })} (${escapeTerminal(r.id, { max: 64 })}) ==\n` +
        renderReport(r.report),
    )
    .join('\n');
}

/**
 * Why `--output FILE` cannot be written, checked before the first request so a run never ends
 * with its report lost; undefined when it can. The folder must exist and be writable, and the
 * file, when it exists, must be a writable file.
 */
export async function outputProblem(file: string, cwd: string): Promise<string | undefined> {
  const full = path.resolve(cwd, file);
  const dir = path.dirname(full);
  const info = await stat(dir).catch(() => undefined);
  if (!info) return `the folder ${dir} does not exist: create it first, or choose another path`;
  if (!info.isDirectory()) return `${dir} is not a folder`;
  const existing = await stat(full).catch(() => undefined);
  if (existing?.isDirectory()) return `${full} is a folder: give a file name`;
  try {
    await access(existing ? full : dir, constants.W_OK);
  } catch {
    return `${existing ? full : `the folder ${dir}`} is not writable`;
  }
  return undefined;
}

/** Every workspace report of a run: one for a single run. */
export function reportsOf(outcome: RunOutcome): Report[] {
  return outcome.kind === 'single' ? [outcome.report] : outcome.runs.map((r) => r.report);
}

/**
 * The CLI's effects after its output: the heartbeat ping (contract section 6: `<url>`, or
 * `<url>/fail` when a suite was blind) and the notification (section 7, planned without state:
 * the CLI keeps none between runs). Both only ever warn through `say`, never change the exit code.
 */
export async function publishCliEffects(
  outcome: RunOutcome,
  settings: RunSettings,
  say: (line: string) => void,
): Promise<void> {
  if (settings.heartbeatUrl) {
    const warning = await heartbeatAfter(settings.heartbeatUrl, reportsOf(outcome));
    if (warning) say(warning);
  }
  if (settings.notify) {
    const rows =
      outcome.kind === 'single'
        ? [
            {
              id: outcome.report.workspace?.id ?? '',
              name: outcome.report.workspace?.name ?? 'workspace',
              report: outcome.report,
            },
          ]
        : outcome.runs.map((r) => ({ id: r.entry.id, name: r.name, report: r.report }));
    await notifyStateless(settings.notify, rows, settings.config.issue, say);
  }
}
