import { describe, expect, it } from '@jest/globals';
import { finding } from '../../src/checks/finding.js';
import { applyPolicy } from '../../src/checks/policy.js';
import { suiteOfCheck } from '../../src/model/checks.js';
import { ConfigFile } from '../../src/config/schema.js';
import type { Finding, Severity } from '../../src/model/report.js';

const NOW = new Date('2027-01-15T12:00:00Z');

function paused(id: string, name: string, severity: Severity = 'warning'): Finding {
  return finding({
    check: 'campaign.paused',
    suite: 'campaigns',
    severity,
    resource: { type: 'campaign', id, name },
    message: 'Campaign is paused.',
    remediation: 'Resume it.',
  });
}

function warmup(email: string, severity: Severity = 'error'): Finding {
  return finding({
    check: 'account.warmup-score',
    suite: 'accounts',
    severity,
    resource: { type: 'account', id: email, name: email },
    message: 'Warmup score is low.',
    remediation: 'Keep warming.',
  });
}

function config(raw: unknown) {
  return ConfigFile.parse(raw);
}

describe('severity overrides', () => {
  it('changes the severity of every finding of that check, and only those', () => {
    const input = [paused('c1', 'Q4'), paused('c2', 'Q1'), warmup('a@x.io', 'warning')];
    const { findings, silenced } = applyPolicy(
      input,
      config({ severity: { 'campaign.paused': 'error' } }),
      NOW,
    );
    expect(findings.map((f) => [f.check, f.severity])).toEqual([
      ['campaign.paused', 'error'],
      ['campaign.paused', 'error'],
      ['account.warmup-score', 'warning'],
    ]);
    expect(silenced).toEqual([]);
  });

  it('keeps the fingerprint, so tracking sees the same problem', () => {
    const input = [warmup('a@x.io', 'error')];
    const { findings } = applyPolicy(
      input,
      config({ severity: { 'account.warmup-score': 'warning' } }),
      NOW,
    );
    expect(findings[0]?.severity).toBe('warning');
    expect(findings[0]?.fingerprint).toBe(input[0]?.fingerprint);
  });

  it('never turns an unknown finding (the check could not decide) into a verdict', () => {
    const { findings } = applyPolicy(
      [paused('c1', 'Q4', 'unknown')],
      config({ severity: { 'campaign.paused': 'error' } }),
      NOW,
    );
    expect(findings[0]?.severity).toBe('unknown');
  });

  it('does not change the findings it was given', () => {
    const input = [paused('c1', 'Q4')];
    applyPolicy(input, config({ severity: { 'campaign.paused': 'error' } }), NOW);
    expect(input[0]?.severity).toBe('warning');
  });
});

describe('ignore entries', () => {
  it('silences the findings of a check on the named resource until the date', () => {
    const input = [warmup('old@example.com'), warmup('new@example.com')];
    const { findings, silenced } = applyPolicy(
      input,
      config({
        ignore: [
          {
            check: 'account.warmup-score',
            resource: 'old@example.com',
            until: '2027-01-31',
            reason: 'retiring',
          },
        ],
      }),
      NOW,
    );
    expect(findings.map((f) => f.resource.id)).toEqual(['new@example.com']);
    expect(silenced).toEqual([{ ...input[0], silencedUntil: '2027-01-31', reason: 'retiring' }]);
  });

  it('matches the resource by name as well as id, ignoring case', () => {
    const { findings, silenced } = applyPolicy(
      [paused('0199-aaaa', 'Q4 Founders'), paused('0199-bbbb', 'Q1 Agencies')],
      config({
        ignore: [{ check: 'campaign.paused', resource: 'q4 founders', until: '2027-01-31' }],
      }),
      NOW,
    );
    expect(silenced.map((f) => f.resource.id)).toEqual(['0199-aaaa']);
    expect(findings.map((f) => f.resource.id)).toEqual(['0199-bbbb']);
  });

  it('silences every resource of the check when the entry names none', () => {
    const { findings, silenced } = applyPolicy(
      [paused('c1', 'A'), paused('c2', 'B'), warmup('a@x.io')],
      config({ ignore: [{ check: 'campaign.paused', until: '2027-01-31' }] }),
      NOW,
    );
    expect(silenced).toHaveLength(2);
    expect(findings.map((f) => f.check)).toEqual(['account.warmup-score']);
  });

  it('silences through the whole last day, in UTC', () => {
    const entry = { ignore: [{ check: 'campaign.paused', until: '2027-01-15' }] };
    const lastMinute = new Date('2027-01-15T23:59:59Z');
    const nextDay = new Date('2027-01-16T00:00:00Z');
    expect(applyPolicy([paused('c1', 'A')], config(entry), lastMinute).silenced).toHaveLength(1);
    expect(applyPolicy([paused('c1', 'A')], config(entry), nextDay).silenced).toHaveLength(0);
  });

  it('silences until the exact instant of a date-time with a zone', () => {
    const entry = { ignore: [{ check: 'campaign.paused', until: '2027-01-15T14:00:00+02:00' }] };
    expect(
      applyPolicy([paused('c1', 'A')], config(entry), new Date('2027-01-15T11:59:59Z')).silenced,
    ).toHaveLength(1);
    expect(
      applyPolicy([paused('c1', 'A')], config(entry), new Date('2027-01-15T12:00:00Z')).silenced,
    ).toHaveLength(0);
  });

  it('applies the severity override before silencing, so the silenced list shows the configured severity', () => {
    const { silenced } = applyPolicy(
      [paused('c1', 'A')],
      config({
        severity: { 'campaign.paused': 'error' },
        ignore: [{ check: 'campaign.paused', until: '2027-01-31' }],
      }),
      NOW,
    );
    expect(silenced[0]?.severity).toBe('error');
  });
});

