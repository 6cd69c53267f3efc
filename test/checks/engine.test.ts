import { describe, expect, it } from '@jest/globals';
import { runChecks, type EngineOptions } from '../../src/checks/engine.js';
import type { SharedResources, Suite } from '../../src/checks/types.js';
import { finding } from '../../src/checks/finding.js';
import { Report } from '../../src/model/report.js';
import { NOW, PLAN, settings, WORKSPACE } from './run-fixtures.js';
import { apiError, fail, stubApi } from './fake-api.js';

const healthyAuth = {
  'GET /workspaces/current': WORKSPACE,
  'GET /workspace-billing/plan-details': PLAN,
};

const resources: SharedResources = {
  campaigns: () => Promise.resolve([]),
  accounts: () => Promise.resolve([]),
  checkedCampaigns: () => Promise.resolve([]),
  campaignAnalytics: () => Promise.resolve([]),
  campaignLifetime: () => Promise.resolve([]),
  campaignLifetimeByIds: () => Promise.resolve([]),
};

const suiteWith = (name: Suite['name'], run: Suite['run']): Suite => ({ name, run });
const oneError = suiteWith('campaigns', () =>
  Promise.resolve({
    findings: [
      finding({
        check: 'campaign.status',
        suite: 'campaigns',
        severity: 'error',
        resource: { type: 'campaign', id: 'c1', name: 'Q4' },
        message: 'Bounce Protect',
        remediation: 'Clean the list',
      }),
    ],
    checked: 3,
    details: ['3 campaigns'],
  }),
);

function options(
  api: ReturnType<typeof stubApi>,
  over: Partial<EngineOptions> = {},
): EngineOptions {
  return {
    api,
    settings: settings(),
    now: () => NOW,
    suites: [],
    createResources: () => resources,
    ...over,
  };
}

describe('auth short-circuit', () => {
  it('ends the run as failed after exactly one request when the key is rejected (401)', async () => {
    const api = stubApi({
      'GET /workspaces/current': fail('auth', 401, 'GET /workspaces/current'),
    });
    let suiteRan = false;
    const report = await runChecks(
      options(api, {
        suites: [suiteWith('campaigns', () => ((suiteRan = true), oneError.run({} as never)))],
      }),
    );
    expect(api.calls).toHaveLength(1);
    expect(suiteRan).toBe(false);
    expect(report.status).toBe('failed');
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ check: 'workspace.api-key', severity: 'error' });
    expect(report.failure).toMatchObject({ cause: 'auth' });
    expect(report.failure?.remediation).toContain('API Keys');
    expect(report.stats.requests).toBe(1);
    expect(() => Report.parse(report)).not.toThrow();
  });

  it('ends the run as failed after exactly one request when the workspace has no paid plan (402)', async () => {
    const api = stubApi({
      'GET /workspaces/current': fail('plan', 402, 'GET /workspaces/current'),
    });
    const report = await runChecks(options(api, { suites: [oneError] }));
    expect(api.calls).toHaveLength(1);
    expect(report).toMatchObject({ status: 'failed', failure: { cause: 'plan' } });
    expect(report.findings.map((f) => f.check)).toEqual(['workspace.plan']);
  });

  it('falls back to a one-item campaigns probe when the key lacks the workspaces scope (two requests on 401)', async () => {
    const api = stubApi({
      'GET /workspaces/current': fail('scope', 403, 'GET /workspaces/current'),
      'GET /campaigns': fail('auth', 401, 'GET /campaigns'),
    });
    const report = await runChecks(
      options(api, { settings: settings({ checks: ['auth', 'webhooks'] }), suites: [oneError] }),
    );
    expect(api.calls.map((c) => [c.endpoint, c.query])).toEqual([
      ['GET /workspaces/current', undefined],
      ['GET /campaigns', { limit: 1 }],
    ]);
    expect(report.status).toBe('failed');
  });

  it('probes with the shared campaign list when the campaigns suite will fetch it anyway', async () => {
    const api = stubApi({
      'GET /workspaces/current': fail('scope', 403, 'GET /workspaces/current'),
    });
    let listed = 0;
    const report = await runChecks(
      options(api, {
        suites: [oneError],
        createResources: () => ({
          ...resources,
          campaigns: () => {
            listed += 1;
            return Promise.reject(apiError('auth', 401, 'GET /campaigns'));
          },
        }),
      }),
    );
    expect(api.calls).toHaveLength(1);
    expect(listed).toBe(1);
    expect(report).toMatchObject({ status: 'failed', failure: { cause: 'auth' } });
  });

  it('ends the run as failed with one unknown finding when Instantly cannot be reached', async () => {
    const api = stubApi({
      'GET /workspaces/current': fail('network', undefined, 'GET /workspaces/current', 3),
    });
    const report = await runChecks(options(api, { suites: [oneError] }));
    expect(api.calls).toHaveLength(1);
    expect(report.status).toBe('failed');
    expect(report.findings).toEqual([
      expect.objectContaining({ check: 'workspace.api-reachable', severity: 'unknown' }),
    ]);
    expect(report.failure?.message).toContain('could not be reached after 3 retries');
  });
});

