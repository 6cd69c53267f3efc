import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { finding } from '../../src/checks/finding.js';
import type { Report } from '../../src/model/report.js';
import { renderProblemsTable, renderSummary } from '../../src/report/summary.js';
import {
  ALL_REPORTS,
  failedReport,
  healthyReport,
  hugeReport,
  unhealthyReport,
} from './fixtures.js';
import { hostileString } from './hostile.js';
import { expectValidReport } from './validate.js';
import { linkableText, linkableTokens, renderGfm, tableShapes, tagsOf, textOf } from './gfm.js';

// Everything the summary itself may produce; anything else came from API text.
const OUR_TAGS = new Set([
  'h2',
  'h3',
  'p',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'code',
  'details',
  'summary',
  'b',
  'ul',
  'li',
  'em',
  'a',
  'strong',
  'ol',
  'br',
]);

// The only links we build from API data: Instantly app pages, from an id we checked.
const INSTANTLY_PAGE =
  /^https:\/\/app\.instantly\.ai\/app\/(?:campaign\/[A-Za-z0-9-]+\/(?:analytics|sequences|leads)|accounts|settings\/integrations)$/;

/** The structural guarantees of issue 5, checked on GitHub's renderer output. */
function assertStructure(markdown: string, expectedLinks: string[] = []): string {
  const html = renderGfm(markdown);
  for (const tag of tagsOf(html)) {
    expect(OUR_TAGS).toContain(tag.name);
    expect(tag.attributes).toEqual(tag.name === 'a' ? ['href'] : []);
  }
  const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1] ?? '');
  expect(hrefs.filter((href) => !INSTANTLY_PAGE.test(href))).toEqual(expectedLinks);
  for (const shape of tableShapes(html)) {
    for (const cells of shape.rows) expect(cells).toBe(shape.header);
  }
  expect(linkableTokens(linkableText(html))).toEqual([]);
  return html;
}

