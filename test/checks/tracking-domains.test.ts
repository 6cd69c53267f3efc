import { describe, expect, it } from '@jest/globals';
import { accountsSuite } from '../../src/checks/accounts.js';
import { createSharedResources } from '../../src/checks/resources.js';
import type { SuiteContext } from '../../src/checks/types.js';
import { ConfigFile, type RunSettings } from '../../src/config/schema.js';
import type { InstantlyApi } from '../../src/instantly/api.js';
import { account, NOW } from './fixtures.js';
import { apiError } from './fake-api.js';
import { stubApi, type StubCall } from './stub-api.js';

/** The accounts suite asks Instantly about a tracking domain before it warns about one. */

const settings: RunSettings = {
  apiKey: 'k',
  baseUrl: 'http://127.0.0.1:1',
  checks: ['accounts'],
  rateLimit: 10,
  timeoutSeconds: 300,
  failOn: 'error',
  campaignIds: [],
  config: ConfigFile.parse({ accounts: { scope: 'all', warmup_analytics: false, dns: false } }),
};

function context(api: InstantlyApi): SuiteContext {
  const signal = new AbortController().signal;
  return {
    api,
    settings,
    now: NOW,
    signal,
    resources: createSharedResources(api, settings, signal, NOW),
    progress: () => undefined,
  };
}

const tracked = (email: string, domain: string, status: string) =>
  account({ email, tracking_domain_name: domain, tracking_domain_status: status });

describe('tracking domains in the accounts suite', () => {
  it('asks the status endpoint once per suspect domain and warns only on what it confirms', async () => {
    const api = stubApi({
      'PAGINATE /campaigns': () => [],
      'PAGINATE /accounts': () => [
        tracked('ann@alpha.com', 'go.alpha.com', 'CTD_ACTIVE'),
        tracked('bo@beta.com', 'go.beta.com', 'CTD_PENDING'),
        tracked('cy@beta.com', 'go.beta.com', 'CTD_PENDING'),
        tracked('di@gamma.com', 'go.gamma.com', 'CTD_UNKNOWN'),
        tracked('ed@delta.com', 'go.delta.com', 'CTD_PENDING'),
      ],
      'GET /accounts/analytics/daily': () => [],
      'GET /accounts/ctd/status': (c: StubCall) => {
        const host = c.query?.host;
        if (host === 'go.beta.com') return { success: false, ssl: false, cname: true, host };
        if (host === 'go.gamma.com') return { success: true, ssl: true, cname: true, host };
        throw apiError('server', 503, 'GET /accounts/ctd/status');
      },
    });
    const { findings } = await accountsSuite.run(context(api));
    expect(findings.map((f) => [f.severity, f.check, f.resource.id])).toEqual([
      ['warning', 'domain.tracking', 'go.beta.com'],
      ['unknown', 'domain.tracking', 'go.delta.com'],
    ]);
    expect(findings[0]?.message).toContain('no SSL certificate');
    const asked = api.calls.filter((c) => c.path === '/accounts/ctd/status');
    expect(asked.map((c) => c.query?.host).sort()).toEqual([
      'go.beta.com',
      'go.delta.com',
      'go.gamma.com',
    ]);
  });
});
