import { describe, expect, it } from '@jest/globals';
import type { Finding, Report } from '../../src/model/report.js';
import { exitCodeFor, failsStep } from '../../src/report/verdict.js';

const f = (severity: Finding['severity']): Finding => ({
  check: 'campaign.status',
  suite: 'campaigns',
  severity,
  resource: { type: 'campaign', id: 'c1' },
  message: 'm',
  remediation: 'r',
  evidence: {},
  fingerprint: `campaign.status:campaign:c1:${severity}`,
});
const report = (status: Report['status'], findings: Finding[]) => ({ status, findings });

describe('fail-on', () => {
  it.each([
    ['error', [f('warning'), f('unknown')], false],
    ['error', [f('error')], true],
    ['warning', [f('unknown')], true],
    ['warning', [f('warning')], true],
    ['warning', [], false],
    ['never', [f('error')], false],
  ] as const)('fail-on %s with %j findings fails: %s', (failOn, findings, expected) => {
    expect(failsStep(report('unhealthy', [...findings]), failOn)).toBe(expected);
  });

  it('always fails a run that could not check, even with fail-on never', () => {
    expect(failsStep(report('failed', []), 'never')).toBe(true);
  });
});

describe('CLI exit codes', () => {
  it('is 0 below the bar, 1 at it, 3 when nothing could be checked', () => {
    expect(exitCodeFor(report('degraded', [f('warning')]), 'error')).toBe(0);
    expect(exitCodeFor(report('unhealthy', [f('error')]), 'error')).toBe(1);
    expect(exitCodeFor(report('failed', []), 'never')).toBe(3);
  });
});
