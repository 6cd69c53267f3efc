/** Hand-built reports for the renderer tests, with the hostile names real workspaces can hold. */
import { anyFinding as finding } from '../fakes/finding.js';
import {
  type Finding,
  type Report,
  type SilencedFinding,
  type Status,
  type SuiteName,
  type SuiteResult,
} from '../../src/model/report.js';

const base = {
  schemaVersion: 1 as const,
  tool: { name: 'instantly-health', version: '1.0.0' },
  startedAt: '2026-11-30T06:00:00.000Z',
  finishedAt: '2026-11-30T06:00:04.120Z',
  workspace: { id: 'ws_01', name: 'Acme Outbound' },
  silenced: [] as SilencedFinding[],
  stats: {
    requests: 37,
    retries: 2,
    rateLimited: 1,
    waitMs: 1200,
    byEndpoint: { 'GET /campaigns': 1, 'GET /accounts': 2 },
  },
};

const SUITE_FACTS = {
  auth: { checked: 1, durationMs: 210, details: ['API key valid, plan active'] },
  campaigns: { checked: 12, durationMs: 1800, details: ['12 campaigns', '48 senders'] },
  accounts: { checked: 48, durationMs: 2300, details: ['48 mailboxes, 9 domains'] },
  webhooks: { checked: 3, durationMs: 400, details: ['3 webhooks'] },
} as const;

/** The four suites on by default, with the given status for those not listed as healthy. */
function suites(statuses: Partial<Record<SuiteName, Status>> = {}): SuiteResult[] {
  return (Object.keys(SUITE_FACTS) as (keyof typeof SUITE_FACTS)[]).map((name) => ({
    name,
    status: statuses[name] ?? 'healthy',
    ...SUITE_FACTS[name],
    details: [...SUITE_FACTS[name].details],
  }));
}

export const healthyReport: Report = {
  ...base,
  status: 'healthy',
  suites: suites(),
  findings: [],
};

const hostileCampaign = (id: string, name: string) => ({ type: 'campaign' as const, id, name });

export const degradedFindings: Finding[] = [
  finding({
    check: 'account.warmup-score',
    suite: 'accounts',
    severity: 'warning',
    resource: { type: 'account', id: 'bob@acme.io', name: '@acme/sales' },
    message: 'Warmup score is 74 (warning below 80).',
    remediation: 'Keep warmup on and lower the daily limit until the score recovers.',
  }),
  finding({
    check: 'webhook.failure-rate',
    suite: 'webhooks',
    severity: 'unknown',
    resource: { type: 'webhook', id: 'wh_1', name: 'https://hooks.example.com/#12' },
    message: 'Could not read webhook events: 503 <html><b>Service Unavailable</b></html>',
    remediation: 'Run again later; if it persists, check status.instantly.ai.',
  }),
];

export const degradedReport: Report = {
  ...base,
  status: 'degraded',
  suites: suites({ accounts: 'degraded', webhooks: 'degraded' }),
  findings: degradedFindings,
};

export const unhealthyFindings: Finding[] = [
  finding({
    check: 'campaign.status',
    suite: 'campaigns',
    severity: 'error',
    resource: hostileCampaign('0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', 'Q4 | founders'),
    message:
      'Campaign is in Bounce Protect (status -2): Instantly paused it for a high bounce rate.',
    remediation: 'Clean the lead list and verify emails before import; then resume the campaign.',
    evidence: { status: -2 },
  }),
  finding({
    check: 'campaign.status',
    suite: 'campaigns',
    severity: 'error',
    resource: hostileCampaign('c2', '<img src=x onerror=alert(1)>'),
    message: 'Campaign is paused by Instantly (status -1): accounts unhealthy.',
    remediation: 'Fix the sending accounts, then resume.',
  }),
  finding({
    check: 'campaign.remaining-leads',
    suite: 'campaigns',
    severity: 'warning',
    resource: hostileCampaign('c3', '[click](javascript:alert(1))'),
    message: 'No leads left to contact.',
    remediation: 'Add leads or complete the campaign.',
  }),
  finding({
    check: 'account.smtp-error',
    suite: 'accounts',
    severity: 'error',
    resource: { type: 'account', id: 'ops@acme.io', name: 'Ops\nInbox | #12 GH-7' },
    message:
      'SMTP error: 535 5.7.8 Username and Password not accepted. See https://support.google.com/mail/?p=BadCredentials @admin',
    remediation: 'Reconnect the mailbox in Instantly (Accounts → Reconnect).',
  }),
  finding({
    check: 'account.dns',
    suite: 'accounts',
    severity: 'warning',
    resource: { type: 'domain', id: 'acme.io', name: 'x'.repeat(400) },
    message: 'DMARC record missing.',
    remediation: 'Publish a DMARC record (p=none to start) at _dmarc.acme.io.',
  }),
  finding({
    check: 'webhook.disabled',
    suite: 'webhooks',
    severity: 'error',
    resource: { type: 'webhook', id: 'wh_2', name: '\u001b[31mred\u001b[0m \u202eevil' },
    message: 'Webhook disabled after repeated failures: <script>alert(1)</script>',
    remediation: 'Fix the endpoint, then re-enable the webhook.',
  }),
];

