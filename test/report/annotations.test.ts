import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Report } from '../../src/model/report.js';
import { hostileString } from './hostile.js';
import { anyFinding as finding } from '../fakes/finding.js';
import { ANNOTATIONS_PER_LEVEL, planAnnotations } from '../../src/report/annotations.js';
import {
  degradedReport,
  failedReport,
  healthyReport,
  hugeReport,
  unhealthyReport,
} from './fixtures.js';

describe('planAnnotations', () => {
  it('gives one annotation per finding: title = check + resource, message = message + fix', () => {
    const annotations = planAnnotations(unhealthyReport);
    expect(annotations).toHaveLength(unhealthyReport.findings.length);
    expect(annotations[0]).toEqual({
      level: 'error',
      title: 'campaign.status: campaign <img src=x onerror=alert(1)>',
      message:
        'Campaign is paused by Instantly (status -1): accounts unhealthy. Fix: Fix the sending accounts, then resume.',
    });
    expect(annotations.map((a) => a.level)).toEqual([
      'error',
      'error',
      'error',
      'error',
      'warning',
      'warning',
    ]);
  });

  it('annotates unknown findings as warnings', () => {
    const levels = planAnnotations(degradedReport).map((a) => a.level);
    expect(levels).toEqual(['warning', 'warning']);
  });

  it('gives none for a healthy report and one error for a failed run', () => {
    expect(planAnnotations(healthyReport)).toEqual([]);
    expect(planAnnotations(failedReport)).toEqual([
      {
        level: 'error',
        title: 'instantly-health could not check the workspace',
        message: expect.stringContaining(
          'Fix: Create a key with the all:read scope',
        ) as unknown as string,
      },
    ]);
  });

  it("caps each level at GitHub's display limit, the last one counting the rest", () => {
    const annotations = planAnnotations(hugeReport());
    const errors = annotations.filter((a) => a.level === 'error');
    const warnings = annotations.filter((a) => a.level === 'warning');
    expect(ANNOTATIONS_PER_LEVEL).toBe(10);
    expect(errors).toHaveLength(10);
    expect(warnings).toHaveLength(10);
    // hugeReport: 3,334 errors, 3,333 warnings and 3,333 unknown (annotated as warnings).
    expect(errors[9]?.title).toBe('3,325 more errors not annotated');
    expect(warnings[9]?.title).toBe('6,657 more warnings not annotated');
    expect(warnings[9]?.message).toContain('list all 6,666');
  });

  it('keeps exactly the limit without a counting annotation', () => {
    const findings = Array.from({ length: 10 }, (_, i) =>
      finding({
        check: 'campaign.status',
        suite: 'campaigns',
        severity: 'error',
        resource: { type: 'campaign', id: `c${i}` },
        message: 'm',
        remediation: 'r',
      }),
    );
    const annotations = planAnnotations({ ...unhealthyReport, findings });
    expect(annotations).toHaveLength(10);
    expect(annotations.every((a) => a.title.startsWith('campaign.status'))).toBe(true);
  });

  it('strips control characters from titles and messages', () => {
    const text = JSON.stringify(planAnnotations(unhealthyReport));
    expect(text).not.toMatch(/\\u001b|\\n|\\r|\u202e/);
  });
});

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('planAnnotations with hostile text', () => {
  it('never carries control or bidi characters into titles or messages (property)', () => {
    fc.assert(
      fc.property(hostileString, hostileString, hostileString, (name, message, fix) => {
        const report: Report = {
          ...unhealthyReport,
          findings: [
            finding({
              check: 'account.smtp-error',
              suite: 'accounts',
              severity: 'error',
              resource: { type: 'account', id: message, name },
              message,
              remediation: fix,
            }),
          ],
        };
        for (const a of planAnnotations(report)) {
          expect(`${a.title}${a.message}`).not.toMatch(CONTROL);
        }
      }),
      { numRuns: 200 },
    );
  });
});