describe('expired ignore entries', () => {
  const expiredConfig = config({
    ignore: [
      {
        check: 'account.warmup-score',
        resource: 'old@example.com',
        until: '2027-01-10',
        reason: 'retiring',
      },
    ],
  });

  it('stop silencing: the finding counts again', () => {
    const { findings, silenced } = applyPolicy([warmup('old@example.com')], expiredConfig, NOW);
    expect(silenced).toEqual([]);
    expect(findings.map((f) => f.check)).toEqual(['account.warmup-score', 'config.ignore-expired']);
  });

  it('add a warning that names the entry and says to remove or extend it', () => {
    const { findings } = applyPolicy([], expiredConfig, NOW);
    expect(findings).toEqual([
      {
        check: 'config.ignore-expired',
        suite: 'accounts',
        severity: 'warning',
        resource: {
          type: 'suite',
          id: 'accounts',
          name: 'ignore: account.warmup-score for old@example.com',
        },
        message:
          'The ignore entry for account.warmup-score for old@example.com expired after 2027-01-10; the findings it silenced count again.',
        remediation: expect.stringMatching(
          /remove the entry .*or move its `until` date/,
        ) as unknown,
        evidence: {
          check: 'account.warmup-score',
          resource: 'old@example.com',
          until: '2027-01-10',
          reason: 'retiring',
        },
        fingerprint: 'config.ignore-expired:suite:accounts:account.warmup-score@old@example.com',
      },
    ]);
  });

  it('keep a fingerprint that is stable across runs and distinct per entry', () => {
    const two = config({
      ignore: [
        { check: 'campaign.paused', resource: 'A', until: '2027-01-01' },
        { check: 'campaign.paused', resource: 'B', until: '2027-01-01' },
        { check: 'campaign.paused', resource: 'B', until: '2027-01-02' },
      ],
    });
    const first = applyPolicy([], two, NOW).findings.map((f) => f.fingerprint);
    const later = applyPolicy([], two, new Date('2027-06-01T00:00:00Z')).findings.map(
      (f) => f.fingerprint,
    );
    expect(first).toHaveLength(2);
    expect(new Set(first).size).toBe(2);
    expect(later).toEqual(first);
  });

  it('follow severity overrides like any other check', () => {
    const strict = config({
      ...expiredConfig,
      severity: { 'config.ignore-expired': 'error' },
    });
    expect(applyPolicy([], strict, NOW).findings[0]?.severity).toBe('error');
  });
});

describe('suiteOfCheck', () => {
  it.each([
    ['campaign.status', 'campaigns'],
    ['account.connection', 'accounts'],
    ['domain.spf', 'accounts'],
    ['webhook.status', 'webhooks'],
    ['workspace.removal', 'auth'],
    ['suite.timeout', 'auth'],
  ] as const)('%s belongs to %s', (check, suite) => {
    expect(suiteOfCheck(check)).toBe(suite);
  });
});
