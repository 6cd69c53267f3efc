import { afterEach, describe, expect, it, jest } from '@jest/globals';
import * as core from '@actions/core';
import {
  actionInput,
  isDebug,
  logDebug,
  logInfo,
  maskSecret,
} from '../../src/publish/runner-io.js';

/** Every line written to stdout while `act` runs. */
function stdoutOf(act: () => void): string {
  const written: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    written.push(String(chunk));
    return true;
  });
  try {
    act();
  } finally {
    spy.mockRestore();
  }
  return written.join('');
}

describe('runner I/O without @actions/core, the same as @actions/core', () => {
  const names = ['api-key', 'create issue', 'fail-on'];
  const values = ['  sk_live%1\r\n ', '', 'true', ' a b '];
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('reads every input as core.getInput does, trimmed or not', () => {
    for (const name of names) {
      for (const value of values) {
        process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
        for (const trimWhitespace of [true, false]) {
          expect(actionInput(name, { trimWhitespace })).toBe(
            core.getInput(name, { trimWhitespace }),
          );
        }
        expect(actionInput(name)).toBe(core.getInput(name));
      }
    }
    expect(actionInput('missing-input')).toBe(core.getInput('missing-input'));
  });

  it('masks a secret with the same workflow command as core.setSecret, newlines and % escaped', () => {
    for (const secret of ['sk_live_abc', 'with%percent', 'two\nlines\r\n', '::add-mask::x']) {
      expect(
        stdoutOf(() => {
          maskSecret(secret);
        }),
      ).toBe(
        stdoutOf(() => {
          core.setSecret(secret);
        }),
      );
    }
  });

  it('logs a line as core.info does', () => {
    expect(
      stdoutOf(() => {
        logInfo('campaigns: 3/3 checked');
      }),
    ).toBe(
      stdoutOf(() => {
        core.info('campaigns: 3/3 checked');
      }),
    );
  });

  it('tells step debug logging and writes a debug line as core.isDebug and core.debug do', () => {
    for (const value of [undefined, '1', 'true', '0']) {
      if (value === undefined) delete process.env.RUNNER_DEBUG;
      else process.env.RUNNER_DEBUG = value;
      expect(isDebug()).toBe(core.isDebug());
    }
    const line = 'GET /campaigns -> HTTP 429 in 12 ms (50% of\nbudget)';
    expect(
      stdoutOf(() => {
        logDebug(line);
      }),
    ).toBe(
      stdoutOf(() => {
        core.debug(line);
      }),
    );
  });
});
