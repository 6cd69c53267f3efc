import { escapeCode, escapeInline, escapeTerminal } from './escape.js';
import type { Remediation, RemediationOutcome, RemediationStep } from '../model/report.js';

/**
 * Remediation as a reader sees it: a markdown section (job summary, issue body) and text lines
 * (CLI). Every step is listed, done or not, with its reason: a fix that was skipped is as
 * important to know as one that was made.
 */

const OUTCOME_LABEL: Record<RemediationOutcome, string> = {
  done: '✅ done',
  'would-do': '🔍 would do (dry-run)',
  skipped: '⏭️ skipped',
  failed: '❌ failed',
};

/** Rows shown before "…and N more" (the JSON report has them all). */
const MAX_ROWS = 100;

function heading(remediation: Remediation): string {
  const mode = remediation.dryRun ? 'dry-run: nothing was changed' : 'live: safe fixes are made';
  const actions = remediation.actions.map((a) => escapeCode(a, { table: false })).join(', ');
  return `### 🛠️ Remediation (${mode})\n\nConfigured: ${actions}.`;
}

function resourceCell(step: RemediationStep): string {
  const { type, id, name } = step.resource;
  const label =
    name !== undefined && name.trim() !== '' ? `${escapeInline(name, { max: 120 })} ` : '';
  return `${type} ${label}${escapeCode(id, { max: 64 })}`;
}

/** Counts like "1 done, 1 skipped". */
export function describeSteps(steps: readonly RemediationStep[]): string {
  const counts = new Map<RemediationOutcome, number>();
  for (const s of steps) counts.set(s.outcome, (counts.get(s.outcome) ?? 0) + 1);
  const order: RemediationOutcome[] = ['done', 'would-do', 'skipped', 'failed'];
  const parts = order.filter((o) => counts.has(o)).map((o) => `${counts.get(o) ?? 0} ${o}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing to do';
}

/** The markdown section; empty when the report has no remediation. */
export function renderRemediationMarkdown(remediation: Remediation | undefined): string {
  if (!remediation) return '';
  const head = heading(remediation);
  if (remediation.steps.length === 0) {
    return `${head} Nothing needed fixing (or the checks it relies on could not decide).\n\n`;
  }
  const rows = remediation.steps
    .slice(0, MAX_ROWS)
    .map(
      (s) =>
        `| ${escapeCode(s.action)} | ${resourceCell(s)} | ${OUTCOME_LABEL[s.outcome]} | ${escapeInline(s.detail, { max: 600 })} |`,
    );
  const more = remediation.steps.length - rows.length;
  return [
    `${head} ${describeSteps(remediation.steps)}.`,
    '',
    '| Action | Resource | Outcome | Why |',
    '|---|---|---|---|',
    ...rows,
    ...(more > 0 ? ['', `_…and ${more} more in the JSON report._`] : []),
    '',
    '',
  ].join('\n');
}

/** Plain lines for the CLI; empty when the report has no remediation. */
export function remediationTextLines(remediation: Remediation | undefined): string[] {
  if (!remediation) return [];
  const mode = remediation.dryRun ? 'dry-run, nothing changed' : 'live: safe fixes are made';
  const lines = [`Remediation (${mode}): ${describeSteps(remediation.steps)}`];
  for (const s of remediation.steps.slice(0, MAX_ROWS)) {
    const name = s.resource.name ?? s.resource.id;
    lines.push(
      `  ${s.outcome}: ${s.action} ${escapeTerminal(name, { max: 120 })}: ${escapeTerminal(s.detail, { max: 600 })}`,
    );
  }
  return lines;
}
