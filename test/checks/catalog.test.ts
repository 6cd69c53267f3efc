import { describe, expect, it } from '@jest/globals';
import { CHECK_IDS, CHECKS, SUITES } from '../../src/checks/catalog.js';

describe('check catalogue', () => {
  it('lists every check once, with a `<resource>.<name>` id and a title', () => {
    expect(new Set(CHECK_IDS).size).toBe(CHECK_IDS.length);
    for (const c of CHECKS) {
      expect(c.id).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
      expect(c.title.length).toBeGreaterThan(3);
    }
  });

  it('names the auth, webhook and engine checks config may override or ignore', () => {
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
      ]),
    );
  });

  it('runs every suite after auth, each once', () => {
    const names = SUITES.map((s) => s.name);
    expect(names).not.toContain('auth');
    expect(new Set(names).size).toBe(names.length);
  });
});
