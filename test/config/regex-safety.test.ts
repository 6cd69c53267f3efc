import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { MAX_NAME_CHARS, namePattern, unsafeRegexReason } from '../../src/config/regex-safety.js';

/** Patterns people write for campaign names: all accepted. */
const SAFE = [
  '^Test ',
  '-EU$',
  'founders',
  '^Q[1-4] 20\\d\\d',
  '.*launch.*',
  '^(?:EU|US|APAC)-',
  '(?:ab|cd)+',
  '^\\[draft\\]',
  'a{2,5}b',
  '^(Q4|Q1) (outbound|inbound)$',
  '\\bwarm(up)?\\b',
  '^[^-]+-\\d+$',
];

/** Exponential on a name that almost matches: all refused, each with its reason. */
const UNSAFE: [string, RegExp][] = [
  ['^(a+)+$', /repeated group contains another repeat/],
  ['(\\w*\\s?)*x', /repeated group contains another repeat/],
  ['(a{1,9}){2,}', /repeated group contains another repeat/],
  ['((ab)*c)+', /repeated group contains another repeat/],
  ['(a|ab)*$', /can both start with "a"/],
  ['(\\w|\\d)+$', /alternatives that can match the same text/],
  ['(a|)+b', /alternatives that can match the same text/],
  ['(x+x+)+y', /repeated group contains another repeat/],
  ['^(.)\\1', /backreference/],
  ['(?<q>a)\\k<q>', /named backreference/],
  ['.*a.*b.*c.*d', /at most 3/],
  ['(?=(a+)+)b', /repeated group contains another repeat/],
];

describe('regex safety rule', () => {
  it.each(SAFE)('accepts %s', (pattern) => {
    expect(unsafeRegexReason(pattern)).toBeUndefined();
  });

  it.each(UNSAFE)('refuses %s', (pattern, reason) => {
    expect(unsafeRegexReason(pattern)).toMatch(reason);
  });

  it('refuses the exponential forms of the red-team report', () => {
    // Each one takes minutes on 40 × "a" + "!" with V8's backtracking engine.
    for (const p of ['^(a+)+$', '^(a|a)+$', '^(a|aa)+$', '^([a-z]+)*$', '(.*a){12}'])
      expect(unsafeRegexReason(p)).toBeDefined();
  });

  it('never throws on any pattern V8 accepts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (pattern) => {
        try {
          new RegExp(pattern);
        } catch {
          return;
        }
        const reason = unsafeRegexReason(pattern);
        expect(reason === undefined || typeof reason === 'string').toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('matches names on a bounded prefix', () => {
    const test = namePattern('^Q4');
    expect(test('Q4 outbound')).toBe(true);
    expect(namePattern('x$')(`${'a'.repeat(MAX_NAME_CHARS)}x`)).toBe(false);
  });
});
