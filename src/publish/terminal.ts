import { writeFile } from 'node:fs/promises';
import type { OutputOptions } from '../config/cli-args.js';
import { escapeTerminal } from '../report/escape.js';
import { renderJson } from '../report/json.js';
import type { Report } from '../model/report.js';
import { renderMarkdown } from '../report/summary.js';
import { colorEnabled, renderText } from '../report/text.js';
import type { WorkspaceRun } from '../run-health.js';
import { combinedReport } from './aggregate.js';
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
    color: colorEnabled(target, env),
    ...(stdout.columns ? { width: stdout.columns } : {}),
  };
  let text =
    outcome.kind === 'single'
      ? renderOne(outcome.report, output.format, textOptions)
      : renderMany(outcome.runs, output.format, textOptions);
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
  options: TextOptions,
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
        renderText(r.report, options),
    )
    .join('\n');
}
