import { describe, expect, it } from '@jest/globals';
import { annotationOf, ConfigError, formatProblem, UsageError } from '../../src/config/errors.js';

const inFile = {
  source: '.github/instantly-health.yml',
  line: 7,
  column: 5,
  key: 'campaigns.bounce_rate.warnig',
  message: 'unknown key; did you mean "warning"?',
};
const input = {
  source: 'input rate-limit',
  message: "expected a number of requests per second above 0 and at most 100, got '0'",
  hint: 'Use 10.',
};

describe('formatProblem', () => {
  it('prints file, line, column, key and message like a compiler', () => {
    expect(formatProblem(inFile)).toBe(
      '.github/instantly-health.yml:7:5: campaigns.bounce_rate.warnig: unknown key; did you mean "warning"?',
    );
  });

  it('ends the message before the hint', () => {
    expect(formatProblem(input)).toBe(
      "input rate-limit: expected a number of requests per second above 0 and at most 100, got '0'. Use 10.",
    );
    expect(formatProblem({ source: 'x', message: 'really?', hint: 'Yes.' })).toBe(
      'x: really? Yes.',
    );
  });
});

describe('ConfigError', () => {
  it('prints one problem per line, and carries them for renderers', () => {
    const error = new ConfigError([inFile, input]);
    expect(error.format().split('\n')).toEqual([formatProblem(inFile), formatProblem(input)]);
    expect(error.message).toBe(error.format());
    expect(error.problems).toEqual([inFile, input]);
  });

  it('is the base of usage errors, so one catch handles both (exit 2)', () => {
    const error = new UsageError([input]);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.name).toBe('UsageError');
  });
});

describe('annotationOf', () => {
  it('puts a file problem on its line', () => {
    expect(annotationOf(inFile)).toEqual({
      message: 'campaigns.bounce_rate.warnig: unknown key; did you mean "warning"?',
      properties: {
        title: 'instantly-health: .github/instantly-health.yml',
        file: '.github/instantly-health.yml',
        startLine: 7,
        startColumn: 5,
      },
    });
  });

  it('keeps the source in the message of a problem outside any file', () => {
    expect(annotationOf(input)).toEqual({
      message: formatProblem(input),
      properties: { title: 'instantly-health: input rate-limit' },
    });
  });
});