describe('renderSummary', () => {
  it.each(Object.entries(ALL_REPORTS))('renders the %s report (snapshot)', (_name, report) => {
    const markdown = renderSummary(report, { issueUrl: 'https://github.com/acme/ops/issues/3' });
    expect(markdown).toMatchSnapshot();
    assertStructure(markdown, ['https://github.com/acme/ops/issues/3']);
  });

  it('starts with the status line: emoji, status, counts, workspace, duration', () => {
    const first = renderSummary(unhealthyReport).split('\n')[0];
    expect(first).toMatch(/^## 🔴 Unhealthy: 4 errors, 2 warnings · .*Acme.* · 4\.1 s$/);
    expect(renderSummary(healthyReport).split('\n')[0]).toBe(
      '## ✅ Healthy: no problems · Acme Outbound · 4.1 s',
    );
  });

  it('opens with what to do first, then how the senders are doing', () => {
    const markdown = renderSummary(unhealthyReport);
    const paragraphs = markdown.split('\n\n');
    expect(paragraphs[1]).toBe('### What to do first');
    // At most five, ranked: errors first; the sixth resource is only in the table.
    const items = (paragraphs[2] ?? '').split('\n');
    expect(items).toHaveLength(5);
    expect(items.map((i) => i.slice(0, 5))).toEqual(['1. 🔴', '2. 🔴', '3. 🔴', '4. 🔴', '5. 🟡']);
    expect(paragraphs[3]).toBe('_1 more resource with problems in the table below._');
    // Escaped as API text: no mention, reference, HTML or table break survives; emails in code.
    const joiner = '\u2060';
    expect(paragraphs[4]).toBe(
      `Sending health: 11 senders — 9 green, 1 watch (@${joiner}team\\|\\<b\\>x\\</b\\>\\#${joiner}\`12@acme.io\`: DMARC), 1 burning (\`ops@acme.io\`: connection, DMARC)`,
    );
    expect(renderSummary(healthyReport)).not.toContain('Sending health');
    expect(renderSummary(healthyReport)).not.toContain('What to do first');
  });

  it('lists every finding once, errors first, then by suite', () => {
    const html = assertStructure(renderSummary(unhealthyReport));
    const problems = tableShapes(html)[0];
    expect(problems).toEqual({ header: 4, rows: Array(6).fill(4) });
    const severities = [...html.matchAll(/<td>[🔴🟡⚪] (\w+)<\/td>/gu)].map((m) => m[1]);
    expect(severities.slice(0, 6)).toEqual([
      'error',
      'error',
      'error',
      'error',
      'warning',
      'warning',
    ]);
    // Within the errors: campaigns before accounts before webhooks.
    expect(html.indexOf('campaign.status')).toBeLessThan(html.indexOf('account.smtp-error'));
    expect(html.indexOf('account.smtp-error')).toBeLessThan(html.indexOf('webhook.disabled'));
  });

  it('folds silenced findings away and keeps them out of the counts', () => {
    const markdown = renderSummary(unhealthyReport);
    expect(markdown).toContain('<details><summary>🔕 1 silenced finding (not counted)</summary>');
    expect(markdown.split('\n')[0]).toContain('2 warnings');
  });

  it('explains a failed run: what happened and the fix, with no workspace', () => {
    const markdown = renderSummary(failedReport);
    expect(markdown.split('\n')[0]).toBe('## ⛔ Failed: could not check the workspace · 0.3 s');
    expect(markdown).toContain('**What happened:** The API key was rejected');
    expect(markdown).toContain('**Fix:** Create a key with the all:read scope');
    assertStructure(markdown);
  });

  it('explains a failed run even without failure details', () => {
    const markdown = renderSummary({ ...failedReport, failure: undefined });
    expect(markdown).toContain('**What happened:**');
    expect(markdown).toContain('**Fix:**');
  });

  it('says why the tracking issue was not updated, in the head before the problems table', () => {
    const markdown = renderSummary(unhealthyReport, {
      trackingError: 'Add `permissions: issues: write` to the workflow or job. <b>@team</b> #12',
    });
    const paragraphs = markdown.split('\n\n');
    const at = paragraphs.findIndex((p) => p.startsWith('**Tracking issue not updated:** Add '));
    const table = paragraphs.findIndex((p) => p.startsWith('| Severity |'));
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(table);
    const html = assertStructure(markdown);
    expect(textOf(html)).toContain('Add `permissions: issues: write` to the workflow or job.');
    expect(renderSummary(unhealthyReport)).not.toContain('Tracking issue not updated');
  });

  it('shows request statistics and links only to http(s) URLs', () => {
    const markdown = renderSummary(unhealthyReport, {
      issueUrl: 'javascript:alert(1)',
      runUrl: 'https://github.com/acme/ops/actions/runs/1',
    });
    expect(markdown).toContain('37 requests · 2 retries · 1 rate-limited (429) · waited 1.2 s');
    assertStructure(markdown, ['https://github.com/acme/ops/actions/runs/1']);
  });

  describe('with 10,000 findings', () => {
    const report = hugeReport();

    it('stays under 1 MiB and says how many rows were cut (snapshot of the ends)', () => {
      const markdown = renderSummary(report);
      expect(Buffer.byteLength(markdown)).toBeLessThan(1_000_000);
      expect(markdown).toContain(
        "_9,000 more resources not shown (2,334 errors, 3,333 warnings, 3,333 unknown) here, to keep this summary readable and under GitHub's size limit; the JSON report lists them all._",
      );
      const lines = markdown.split('\n');
      expect([...lines.slice(0, 6), '…', ...lines.slice(-40)].join('\n')).toMatchSnapshot();
      const html = assertStructure(markdown);
      expect(tableShapes(html)[0]?.rows).toHaveLength(1000);
    });

    it('cuts by size when rows are not capped, under the byte limit', () => {
      const markdown = renderSummary(report, { maxRows: Number.POSITIVE_INFINITY });
      const size = Buffer.byteLength(markdown);
      expect(size).toBeLessThanOrEqual(1_000_000);
      expect(size).toBeGreaterThan(900_000);
      const shown = tableShapes(renderGfm(markdown))[0]?.rows.length ?? 0;
      expect(markdown).toContain(
        `_${(10_000 - shown).toLocaleString('en-US')} more resources not shown`,
      );
    });

    it('honours a small maxBytes', () => {
      for (const maxBytes of [2_000, 20_000, 100_000]) {
        const markdown = renderSummary(report, { maxBytes });
        expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(maxBytes);
        expect(markdown).toMatch(/not shown|cut to fit/);
      }
    });
  });

  it('renders harmlessly whatever the API returns in every text field (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(hostileString, hostileString, hostileString, hostileString, hostileString),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        hostileString,
        (rows, workspaceName) => {
          const findings = rows.map(([name, id, message, remediation, detail], i) =>
            finding({
              check: 'campaign.status',
              suite: 'campaigns',
              severity: i % 2 === 0 ? 'error' : 'warning',
              resource: { type: 'campaign', id: id === '' ? 'x' : id, name },
              message: `${message} ${detail}`,
              remediation,
            }),
          );
          const report: Report = {
            ...unhealthyReport,
            workspace: { id: 'w', name: workspaceName },
            suites: [
              {
                name: 'campaigns',
                status: 'unhealthy',
                checked: 1,
                durationMs: 1,
                details: rows.map((r) => r[4]),
              },
            ],
            findings,
            senders: {
              total: rows.length + 2,
              green: 1,
              watch: rows.map((r) => ({ email: r[0], reasons: [r[2]] })),
              burning: [{ email: workspaceName, reasons: [] }],
            },
            silenced: findings.map((f, i) => ({
              ...f,
              silencedUntil: rows[i]?.[0] ?? '',
              reason: rows[i]?.[1],
            })),
          };
          expectValidReport(report);
          const html = assertStructure(renderSummary(report));
          // One row per resource: findings on one campaign id share it.
          const resources = new Set(findings.map((f) => f.resource.id));
          expect(tableShapes(html)[0]?.rows).toHaveLength(resources.size);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('renderSummary of a failed run', () => {
  it('renders any failure text harmlessly (property)', () => {
    fc.assert(
      fc.property(hostileString, hostileString, hostileString, (cause, message, remediation) => {
        const report: Report = { ...failedReport, failure: { cause, message, remediation } };
        expectValidReport(report);
        const html = assertStructure(renderSummary(report));
        expect(html).toContain('<strong>Fix:</strong>');
      }),
      { numRuns: 150 },
    );
  });
});

describe('renderProblemsTable', () => {
  it('fits a byte budget (an issue body) and counts what it left out', () => {
    const findings = hugeReport(2_000).findings;
    for (const maxBytes of [3_000, 60_000]) {
      const table = renderProblemsTable(findings, maxBytes);
      expect(Buffer.byteLength(table)).toBeLessThanOrEqual(maxBytes);
      const html = assertStructure(table);
      const shown = tableShapes(html)[0]?.rows.length ?? 0;
      expect(shown).toBeGreaterThan(0);
      expect(table).toContain(
        `_${(2_000 - shown).toLocaleString('en-US')} more resources not shown`,
      );
    }
  });
});
