import { describe, expect, it } from '@jest/globals';
import { readMarker, serializeMarker, type TrackingState } from '../../src/tracking/marker.js';
import {
  appendTrend,
  renderTrendChart,
  renderTrendSummary,
  sinceFigures,
  sparkline,
  TREND_RUNS,
  trendPoint,
  type TrendPoint,
} from '../../src/tracking/trend.js';
import { failedReport, healthyReport, unhealthyReport } from '../report/fixtures.js';
import { anyFinding as finding } from '../fakes/finding.js';
import type { Report } from '../../src/model/report.js';

function point(day: number, errors: number, warnings = 0): TrendPoint {
  return {
    at: `2026-11-${String(day).padStart(2, '0')}T06:00:00.000Z`,
    errors,
    warnings,
    bounceRate: null,
    webhookFailureRate: null,
    unhealthyAccounts: 0,
  };
}

describe('trendPoint', () => {
  it('counts errors, warnings and distinct unhealthy accounts, and takes the worst flagged rates', () => {
    const report: Report = {
      ...healthyReport,
      status: 'unhealthy',
      findings: [
        finding({
          check: 'campaign.bounce-rate',
          suite: 'campaigns',
          severity: 'warning',
          resource: { type: 'campaign', id: 'c1' },
          message: 'm',
          remediation: 'r',
          evidence: { rate: 0.04 },
        }),
        finding({
          check: 'campaign.bounce-rate',
          suite: 'campaigns',
          severity: 'error',
          resource: { type: 'campaign', id: 'c2' },
          message: 'm',
          remediation: 'r',
          evidence: { rate: 0.09 },
        }),
        finding({
          check: 'webhook.failure-rate',
          suite: 'webhooks',
          severity: 'error',
          resource: { type: 'suite', id: 'webhooks' },
          message: 'm',
          remediation: 'r',
          evidence: { failure_rate: 0.25 },
        }),
        ...['account.smtp', 'account.warmup-score'].map((check) =>
          finding({
            check,
            suite: 'accounts',
            severity: 'warning',
            resource: { type: 'account', id: 'a@x.com' },
            message: 'm',
            remediation: 'r',
          }),
        ),
        finding({
          check: 'account.smtp',
          suite: 'accounts',
          severity: 'unknown',
          resource: { type: 'account', id: 'b@x.com' },
          message: 'm',
          remediation: 'r',
        }),
      ],
    };
    expect(trendPoint(report)).toEqual({
      at: report.finishedAt,
      errors: 2,
      warnings: 3,
      bounceRate: 0.09,
      webhookFailureRate: 0.25,
      unhealthyAccounts: 1,
    });
  });

  it('has no rate when nothing was flagged, and no point for a run that could not check', () => {
    expect(trendPoint(healthyReport)).toMatchObject({ errors: 0, bounceRate: null });
    expect(trendPoint(failedReport)).toBeNull();
    expect(trendPoint(unhealthyReport)?.errors).toBeGreaterThan(0);
  });
});

describe('appendTrend', () => {
  it(`keeps the last ${TREND_RUNS} runs, oldest first`, () => {
    let history: TrendPoint[] = [];
    for (let day = 1; day <= 35; day++) history = appendTrend(history, point(1 + (day % 28), day));
    expect(history).toHaveLength(TREND_RUNS);
    expect(history[0]?.errors).toBe(6);
    expect(history.at(-1)?.errors).toBe(35);
  });

  it('adds nothing for a failed run', () => {
    expect(appendTrend([point(1, 1)], null)).toEqual([point(1, 1)]);
  });
});

describe('sparkline and since figures', () => {
  it('scales from the lowest to the highest value, and marks missing values', () => {
    expect(sparkline([0, 1, 3, 7])).toBe('▁▂▄█');
    expect(sparkline([2, 2])).toBe('▄▄');
    expect(sparkline([0.05, null, 0.1])).toBe('▁·█');
  });

  it('says how each figure moved since the first kept run', () => {
    const history = [point(23, 3, 1), point(24, 5, 1), point(30, 7, 0)];
    expect(sinceFigures(history)).toContain('errors 3 → 7 since 2026-11-23');
    expect(sinceFigures(history)).toContain(
      'worst campaign bounce rate not flagged → not flagged since 2026-11-23',
    );
    expect(sinceFigures([point(1, 1)])).toEqual([]);
  });

  it('renders nothing until there are two runs to compare', () => {
    expect(renderTrendSummary([point(1, 1)])).toBe('');
    expect(renderTrendChart([point(1, 1)])).toBe('');
    expect(renderTrendSummary([point(1, 1), point(2, 4)])).toContain('| Errors | ▁█ | 1 → 4 |');
  });

  it('labels the chart with times when two runs share a day', () => {
    const chart = renderTrendChart([
      point(1, 1),
      { ...point(1, 2), at: '2026-11-01T18:30:00.000Z' },
    ]);
    expect(chart).toContain('x-axis ["11-01 06:00", "11-01 18:30"]');
    expect(chart).toContain('bar [1, 2]');
    expect(chart).toContain('y-axis "Findings" 0 --> 2');
  });
});

describe('the marker keeps the history', () => {
  const state: TrackingState = {
    workspaceId: 'ws_01',
    outageStartedAt: null,
    passingRuns: 1,
    findings: {},
    history: [point(1, 1), point(2, 0)],
  };

  it('round-trips it', () => {
    expect(readMarker(serializeMarker(state)).state).toEqual(state);
  });

  it('still reads a v1 marker written before trends existed', () => {
    const old =
      '<!-- instantly-health:state v1 {"workspaceId":"ws_01","outageStartedAt":null,"passingRuns":0,"findings":{}} -->';
    const reading = readMarker(old);
    expect(reading.warning).toBeUndefined();
    expect(reading.state).toMatchObject({ workspaceId: 'ws_01', findings: {} });
    expect(reading.state?.history).toBeUndefined();
  });

  it('drops an edited history instead of losing the findings', () => {
    const edited = serializeMarker(state).replace('"errors":1', '"errors":"many"');
    const reading = readMarker(edited);
    expect(reading.state?.workspaceId).toBe('ws_01');
    expect(reading.state?.history).toBeUndefined();
  });
});
