import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { configJsonSchema } from '../../src/config/json-schema.js';

const validate = new Ajv2020({ strict: false }).compile(configJsonSchema());

describe('configJsonSchema (for editors)', () => {
  it('accepts an empty file and a typical one', () => {
    expect(validate({})).toBe(true);
    const typical = parse(`
checks: [auth, campaigns]
campaigns:
  exclude: { names: ["^Test "] }
  bounce_rate: { warning: 0.02, error: 0.04 }
accounts: { scope: all }
severity: { campaign.paused: warning }
ignore:
  - { check: account.warmup-score, resource: old@example.com, until: 2027-01-31, reason: retiring }
`) as unknown;
    expect(validate(typical)).toBe(true);
  });

  it('flags what the loader flags: unknown keys, wrong types, out-of-range thresholds', () => {
    expect(validate({ campaigns: { bounce_rate: { warnig: 0.03 } } })).toBe(false);
    expect(validate({ campaigns: { bounce_rate: { min_sent: 'five' } } })).toBe(false);
    expect(validate({ accounts: { spam_rate: { error: 15 } } })).toBe(false);
    expect(validate({ checks: ['campain'] })).toBe(false);
  });

  it('offers the catalogue check ids for severity and ignore, and flags a misspelt one', () => {
    expect(validate({ severity: { 'campaign.stauts': 'warning' } })).toBe(false);
    expect(validate({ ignore: [{ check: 'campaign.stauts', until: '2027-01-31' }] })).toBe(false);
    expect(validate({ ignore: [{ check: 'config.ignore-expired', until: '2027-01-31' }] })).toBe(
      true,
    );
  });
});
