import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { finding } from '../../src/checks/finding.js';
import type { Report } from '../../src/model/report.js';
import { colorEnabled, displayWidth, renderText } from '../../src/report/text.js';
import { ALL_REPORTS, failedReport, hugeReport, unhealthyReport } from './fixtures.js';
import { hostileString } from './hostile.js';
import { expectValidReport } from './validate.js';

// Control characters other than the line feed, C1 controls (CSI \u009b), bidi controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
// The only escape sequences renderText may write: SGR colour and weight codes.
// eslint-disable-next-line no-control-regex
const OUR_SGR = /\u001b\[(?:1|2|22|31|32|33|35|39)m/g;

describe('renderText', () => {
  it.each(Object.entries(ALL_REPORTS))(
    'renders the %s report without colour (snapshot)',
    (_n, report) => {
      const text = renderText(report, { color: false });
      expect(text).toMatchSnapshot();
      expect(text).not.toMatch(CONTROL);
    },
  );

  it('colours with ANSI SGR codes only when asked (snapshot)', () => {
    const text = renderText(unhealthyReport, { color: true });
    expect(text).toMatchSnapshot();
    expect(text).toContain('\u001b[31m✖ UNHEALTHY\u001b[39m');
    expect(text.replace(OUR_SGR, '')).not.toMatch(CONTROL);
    expect(text.replace(OUR_SGR, '')).toBe(renderText(unhealthyReport, { color: false }));
  });

  it('starts with the status line, then the to-do list: what to do first, then the rest', () => {
    const lines = renderText(unhealthyReport, { color: false }).split('\n');
    expect(lines[0]).toBe(
      '✖ UNHEALTHY  4 errors, 2 warnings · Acme | <b>Outbound</b> @acme/sales · 4.1 s',
    );
    const first = lines.indexOf('What to do first');
    const then = lines.indexOf('Then');
    expect(first).toBeGreaterThan(0);
    expect(then).toBeGreaterThan(first);
    // Five entries under "What to do first", numbered; errors before warnings.
    const numbered = lines.filter((l) => /^ {2}\d\. /.test(l));
    expect(numbered.map((l) => l.slice(2, 4))).toEqual(['1.', '2.', '3.', '4.', '5.', '6.']);
    expect(lines.indexOf(numbered[5] ?? '')).toBeGreaterThan(then);
    expect(lines.findIndex((l) => l.includes('No leads left'))).toBeGreaterThan(
      lines.findIndex((l) => l.includes('Campaign is paused by Instantly')),
    );
  });

  it('shows full ids and Instantly links, wrapped whole on a narrow terminal, never cut', () => {
    const id = '019903ea-2c5f-7ae5-8873-6139cadbc71c';
    const report: Report = {
      ...unhealthyReport,
      findings: [
        finding({
          check: 'campaign.status',
          suite: 'campaigns',
          severity: 'error',
          resource: { type: 'campaign', id, name: 'A campaign with a rather long name indeed' },
          message: 'Paused.',
          remediation: 'Resume it.',
        }),
      ],
    };
    for (const width of [40, 100, 200]) {
      const text = renderText(report, { color: false, width });
      // The id whole on one line, and never cut with an ellipsis.
      expect(text.split('\n').some((l) => l.trim() === id || l.endsWith(` ${id}`))).toBe(true);
      expect(text).not.toContain(id.slice(0, 20) + '…');
      expect(text).toContain(`https://app.instantly.ai/app/campaign/${id}/analytics`);
    }
  });

  it('groups findings on one resource: one entry, each problem, one fix per shared cause', () => {
    const on = { type: 'campaign' as const, id: 'c1', name: 'Agency owners UK' };
    const report: Report = {
      ...unhealthyReport,
      findings: [
        finding({
          check: 'campaign.status',
          suite: 'campaigns',
          severity: 'error',
          resource: on,
          message: 'Campaign is in Bounce Protect.',
          remediation: 'Verify the list, then resume.',
          evidence: { status: -2 },
        }),
        finding({
          check: 'campaign.bounce-rate',
          suite: 'campaigns',
          severity: 'error',
          resource: on,
          message: 'Bounce rate is 5.8 %.',
          remediation: 'Pause the campaign and clean the list.',
        }),
      ],
    };
    const text = renderText(report, { color: false, width: 200 });
    expect(text.match(/Agency owners UK/g)).toHaveLength(1);
    expect(text).toContain('Campaign is in Bounce Protect.');
    expect(text).toContain('Bounce rate is 5.8 %.');
    expect(text.match(/→ /g)).toHaveLength(1);
    expect(text).toContain('→ Verify the list, then resume.');
    expect(text).toContain('↗ https://app.instantly.ai/app/campaign/c1/analytics');
  });

  it('says how the senders are doing right under the status line', () => {
    const lines = renderText(unhealthyReport, { color: false, width: 200 }).split('\n');
    expect(lines[2]).toBe(
      'Sending health: 11 senders — 9 green, 1 watch (@team|<b>x</b>#12@acme.io: DMARC), 1 burning (ops@acme.io: connection, DMARC)',
    );
  });

  it('aligns the message column across findings', () => {
    const text = renderText(unhealthyReport, { color: false, width: 120 });
    const lines = text.split('\n');
    const columns = unhealthyReport.findings.map((f) => {
      const start = f.message.slice(0, 12);
      const line = lines.find((l) => l.includes(start)) ?? '';
      return displayWidth(line.slice(0, line.indexOf(start)));
    });
    expect(new Set(columns).size).toBe(1);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(120);
  });

  it('aligns by terminal cells with wide and combining characters in names', () => {
    const names = ['東京チーム', '🚀 launch', 'e\u0301te\u0301', 'plain'];
    const report: Report = {
      ...unhealthyReport,
      findings: names.map((name, i) =>
        finding({
          check: 'campaign.status',
          suite: 'campaigns',
          severity: 'error',
          resource: { type: 'campaign', id: `c${i}`, name },
          message: `Message ${i} here.`,
          remediation: 'Fix it.',
        }),
      ),
    };
    const lines = renderText(report, { color: false }).split('\n');
    const columns = names.map((_, i) => {
      const line = lines.find((l) => l.includes(`Message ${i} here.`)) ?? '';
      return displayWidth(line.slice(0, line.indexOf(`Message ${i}`)));
    });
    expect(new Set(columns).size).toBe(1);
    expect(displayWidth('東京')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
  });

  it('wraps to a narrow terminal', () => {
    const text = renderText(unhealthyReport, { color: false, width: 50 });
    // Only a URL to copy may run past the width, on a line of its own.
    for (const line of text.split('\n').filter((l) => !/^ +↗ https:\/\/\S+$/.test(l)))
      expect(displayWidth(line)).toBeLessThanOrEqual(50);
    expect(text).toContain('Campaign is paused by Instantly');
  });

  it('explains a failed run with its cause and fix', () => {
    const text = renderText(failedReport, { color: false });
    expect(text.split('\n')[0]).toBe('✖ FAILED  could not check the workspace · 0.3 s');
    expect(text).toMatch(/cause {3}auth/);
    expect(text).toMatch(/fix {5}Create a key/);
  });

  it('renders 10,000 findings, every one of them (snapshot of the ends)', () => {
    const text = renderText(hugeReport(), { color: false });
    expect(text).not.toMatch(CONTROL);
    expect(text.match(/^ +\d+\. campaign\b/gm)).toHaveLength(10_000);
    const lines = text.split('\n');
    expect([...lines.slice(0, 12), '…', ...lines.slice(-12)].join('\n')).toMatchSnapshot();
  });

  it('never lets API text write an escape sequence or control character (property)', () => {
    fc.assert(
      fc.property(
        hostileString,
        hostileString,
        hostileString,
        fc.boolean(),
        (name, message, workspace, color) => {
          const report: Report = {
            ...unhealthyReport,
            workspace: { id: 'w', name: workspace },
            suites: [
              {
                name: 'campaigns',
                status: 'unhealthy',
                checked: 1,
                durationMs: 1,
                details: [name],
              },
            ],
            senders: {
              total: 3,
              green: 1,
              watch: [{ email: name, reasons: [message] }],
              burning: [{ email: workspace, reasons: [name] }],
            },
            findings: [
              finding({
                check: 'campaign.status',
                suite: 'campaigns',
                severity: 'error',
                resource: { type: 'campaign', id: message, name },
                message,
                remediation: name,
              }),
            ],
          };
          expectValidReport(report);
          const text = renderText(report, { color, width: 80 });
          expect(text.replace(OUR_SGR, '')).not.toMatch(CONTROL);
          if (!color) expect(text).not.toContain('\u001b');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('colorEnabled', () => {
  it('colours a terminal unless NO_COLOR is set or the terminal is dumb', () => {
    expect(colorEnabled({ isTTY: true }, {})).toBe(true);
    expect(colorEnabled({ isTTY: false }, {})).toBe(false);
    expect(colorEnabled({}, {})).toBe(false);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(colorEnabled({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });
});