describe('a deadline during auth', () => {
  it('fails the run as timed out: nothing at all was checked', async () => {
    const api = stubApi({ 'GET /workspaces/current': () => new Promise(() => undefined) });
    const report = await runChecks(
      options(api, {
        settings: settings({ timeoutSeconds: 2 }),
        deadline: AbortSignal.timeout(20),
        suites: [oneError],
      }),
    );
    expect(report).toMatchObject({ status: 'failed', failure: { cause: 'timeout' } });
    expect(report.findings.map((f) => [f.check, f.severity])).toEqual([
      ['suite.timeout', 'unknown'],
    ]);
    expect(report.failure?.message).toContain('timed out after 2 s');
  });
});

describe('a CDN block', () => {
  it('ends the run as failed without blaming a scope when the first answer is an HTML 403', async () => {
    const api = stubApi({
      'GET /workspaces/current': () => {
        throw apiError(
          'cdn-blocked',
          403,
          'GET /workspaces/current',
          0,
          "blocked by Instantly's CDN (HTML 403); check User-Agent / network",
        );
      },
    });
    const report = await runChecks(options(api, { suites: [oneError] }));
    expect(api.calls).toHaveLength(1);
    expect(report).toMatchObject({ status: 'failed', failure: { cause: 'blocked' } });
    expect(report.failure?.remediation).toContain('CDN');
    expect(report.failure?.remediation).not.toContain(':read');
  });
});

