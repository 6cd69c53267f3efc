import { describe, expect, it } from '@jest/globals';
import { editDistance, nearest } from '../../src/config/suggest.js';

describe('editDistance (Damerau-Levenshtein, optimal string alignment)', () => {
  it.each([
    ['warning', 'warning', 0],
    ['warnig', 'warning', 1], // deletion
    ['wanring', 'warning', 1], // adjacent transposition counts once
    ['warming', 'warning', 1], // substitution
    ['', 'abc', 3],
    ['ca', 'abc', 3], // the restricted variant: no edit of a transposed pair
    ['kitten', 'sitting', 3],
  ])('%s → %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('nearest', () => {
  const keys = ['warning', 'error', 'min_sent', 'window_days'];

  it('suggests the closest key for a typo', () => {
    expect(nearest('warnig', keys)).toBe('warning');
    expect(nearest('min-sent', keys)).toBe('min_sent');
    expect(nearest('Error', keys)).toBe('error');
  });

  it('stays quiet when nothing is close, rather than suggesting nonsense', () => {
    expect(nearest('colour', keys)).toBeUndefined();
    expect(nearest('wxyz', keys)).toBeUndefined();
    expect(nearest('x', ['a', 'b'])).toBeUndefined();
  });

  it('expands an abbreviation of exactly one candidate', () => {
    expect(nearest('warn', keys)).toBe('warning');
    expect(nearest('win', keys)).toBe('window_days');
    expect(nearest('w', keys)).toBeUndefined();
    expect(nearest('camp', ['campaigns', 'campaign_tags'])).toBeUndefined();
  });

  it('allows two edits only on longer words', () => {
    expect(nearest('campain', ['campaigns'])).toBe('campaigns');
    expect(nearest('dsn', ['dns'])).toBe('dns');
    expect(nearest('abcd', ['badc'])).toBeUndefined();
  });
});
