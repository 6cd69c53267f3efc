import { describe, expect, it } from '@jest/globals';
import {
  evaluateAccount,
  evaluateDomains,
  evaluateTrackingDomains,
  suspectTrackingDomains,
  type AccountEvaluationInput,
} from '../../src/checks/account-checks.js';
import { VitalsResponse } from '../../src/instantly/schemas/accounts.js';
import type { Finding } from '../../src/model/report.js';
import { account, accountsConfig } from './fixtures.js';

function run(
  overrides: Record<string, unknown>,
  input: Partial<AccountEvaluationInput> = {},
  config = accountsConfig(),
) {
  return evaluateAccount({ account: account(overrides), activeCampaigns: [], ...input }, config);
}

function only(findings: Finding[]): Finding {
  const [first, ...rest] = findings;
  expect(rest).toEqual([]);
  if (!first) throw new Error('expected one finding, got none');
  return first;
}

const smtp = {
  code: 'EENVELOPE',
  command: 'DATA',
  response: '550-5.4.5 Daily user sending limit exceeded',
  responseCode: 550,
};

describe('evaluateAccount', () => {
  it('finds nothing wrong with a healthy account', () => {
    expect(run({}, { warmup: { health_score: 97, sent: 20 } })).toEqual([]);
  });

  it.each([
    [-1, 'Connection Error'],
    [-2, 'Soft Bounce Error'],
    [-3, 'Sending Error'],
  ])('reports status %i as an error with the SMTP message as evidence', (status, label) => {
    const f = only(run({ status, status_message: smtp }));
    expect(f).toMatchObject({
      check: 'account.connection',
      suite: 'accounts',
      severity: 'error',
      resource: { type: 'account', id: 'ann@alpha.com' },
      fingerprint: 'account.connection:account:ann@alpha.com',
      evidence: { status, label, status_message: smtp },
    });
    expect(f.message).toContain('550-5.4.5 Daily user sending limit exceeded');
  });

  it('reports an account without a status as unknown, and an undocumented one as a warning', () => {
    const withoutStatus = account();
    delete withoutStatus.status;
    expect(
      only(evaluateAccount({ account: withoutStatus, activeCampaigns: [] }, accountsConfig()))
        .severity,
    ).toBe('unknown');
    expect(only(run({ status: 9 }))).toMatchObject({
      check: 'account.connection',
      severity: 'warning',
    });
  });

  it.each([1, 3])('accepts status %i', (status) => {
    expect(run({ status })).toEqual([]);
  });

  it('warns about a paused account only while an active campaign sends from it', () => {
    expect(run({ status: 2 })).toEqual([]);
    const f = only(run({ status: 2 }, { activeCampaigns: [{ id: 'c-1', name: 'Q4 founders' }] }));
    expect(f).toMatchObject({
      check: 'account.paused',
      severity: 'warning',
      fingerprint: 'account.paused:account:ann@alpha.com',
      evidence: { campaigns: [{ id: 'c-1', name: 'Q4 founders' }] },
    });
    expect(f.message).toContain('Q4 founders');
  });

  it('warns about a pending setup and reports a failed autofix as an error', () => {
    expect(only(run({ setup_pending: true }))).toMatchObject({
      check: 'account.setup-pending',
      severity: 'warning',
    });
    expect(only(run({ autofix_failed: true }))).toMatchObject({
      check: 'account.autofix-failed',
      severity: 'error',
      fingerprint: 'account.autofix-failed:account:ann@alpha.com',
    });
    expect(run({ autofix_failed: null })).toEqual([]);
  });

  it.each([
    [-1, 'error', 'Banned'],
    [-3, 'error', 'Permanent Suspension'],
    [-2, 'warning', 'Spam Folder Unknown'],
    [0, 'warning', 'Paused'],
    [5, 'warning', undefined],
  ])('maps warmup status %i to %s', (warmup_status, severity, label) => {
    const f = only(run({ warmup_status }));
    expect(f).toMatchObject({
      check: 'account.warmup-status',
      severity,
      fingerprint: 'account.warmup-status:account:ann@alpha.com',
    });
    if (label) expect(f.evidence).toMatchObject({ label });
  });

  it.each([
    [80, undefined],
    [79, 'warning'],
    [60, 'warning'],
    [59.5, 'error'],
  ])('judges a warmup score of %d against 80/60', (stat_warmup_score, severity) => {
    const findings = run({ stat_warmup_score });
    if (!severity) expect(findings).toEqual([]);
    else
      expect(only(findings)).toMatchObject({
        check: 'account.warmup-score',
        severity,
        evidence: { stat_warmup_score },
      });
  });

  it('has no warmup-score finding when the score is null (no data yet)', () => {
    expect(run({ stat_warmup_score: null })).toEqual([]);
  });

  it('uses the configured thresholds', () => {
    const config = accountsConfig({ warmup_score: { warning: 95, error: 90 } });
    expect(only(run({ stat_warmup_score: 92 }, {}, config)).severity).toBe('warning');
  });

  it('judges the warmup-analytics health score with the same thresholds', () => {
    const f = only(
      run(
        {},
        { warmup: { health_score: 55, health_score_label: '55%', sent: 40, landed_spam: 12 } },
      ),
    );
    expect(f).toMatchObject({
      check: 'account.warmup-health',
      severity: 'error',
      fingerprint: 'account.warmup-health:account:ann@alpha.com',
      evidence: { health_score: 55, landed_spam: 12, landed_inbox: 0, threshold: 60 },
    });
  });

  it('reports unknown when an account with active warmup is missing from the warmup data', () => {
    expect(only(run({}, { warmup: 'missing' }))).toMatchObject({
      check: 'account.warmup-health',
      severity: 'unknown',
    });
    // Warmup paused: the warmup-status warning says it, no second finding.
    expect(run({ warmup_status: 0 }, { warmup: 'missing' }).map((f) => f.check)).toEqual([
      'account.warmup-status',
    ]);
  });
});

