import { describe, expect, it } from '@jest/globals';
import { fetchOrUnknown } from '../../src/checks/fetch-or-unknown.js';
import type { Finding, Resource } from '../../src/model/report.js';
import { apiError } from './fake-api.js';

const SUITE: Resource = { type: 'suite', id: 'accounts' };
const failing = (): Promise<number> =>
  Promise.reject(apiError('server', 502, 'GET /accounts/analytics/daily'));

describe('fetchOrUnknown', () => {
  it('returns the answer and adds nothing when the fetch succeeds', async () => {
    const extra: Finding[] = [];
    const target = {
      check: 'domain.vitals',
      suite: 'accounts',
      resource: SUITE,
      what: 'DNS',
    } as const;
    expect(await fetchOrUnknown(() => Promise.resolve(7), extra, target)).toBe(7);
    expect(extra).toEqual([]);
  });

  it('leaves one unknown finding per check that needed the answer', async () => {
    const extra: Finding[] = [];
    const result = await fetchOrUnknown(failing, extra, [
      { check: 'account.bounce-rate', suite: 'accounts', resource: SUITE, what: 'Bounce rates' },
      { check: 'account.volume-cap', suite: 'accounts', resource: SUITE, what: 'Daily volume' },
    ]);
    expect(result).toBeUndefined();
    expect(extra.map((f) => [f.check, f.severity])).toEqual([
      ['account.bounce-rate', 'unknown'],
      ['account.volume-cap', 'unknown'],
    ]);
  });

  it('rethrows after the deadline aborted the run, so the engine reports one timeout', async () => {
    const extra: Finding[] = [];
    const deadline = new AbortController();
    deadline.abort();
    await expect(
      fetchOrUnknown(
        failing,
        extra,
        { check: 'domain.vitals', suite: 'accounts', resource: SUITE, what: 'DNS' },
        deadline.signal,
      ),
    ).rejects.toMatchObject({ kind: 'server' });
    expect(extra).toEqual([]);
  });
});
