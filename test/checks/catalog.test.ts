import { describe, expect, it } from '@jest/globals';
import { SUITES } from '../../src/checks/catalog.js';
import {
  CHECK_CATALOGUE,
  CHECK_IDS,
  checksOfSuite,
  isCheckId,
  suiteOfCheck,
} from '../../src/model/checks.js';
import { SUITE_NAMES } from '../../src/model/report.js';

describe('check catalogue', () => {
  it('lists every check once, with a `<resource>.<name>` id and a title', () => {
    expect(new Set(CHECK_IDS).size).toBe(CHECK_IDS.length);
    for (const c of CHECK_CATALOGUE) {
      expect(c.id).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
      expect(c.title.length).toBeGreaterThan(3);
    }
  });

  it('names the auth, webhook, engine and policy checks config may override or ignore', () => {
    expect(CHECK_IDS).toEqual(
      expect.arrayContaining([
        'workspace.api-key',
        'workspace.removal',
        'workspace.lead-usage',
        'webhook.status',
        'webhook.failure-rate',
        'webhook.required-events',
        'suite.scope',
        'suite.timeout',
        'config.ignore-expired',
      ]),
    );
  });

  it('gives every suite its checks, and files a check under its suite', () => {
    for (const suite of SUITE_NAMES) {
      const own = checksOfSuite(suite);
      expect(own.length).toBeGreaterThan(0);
      for (const c of own) expect(suiteOfCheck(c.id as (typeof CHECK_IDS)[number])).toBe(suite);
    }
    // The engine's and the policy's own findings go with the workspace-wide suite.
    expect(suiteOfCheck('suite.timeout')).toBe('auth');
    expect(suiteOfCheck('config.ignore-expired')).toBe('auth');
  });

  it('tells a known id from a misspelt one read at the edge', () => {
    expect(isCheckId('campaign.status')).toBe(true);
    expect(isCheckId('campaign.stauts')).toBe(false);
  });

  it('runs every suite after auth, each once', () => {
    const names = SUITES.map((s) => s.name);
    expect(names).not.toContain('auth');
    expect(new Set(names).size).toBe(names.length);
  });
});
