import { z } from 'zod';
import type { Report } from '../model/report.js';
import { percent } from '../report/format.js';

/**
 * Health over time: the key figures of each run, kept in the tracking issue's marker (the last
 * TREND_RUNS runs), drawn as a mermaid `xychart-beta` chart in the issue body and as text
 * sparklines in the job summary, with "since" figures (first kept run → this run).
 * Everything here is pure: figures are derived from the Report alone.
 */

/** Runs kept in the state: about a month of daily runs, a few kilobytes of marker. */
export const TREND_RUNS = 30;

const rate = z.number().min(0).max(1).nullable();

export const TrendPoint = z.object({
  /** When the run finished (ISO 8601). */
  at: z.iso.datetime(),
  errors: z.number().int().min(0),
  warnings: z.number().int().min(0),
  /**
   * The worst campaign bounce rate the checks flagged (a fraction); null when none was flagged
   * (every checked campaign under the warning threshold) or the campaigns suite did not run.
   */
  bounceRate: rate,
  /** The workspace's webhook delivery failure rate when flagged; null otherwise, as above. */
  webhookFailureRate: rate,
  /** Sending accounts with at least one error or warning finding. */
  unhealthyAccounts: z.number().int().min(0),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

/**
 * The history as stored: an edited or older history is dropped rather than making the whole
 * state unreadable (the findings matter more than the chart).
 */
export const TrendHistory = z.array(TrendPoint).max(1000).optional().catch(undefined);

function numberIn(evidence: Record<string, unknown>, key: string): number | undefined {
  const value = evidence[key];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1
    ? value
    : undefined;
}

function worst(values: (number | undefined)[]): number | null {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length === 0 ? null : Math.max(...known);
}

/** This run's figures; null for a run that could not check (it says nothing about health). */
export function trendPoint(report: Report): TrendPoint | null {
  if (report.status === 'failed') return null;
  const { findings } = report;
  const unhealthy = new Set(
    findings
      .filter(
        (f) =>
          f.resource.type === 'account' && (f.severity === 'error' || f.severity === 'warning'),
      )
      .map((f) => f.resource.id),
  );
  return {
    at: new Date(Date.parse(report.finishedAt) || Date.now()).toISOString(),
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    bounceRate: worst(
      findings
        .filter((f) => f.check === 'campaign.bounce-rate')
        .map((f) => numberIn(f.evidence, 'rate')),
    ),
    webhookFailureRate: worst(
      findings
        .filter((f) => f.check === 'webhook.failure-rate')
        .map((f) => numberIn(f.evidence, 'failure_rate')),
    ),
    unhealthyAccounts: unhealthy.size,
  };
}

/** The history with this run's point added, oldest first, the last TREND_RUNS kept. */
export function appendTrend(
  history: readonly TrendPoint[] | undefined,
  point: TrendPoint | null,
): TrendPoint[] {
  const all = [...(history ?? [])];
  if (point) all.push(point);
  return all.slice(-TREND_RUNS);
}

const BARS = '▁▂▃▄▅▆▇█';

/** `▁▂▅█`: one character per run, scaled from the lowest to the highest value; `·` = no value. */
export function sparkline(values: readonly (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null);
  const min = Math.min(...known);
  const max = Math.max(...known);
  return values
    .map((v) => {
      if (v === null) return '·';
      if (max === min) return v === 0 ? BARS[0] : BARS[3];
      const index = Math.round(((v - min) / (max - min)) * (BARS.length - 1));
      return BARS[index] ?? BARS[0];
    })
    .join('');
}

interface Figure {
  label: string;
  value: (p: TrendPoint) => number | null;
  format: (v: number | null) => string;
}

const count = (v: number | null) => (v === null ? '—' : String(v));
const share = (v: number | null) => (v === null ? 'not flagged' : percent(v));

export const FIGURES: readonly Figure[] = [
  { label: 'Errors', value: (p) => p.errors, format: count },
  { label: 'Warnings', value: (p) => p.warnings, format: count },
  { label: 'Worst campaign bounce rate', value: (p) => p.bounceRate, format: share },
  { label: 'Webhook failure rate', value: (p) => p.webhookFailureRate, format: share },
  { label: 'Unhealthy accounts', value: (p) => p.unhealthyAccounts, format: count },
];

function day(iso: string): string {
  return iso.slice(0, 10);
}

/** `errors 3 → 7 since 2026-11-23`, for each figure; empty with fewer than two runs. */
export function sinceFigures(history: readonly TrendPoint[]): string[] {
  const first = history[0];
  const last = history.at(-1);
  if (!first || !last || history.length < 2) return [];
  return FIGURES.map(
    (f) =>
      `${f.label.toLowerCase()} ${f.format(f.value(first))} → ${f.format(f.value(last))} since ${day(first.at)}`,
  );
}

function table(history: readonly TrendPoint[]): string[] {
  const first = history[0];
  const last = history.at(-1);
  if (!first || !last) return [];
  return [
    `| Figure | Last ${history.length} runs | Since ${day(first.at)} |`,
    '|---|---|---|',
    ...FIGURES.map(
      (f) =>
        `| ${f.label} | ${sparkline(history.map(f.value))} | ${f.format(f.value(first))} → ${f.format(f.value(last))} |`,
    ),
  ];
}

/** The job summary's compact trend: sparklines and "since" figures. Empty with fewer than two runs. */
export function renderTrendSummary(history: readonly TrendPoint[]): string {
  if (history.length < 2) return '';
  return ['### 📈 Trend', '', ...table(history), '', ''].join('\n');
}

/** Axis labels: the day, or the day and time when several kept runs share a day. */
function labels(history: readonly TrendPoint[]): string[] {
  const days = history.map((p) => p.at.slice(5, 10));
  const unique = new Set(days).size === days.length;
  return history.map((p) =>
    unique ? p.at.slice(5, 10) : `${p.at.slice(5, 10)} ${p.at.slice(11, 16)}`,
  );
}

/**
 * A mermaid `xychart-beta` chart (GitHub renders it in issues): errors as bars, warnings as a
 * line (xychart has no legend, so the title says which is which). Only numbers and our own
 * timestamps go into it: nothing from the API.
 */
export function renderTrendChart(history: readonly TrendPoint[]): string {
  if (history.length < 2) return '';
  const errors = history.map((p) => p.errors);
  const warnings = history.map((p) => p.warnings);
  const top = Math.max(1, ...errors, ...warnings);
  return [
    '```mermaid',
    'xychart-beta',
    `    title "Errors (bars) and warnings (line), last ${history.length} runs"`,
    `    x-axis [${labels(history)
      .map((l) => `"${l}"`)
      .join(', ')}]`,
    `    y-axis "Findings" 0 --> ${top}`,
    `    bar [${errors.join(', ')}]`,
    `    line [${warnings.join(', ')}]`,
    '```',
  ].join('\n');
}

/** The issue body's trend section: the chart and the figures table. */
export function renderTrendSection(history: readonly TrendPoint[]): string {
  if (history.length < 2) return '';
  return ['### Trend', '', renderTrendChart(history), '', ...table(history), ''].join('\n');
}
