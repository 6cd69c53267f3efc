import { escapeHtml, escapeInline, safeUrl } from '../report/escape.js';
import { countFindings, STATUS_EMOJI, STATUS_LABEL, plural } from '../report/format.js';
import { renderSummary, SUMMARY_MAX_BYTES } from '../report/summary.js';
import { renderTrendSummary, type TrendPoint } from '../tracking/trend.js';
import { worstStatus, type WorkspaceOutcome } from './aggregate.js';

/**
 * The job summary of a multi-workspace run: an overview table (one row per workspace: status,
 * errors, warnings, tracking issue), then each workspace's own summary, folded away when the
 * workspace is healthy. The whole stays under GitHub's step-summary limit: each workspace's
 * section gets an equal share of what the overview leaves.
 */

export interface AgencySummaryRow extends WorkspaceOutcome {
  trend?: TrendPoint[];
}

export interface AgencySummaryOptions {
  runUrl?: string;
  maxBytes?: number;
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

function issueCell(row: AgencySummaryRow): string {
  const url = row.issueUrl === undefined ? undefined : safeUrl(row.issueUrl);
  if (!url) return '—';
  return row.issueNumber === undefined ? `[issue](${url})` : `[#${row.issueNumber}](${url})`;
}

export function renderOverview(rows: readonly AgencySummaryRow[]): string {
  const status = worstStatus(rows.map((r) => r.report.status));
  const tally = (['unhealthy', 'failed', 'degraded', 'healthy'] as const)
    .map((s) => [s, rows.filter((r) => r.report.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${STATUS_LABEL[s].toLowerCase()}`)
    .join(', ');
  const lines = [
    `## ${STATUS_EMOJI[status]} Instantly health: ${plural(rows.length, 'workspace')} · ${tally}`,
    '',
    '| Workspace | Status | Errors | Warnings | Tracking issue |',
    '|---|---|---:|---:|---|',
    ...rows.map((r) => {
      const counts = countFindings(r.report.findings);
      const failed = r.report.status === 'failed';
      return `| ${escapeInline(r.name, { max: 120 })} | ${STATUS_EMOJI[r.report.status]} ${STATUS_LABEL[r.report.status]} | ${failed ? '—' : counts.errors} | ${failed ? '—' : counts.warnings} | ${issueCell(r)} |`;
    }),
    '',
    '',
  ];
  return lines.join('\n');
}

export function renderAgencySummary(
  rows: readonly AgencySummaryRow[],
  options: AgencySummaryOptions = {},
): string {
  const maxBytes = options.maxBytes ?? SUMMARY_MAX_BYTES;
  const overview = renderOverview(rows);
  // Our own wrapper text per section (the <details> lines), generously counted.
  const wrapper = 400;
  const share = Math.max(
    2_000,
    Math.floor((maxBytes - bytes(overview)) / Math.max(1, rows.length)) - wrapper,
  );
  const sections = rows.map((row) => {
    const trend = renderTrendSummary(row.trend ?? []);
    const body = renderSummary(row.report, {
      maxBytes: share,
      ...(row.issueUrl ? { issueUrl: row.issueUrl } : {}),
      ...(options.runUrl ? { runUrl: options.runUrl } : {}),
      ...(trend ? { extraSections: [trend] } : {}),
    });
    if (row.report.status !== 'healthy') return `${body}\n`;
    // Only our own text and escaped HTML sit inside the raw <summary> block.
    return `<details><summary>${STATUS_EMOJI.healthy} <b>${escapeHtml(row.name, { max: 120 })}</b>: healthy</summary>\n\n${body}\n</details>\n\n`;
  });
  const out = overview + sections.join('');
  // The shares make this unreachable short of a tiny maxBytes; never write past the limit.
  return bytes(out) <= maxBytes ? out : overview;
}