describe('evaluateDomains', () => {
  const requested = new Map([
    ['alpha.com', ['ann@alpha.com', 'bo@alpha.com']],
    ['beta.com', ['cy@beta.com']],
  ]);

  it('finds nothing when every domain passes', () => {
    const vitals = VitalsResponse.parse({
      status: 'success',
      success_list: [
        { domain: 'alpha.com', allPass: true, mx: true, spf: true, dkim: true, dmarc: true },
        { domain: 'Beta.com', allPass: true, mx: true, spf: true, dkim: true, dmarc: true },
      ],
      failure_list: [],
    });
    expect(evaluateDomains(vitals, requested)).toEqual([]);
  });

  it('reports each failing record: SPF, DKIM and MX errors, DMARC a warning', () => {
    const vitals = VitalsResponse.parse({
      success_list: [
        { domain: 'beta.com', allPass: true, mx: true, spf: true, dkim: true, dmarc: true },
      ],
      failure_list: [
        { domain: 'alpha.com', allPass: false, mx: false, spf: false, dkim: false, dmarc: false },
      ],
    });
    const findings = evaluateDomains(vitals, requested);
    expect(findings.map((f) => [f.check, f.severity, f.fingerprint])).toEqual([
      ['domain.spf', 'error', 'domain.spf:domain:alpha.com'],
      ['domain.dkim', 'error', 'domain.dkim:domain:alpha.com'],
      ['domain.mx', 'error', 'domain.mx:domain:alpha.com'],
      ['domain.dmarc', 'warning', 'domain.dmarc:domain:alpha.com'],
    ]);
    expect(findings[0]?.evidence).toMatchObject({
      senders: ['ann@alpha.com', 'bo@alpha.com'],
      sender_count: 2,
    });
    expect(findings[3]?.remediation).toContain('_dmarc.alpha.com');
  });

  it('treats a domain in the failure list as failing even when it is also in the success list', () => {
    const vitals = VitalsResponse.parse({
      success_list: [
        { domain: 'alpha.com', allPass: true, mx: true, spf: true, dkim: true, dmarc: true },
        { domain: 'beta.com', allPass: true, mx: true, spf: true, dkim: true, dmarc: true },
      ],
      failure_list: [
        { domain: 'alpha.com', allPass: false, mx: true, spf: true, dkim: true, dmarc: false },
      ],
    });
    expect(evaluateDomains(vitals, requested).map((f) => f.fingerprint)).toEqual([
      'domain.dmarc:domain:alpha.com',
    ]);
  });

  it('reports a failing domain without a named record, and a domain with no result as unknown', () => {
    const vitals = VitalsResponse.parse({
      failure_list: [{ domain: 'alpha.com', allPass: false }],
    });
    expect(
      evaluateDomains(vitals, requested).map((f) => [f.check, f.severity, f.resource.id]),
    ).toEqual([
      ['domain.vitals', 'warning', 'alpha.com'],
      ['domain.vitals', 'unknown', 'beta.com'],
    ]);
  });
});

