import { describe, expect, it } from '@jest/globals';
import { OUTPUT_NAMES, actionOutputs } from '../../src/report/outputs.js';
import { degradedReport, failedReport, healthyReport, unhealthyReport } from './fixtures.js';

describe('actionOutputs', () => {
  it('gives exactly the outputs of contract section 1', () => {
    const outputs = actionOutputs(unhealthyReport, undefined, '/tmp/r.json');
    expect(Object.keys(outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
    expect(OUTPUT_NAMES).toEqual([
      'status',
      'errors',
      'warnings',
      'regressed',
      'issue-number',
      'issue-url',
      'report-path',
    ]);
  });

  it('reports status and counts, silenced findings excluded', () => {
    expect(
      actionOutputs(
        unhealthyReport,
        { regressed: true, issueNumber: 12, issueUrl: 'https://github.com/a/b/issues/12' },
        '/tmp/r.json',
      ),
    ).toEqual({
      status: 'unhealthy',
      errors: '4',
      warnings: '2',
      regressed: 'true',
      'issue-number': '12',
      'issue-url': 'https://github.com/a/b/issues/12',
      'report-path': '/tmp/r.json',
    });
  });

  it('counts unknown findings in neither errors nor warnings', () => {
    const outputs = actionOutputs(degradedReport, { regressed: false }, 'r.json');
    expect(outputs).toMatchObject({
      status: 'degraded',
      errors: '0',
      warnings: '1',
      regressed: 'false',
    });
  });

  it('leaves issue outputs empty and regressed false without tracking', () => {
    for (const report of [healthyReport, failedReport]) {
      expect(actionOutputs(report, undefined, 'r.json')).toMatchObject({
        status: report.status,
        regressed: 'false',
        'issue-number': '',
        'issue-url': '',
      });
    }
  });
});
