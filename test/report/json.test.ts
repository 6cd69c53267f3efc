import { describe, expect, it } from '@jest/globals';
import { generateReportSchema } from '../../scripts/generate-report-schema.js';
import { renderJson } from '../../src/report/json.js';
import type { Report } from '../../src/model/report.js';
import { ALL_REPORTS, hugeReport, unhealthyReport } from './fixtures.js';

import {
  committedSchema as committed,
  expectValidReport as expectValid,
  validateReport as validate,
} from './validate.js';

describe('report JSON Schema', () => {
  it('is the committed file, regenerated from the zod schema (npx tsx scripts/generate-report-schema.ts)', async () => {
    expect(committed).toBe(await generateReportSchema());
  });

  it.each(Object.entries({ ...ALL_REPORTS, huge: hugeReport(200) }))(
    'validates the %s fixture and its JSON report',
    (_name, report) => {
      expectValid(report);
      expectValid(JSON.parse(renderJson(report)));
    },
  );

  it('rejects a report that breaks the contract', () => {
    expect(validate({ ...unhealthyReport, status: 'fine' })).toBe(false);
    expect(validate({ ...unhealthyReport, stats: undefined })).toBe(false);
    expect(validate({ ...unhealthyReport, extra: true })).toBe(false);
  });
});

describe('renderJson', () => {
  it('stores API strings as received, unescaped', () => {
    const parsed = JSON.parse(renderJson(unhealthyReport)) as Report;
    expect(parsed.findings.map((f) => f.resource.name)).toContain('<img src=x onerror=alert(1)>');
    expect(parsed.workspace?.name).toBe('Acme | <b>Outbound</b> @acme/sales');
  });

  it('fills defaults and drops fields outside the contract', () => {
    const sloppy = {
      ...unhealthyReport,
      internal: 'not for users',
      stats: { requests: 1, retries: 0, rateLimited: 0, byEndpoint: {} },
    } as unknown as Report;
    const parsed = JSON.parse(renderJson(sloppy)) as Record<string, unknown>;
    expect(parsed).not.toHaveProperty('internal');
    expect(parsed.stats).toEqual({
      requests: 1,
      retries: 0,
      rateLimited: 0,
      waitMs: 0,
      byEndpoint: {},
    });
    expectValid(parsed);
  });

  it('still writes a report that does not match the schema rather than losing it', () => {
    const broken = { ...unhealthyReport, status: 'fine' } as unknown as Report;
    expect(JSON.parse(renderJson(broken))).toMatchObject({ status: 'fine' });
  });
});