describe('tracking domains', () => {
  const accounts = [
    account({ tracking_domain_name: 'track.alpha.com', tracking_domain_status: 'CTD_ACTIVE' }),
    account({
      email: 'bo@alpha.com',
      tracking_domain_name: 'Track.alpha.com',
      tracking_domain_status: 'CTD_PENDING',
    }),
    account({
      email: 'cy@alpha.com',
      tracking_domain_name: 'track.alpha.com',
      tracking_domain_status: 'CTD_PENDING',
    }),
    account({
      email: 'di@beta.com',
      tracking_domain_name: 'go.beta.com',
      tracking_domain_status: 'CTD_ACTIVE',
    }),
    account({ email: 'ed@beta.com' }),
  ];

  it('takes CTD_ACTIVE (what the live API says) as healthy and suspects each other domain once', () => {
    const suspects = suspectTrackingDomains(accounts);
    expect([...suspects.keys()]).toEqual(['track.alpha.com']);
    expect(suspects.get('track.alpha.com')).toMatchObject({ statuses: ['CTD_PENDING'] });
    expect(suspects.get('track.alpha.com')?.accounts).toHaveLength(3);
  });

  it('warns only once the status endpoint confirms the problem, and says what it found', () => {
    const suspects = suspectTrackingDomains(accounts);
    const confirmed = evaluateTrackingDomains(
      suspects,
      new Map([
        [
          'track.alpha.com',
          { type: 'answer', status: { success: false, ssl: true, cname: false } } as const,
        ],
      ]),
    );
    const f = only(confirmed);
    expect(f).toMatchObject({
      check: 'domain.tracking',
      severity: 'warning',
      resource: { type: 'domain', id: 'track.alpha.com' },
      fingerprint: 'domain.tracking:domain:track.alpha.com',
      evidence: { status: ['CTD_PENDING'], account_count: 3 },
    });
    expect(f.message).toContain('the CNAME record does not point to Instantly');
    const rejected = evaluateTrackingDomains(
      suspects,
      new Map([['track.alpha.com', { type: 'rejected', message: 'Host not found' } as const]]),
    );
    expect(only(rejected).message).toContain('"Host not found"');
  });

  it('does not warn when the endpoint finds the domain healthy, and is unknown when it cannot ask', () => {
    const suspects = suspectTrackingDomains(accounts);
    const healthy = { success: true, ssl: true, cname: true, host: 'track.alpha.com' };
    expect(
      evaluateTrackingDomains(
        suspects,
        new Map([['track.alpha.com', { type: 'answer', status: healthy } as const]]),
      ),
    ).toEqual([]);
    const failed = evaluateTrackingDomains(
      suspects,
      new Map([['track.alpha.com', { type: 'failed', error: new Error('x') } as const]]),
    );
    expect(only(failed).severity).toBe('unknown');
  });
});
