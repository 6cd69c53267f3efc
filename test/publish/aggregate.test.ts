import { describe, expect, it } from '@jest/globals';
import { aggregateOutputs, combinedReport, worstStatus } from '../../src/publish/aggregate.js';
import { renderAgencySummary, type AgencySummaryRow } from '../../src/publish/overview.js';
import {
  degradedReport,
  failedReport,
  healthyReport,
  hugeReport,
  unhealthyReport,
} from '../report/fixtures.js';
import { linkableTokens, linkableText, renderGfm, tableShapes, tagsOf } from '../report/gfm.js';
import { countFindings } from '../../src/report/format.js';

const row = (
  id: string,
  report: AgencySummaryRow['report'],
  extra: Partial<AgencySummaryRow> = {},
): AgencySummaryRow => ({ id, name: `Client ${id}`, report, regressed: false, ...extra });

describe('aggregate outputs', () => {
  it('takes the worst status, sums errors and warnings, and any regression', () => {
    const rows = [
      row('a', healthyReport),
      row('b', unhealthyReport, { regressed: true, issueNumber: 7, issueUrl: 'https://x/7' }),
      row('c', degradedReport, { issueNumber: 9, issueUrl: 'https://x/9' }),
    ];
    const u = countFindings(unhealthyReport.findings);
    const d = countFindings(degradedReport.findings);
    expect(aggregateOutputs(rows, '/tmp/r.json')).toEqual({
      status: 'unhealthy',
      errors: String(u.errors + d.errors),
      warnings: String(u.warnings + d.warnings),
      regressed: 'true',
      'issue-number': '7',
      'issue-url': 'https://x/7',
      'report-path': '/tmp/r.json',
    });
  });

  it('ranks failed above unhealthy, and healthy only when every workspace is', () => {
    expect(worstStatus(['healthy', 'unhealthy', 'failed', 'degraded'])).toBe('failed');
    expect(worstStatus(['healthy', 'healthy'])).toBe('healthy');
    const outputs = aggregateOutputs([row('a', healthyReport), row('b', healthyReport)], 'p');
    expect(outputs).toMatchObject({ status: 'healthy', regressed: 'false', 'issue-url': '' });
  });

  it('writes every workspace’s full report into the combined file', () => {
    const combined = combinedReport([row('a', healthyReport), row('b', failedReport)]);
    expect(combined.status).toBe('failed');
    expect(combined.workspaces.map((w) => [w.id, w.status, w.report])).toEqual([
      ['a', 'healthy', healthyReport],
      ['b', 'failed', failedReport],
    ]);
  });
});

describe('the agency summary', () => {
  it('escapes hostile workspace names in the table and inside the raw <summary>', () => {
    const hostile = '@team <img src=x onerror=alert(1)> #12 | pipe';
    const md = renderAgencySummary([
      row('a', healthyReport, { name: hostile }),
      row('b', unhealthyReport, { name: hostile }),
    ]);
    const html = renderGfm(md);
    expect(tagsOf(html).filter((t) => t.name === 'img')).toEqual([]);
    expect(linkableTokens(linkableText(html))).toEqual([]);
    expect(tableShapes(html)[0]).toEqual({ header: 5, rows: [5, 5] });
  });

  it('stays under the step-summary limit with many large workspaces, keeping every overview row', () => {
    const rows = Array.from({ length: 12 }, (_, i) => row(String(i), hugeReport(3_000)));
    const md = renderAgencySummary(rows);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(1_000_000);
    expect(tableShapes(renderGfm(md))[0]?.rows).toHaveLength(12);
    // Each workspace still has its own section.
    expect(md.match(/^## /gm)?.length).toBe(13);
  });
});