export const unhealthyReport: Report = {
  ...base,
  status: 'unhealthy',
  workspace: { id: 'ws_01', name: 'Acme | <b>Outbound</b> @acme/sales' },
  suites: suites({ campaigns: 'unhealthy', accounts: 'unhealthy', webhooks: 'unhealthy' }),
  findings: unhealthyFindings,
  senders: {
    total: 11,
    green: 9,
    watch: [{ email: '@team|<b>x</b>#12@acme.io', reasons: ['DMARC'] }],
    burning: [{ email: 'ops@acme.io', reasons: ['connection', 'DMARC'] }],
  },
  silenced: [
    {
      ...finding({
        check: 'account.warmup-score',
        suite: 'accounts',
        severity: 'warning',
        resource: { type: 'account', id: 'old@acme.io', name: 'old@acme.io' },
        message: 'Warmup score is 70.',
        remediation: 'Keep warmup on.',
      }),
      silencedUntil: '2027-01-31',
      reason: 'retiring @ops #3',
    },
  ],
};

export const failedReport: Report = {
  ...base,
  status: 'failed',
  finishedAt: '2026-11-30T06:00:00.300Z',
  workspace: null,
  suites: [],
  findings: [],
  stats: {
    requests: 1,
    retries: 0,
    rateLimited: 0,
    waitMs: 0,
    byEndpoint: { 'GET /workspaces/current': 1 },
  },
  failure: {
    cause: 'auth',
    message: 'The API key was rejected (401): "Invalid API key <b>@team</b>".',
    remediation:
      'Create a key with the all:read scope in Instantly (Settings → Integrations → API keys) and store it as the INSTANTLY_API_KEY secret.',
  },
};

const NAMES = [
  'Q4 | founders',
  '<img src=x onerror=alert(1)>',
  '@acme/sales',
  '#12',
  '[click](javascript:alert(1))',
  'line\nbreak',
  'x'.repeat(300),
];
const SEVERITIES = ['error', 'warning', 'unknown'] as const;
const SUITES = ['campaigns', 'accounts', 'webhooks'] as const;

/** 10,000 findings, every third one with a hostile or very long name. */
export function hugeReport(count = 10_000): Report {
  const findings = Array.from({ length: count }, (_, i) =>
    finding({
      check: `campaign.check-${i % 7}`,
      suite: SUITES[i % 3] ?? 'campaigns',
      severity: SEVERITIES[i % 3] ?? 'error',
      resource: hostileCampaign(`c${i}`, `${NAMES[i % NAMES.length] ?? ''} ${i}`),
      message: `Problem number ${i}: something is wrong with this campaign and its senders, see the evidence.`,
      remediation: 'Do the documented fix, then run the check again to confirm it recovered.',
    }),
  );
  return {
    ...base,
    status: 'unhealthy',
    suites: suites({ campaigns: 'unhealthy', accounts: 'unhealthy', webhooks: 'unhealthy' }),
    findings,
  };
}

export const ALL_REPORTS: Record<string, Report> = {
  healthy: healthyReport,
  degraded: degradedReport,
  unhealthy: unhealthyReport,
  failed: failedReport,
};
