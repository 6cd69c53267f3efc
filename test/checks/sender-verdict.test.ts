import { describe, expect, it } from '@jest/globals';
import { anyFinding as finding } from '../fakes/finding.js';
import { senderVerdicts, verdictOf } from '../../src/checks/sender-verdict.js';
import type { Resource, Severity } from '../../src/model/report.js';

const f = (check: string, severity: Severity, resource: Resource) =>
  finding({ check, suite: 'accounts', severity, resource, message: 'm', remediation: 'r' });
const account = (id: string): Resource => ({ type: 'account', id });

describe('verdictOf', () => {
  it('is burning on any error, watch on a warning or unknown, green on nothing', () => {
    expect(verdictOf([])).toBe('green');
    expect(verdictOf(['unknown'])).toBe('watch');
    expect(verdictOf(['warning', 'unknown'])).toBe('watch');
    expect(verdictOf(['warning', 'error'])).toBe('burning');
  });
});

describe('senderVerdicts', () => {
  const senders = ['ann@alpha.com', 'bob@alpha.com', 'cy@beta.com', 'di@gamma.com'];

  it('counts green senders and names the others with their reasons, most severe first', () => {
    const summary = senderVerdicts(senders, [
      f('account.warmup-trend', 'warning', account('ANN@alpha.com')),
      f('account.bounce-rate', 'warning', account('cy@beta.com')),
      f('account.connection', 'error', account('cy@beta.com')),
      f('account.warmup-health', 'unknown', account('di@gamma.com')),
      f('campaign.status', 'error', { type: 'campaign', id: 'c1' }),
    ]);
    expect(summary).toEqual({
      total: 4,
      green: 1,
      watch: [
        { email: 'ann@alpha.com', reasons: ['inbox rate falling'] },
        { email: 'di@gamma.com', reasons: ['warmup health'] },
      ],
      burning: [{ email: 'cy@beta.com', reasons: ['connection', 'bounce rate'] }],
    });
  });

  it("judges a sender by its sending domain's findings too", () => {
    const summary = senderVerdicts(senders, [
      f('domain.spf', 'error', { type: 'domain', id: 'alpha.com' }),
    ]);
    expect(summary.burning.map((s) => [s.email, s.reasons])).toEqual([
      ['ann@alpha.com', ['SPF']],
      ['bob@alpha.com', ['SPF']],
    ]);
    expect(summary.green).toBe(2);
  });

  it('counts each sender once and keeps unknown check ids as their reason', () => {
    const summary = senderVerdicts(
      ['ann@alpha.com', 'Ann@Alpha.com'],
      [f('account.something-new', 'warning', account('ann@alpha.com'))],
    );
    expect(summary).toMatchObject({ total: 1, green: 0 });
    expect(summary.watch).toEqual([{ email: 'ann@alpha.com', reasons: ['account.something-new'] }]);
  });
});