describe('a run that passes auth', () => {
  it('fills the workspace, the suites, the status and the request count', async () => {
    const api = stubApi(healthyAuth);
    const progress: string[] = [];
    const report = await runChecks(
      options(api, {
        suites: [oneError],
        onProgress: (s, d, t) => progress.push(`${s} ${d}/${t}`),
      }),
    );
    expect(() => Report.parse(report)).not.toThrow();
    expect(report.workspace).toEqual({ id: 'ws-1', name: 'Acme Outbound' });
    expect(report.status).toBe('unhealthy');
    expect(report.suites.map((s) => [s.name, s.status, s.checked])).toEqual([
      ['auth', 'healthy', 1],
      ['campaigns', 'unhealthy', 3],
    ]);
    expect(report.stats).toMatchObject({
      requests: 2,
      byEndpoint: { 'GET /workspaces/current': 1, 'GET /workspace-billing/plan-details': 1 },
    });
    expect(progress).toEqual(['auth 1/2', 'auth 2/2']);
    expect(report.failure).toBeUndefined();
  });

  it('runs only the suites the settings enable', async () => {
    const api = stubApi(healthyAuth);
    const report = await runChecks(
      options(api, { settings: settings({ checks: ['auth', 'webhooks'] }), suites: [oneError] }),
    );
    expect(report.suites.map((s) => s.name)).toEqual(['auth']);
    expect(report.status).toBe('healthy');
  });

  it('checks the key with a campaigns probe and takes the identity from billing when workspaces is out of scope', async () => {
    const api = stubApi({
      'GET /workspaces/current': fail('scope', 403, 'GET /workspaces/current'),
      'GET /campaigns': { items: [] },
      'GET /workspace-billing/plan-details': PLAN,
    });
    const report = await runChecks(options(api));
    expect(report.status).toBe('healthy');
    expect(report.workspace).toEqual({ id: 'ws-1', name: 'Acme Outbound' });
    expect(report.suites[0]?.details).toContain(
      'workspace status not checked: the key lacks `workspaces:read`',
    );
  });

  it('skips plan usage without a finding when the key lacks the billing scope, and says so', async () => {
    const api = stubApi({
      'GET /workspaces/current': WORKSPACE,
      'GET /workspace-billing/plan-details': fail(
        'scope',
        403,
        'GET /workspace-billing/plan-details',
      ),
    });
    const report = await runChecks(options(api));
    expect(report.findings).toEqual([]);
    expect(report.suites[0]?.details).toContain(
      'plan usage not checked: the key lacks `workspace_billing:read`',
    );
  });

  it('turns a missing scope on a suite endpoint into an unknown finding naming the scope', async () => {
    const api = stubApi(healthyAuth);
    const blocked = suiteWith('accounts', () => {
      throw apiError('scope', 403, 'GET /accounts');
    });
    const report = await runChecks(options(api, { suites: [blocked, oneError] }));
    const unknown = report.findings.find((f) => f.suite === 'accounts');
    expect(unknown).toMatchObject({
      check: 'suite.scope',
      severity: 'unknown',
      resource: { type: 'suite', id: 'accounts' },
      fingerprint: 'suite.scope:suite:accounts:GET /accounts',
    });
    expect(unknown?.remediation).toContain('`accounts:read`');
    expect(unknown?.remediation).toContain('`all:read`');
    expect(report.findings.some((f) => f.check === 'campaign.status')).toBe(true);
    expect(report.suites.find((s) => s.name === 'accounts')?.status).toBe('degraded');
  });

  it('reports a suite past the deadline as unknown while the other suites keep their findings', async () => {
    const api = stubApi(healthyAuth);
    const never = suiteWith('webhooks', () => new Promise(() => undefined));
    const report = await runChecks(
      options(api, {
        settings: settings({ timeoutSeconds: 1 }),
        deadline: AbortSignal.timeout(30),
        suites: [oneError, never],
      }),
    );
    expect(report.status).toBe('unhealthy');
    expect(report.findings.map((f) => [f.suite, f.check, f.severity])).toEqual([
      ['campaigns', 'campaign.status', 'error'],
      ['webhooks', 'suite.timeout', 'unknown'],
    ]);
    expect(report.findings[1]?.message).toContain('timed out after 1 s');
    expect(report.suites.find((s) => s.name === 'campaigns')?.checked).toBe(3);
  });

  it('names the cause when a suite throws, without hiding the others', async () => {
    const api = stubApi(healthyAuth);
    const broken = suiteWith('accounts', () =>
      Promise.reject(apiError('server', 503, 'GET /accounts', 3)),
    );
    const report = await runChecks(options(api, { suites: [broken, oneError] }));
    const f = report.findings.find((x) => x.suite === 'accounts');
    expect(f).toMatchObject({ check: 'suite.error', severity: 'unknown' });
    expect(f?.message).toContain('Instantly answered 503 after 3 retries (GET /accounts)');
    expect(report.findings.some((x) => x.check === 'campaign.status')).toBe(true);
  });

  it('reports a bug in a suite as an internal error rather than crashing the run', async () => {
    const api = stubApi(healthyAuth);
    const buggy = suiteWith('accounts', () => Promise.reject(new TypeError('x is undefined')));
    const report = await runChecks(options(api, { suites: [buggy] }));
    expect(report.status).toBe('degraded');
    expect(report.findings[0]?.message).toContain('an internal error: x is undefined');
    expect(report.findings[0]?.remediation).toContain('bug in instantly-health');
  });
});

describe('config policy', () => {
  it('applies severity overrides and ignore entries before the statuses are decided', async () => {
    const api = stubApi(healthyAuth);
    const report = await runChecks(
      options(api, {
        settings: settings(
          {},
          {
            severity: { 'campaign.status': 'warning' },
            ignore: [{ check: 'campaign.status', resource: 'Q4', until: '2027-01-31' }],
          },
        ),
        suites: [oneError],
      }),
    );
    expect(report.findings).toEqual([]);
    expect(report.silenced).toEqual([
      expect.objectContaining({
        check: 'campaign.status',
        severity: 'warning',
        silencedUntil: expect.any(String) as unknown,
      }),
    ]);
    expect(report.status).toBe('healthy');
    expect(report.suites.find((s) => s.name === 'campaigns')?.status).toBe('healthy');
  });
});
