import { describe, expect, it } from '@jest/globals';
import { evaluateSending, evaluateWarmupSeries } from '../../src/checks/account-signals.js';
import type { AccountDailyRow, WarmupDay } from '../../src/instantly/schemas/accounts.js';
import { accountsConfig, NOW } from './fixtures.js';

const DAY = 86_400_000;
const date = (back: number) => new Date(NOW.getTime() - back * DAY).toISOString().slice(0, 10);

/**
 * A warmup answer as Instantly gives it: a fixed trailing 7 days, `inbox(back)` of `sent` per day
 * landed in the inbox, the rest in spam, zero counts left out.
 */
function series(inbox: (back: number) => number, sent = 100, days = 7) {
  const out: Record<string, WarmupDay> = {};
  for (let back = 0; back < days; back++) {
    const landed = Math.round(sent * inbox(back));
    const day: WarmupDay = { sent, received: sent };
    if (landed > 0) day.landed_inbox = landed;
    if (sent - landed > 0) day.landed_spam = sent - landed;
    out[date(back)] = day;
  }
  return out;
}

const warmup = (s: Record<string, WarmupDay>, overrides: Record<string, unknown> = {}) =>
  evaluateWarmupSeries('ann@alpha.com', s, accountsConfig(overrides), NOW);

describe('evaluateWarmupSeries', () => {
  it('is quiet for a steady sender', () => {
    expect(warmup(series(() => 0.98))).toEqual([]);
  });

  it('warns about an inbox rate sliding inside the week Instantly answers, and names the numbers', () => {
    const findings = warmup(series((back) => (back < 3 ? 0.7 : 0.95)));
    const trend = findings.find((f) => f.check === 'account.warmup-trend');
    expect(trend).toMatchObject({
      severity: 'warning',
      resource: { type: 'account', id: 'ann@alpha.com' },
      fingerprint: 'account.warmup-trend:account:ann@alpha.com',
      evidence: {
        recent_days: 3,
        before_days: 4,
        inbox_rate_before: 0.95,
        inbox_rate: 0.7,
        threshold: 0.15,
      },
    });
    expect(trend?.message).toContain('inbox 95 % → 70 % (the last 3 days against the 4 before');
  });

  it('does not warn about a drop smaller than inbox_drop', () => {
    expect(
      warmup(series((back) => (back < 3 ? 0.86 : 0.99))).filter(
        (f) => f.check === 'account.warmup-trend',
      ),
    ).toEqual([]);
    // The same drop with a lower bar is a warning.
    expect(
      warmup(
        series((back) => (back < 3 ? 0.86 : 0.99)),
        { trend: { inbox_drop: 0.1 } },
      ).map((f) => f.check),
    ).toContain('account.warmup-trend');
  });

  it('treats a one-day dip as noise: no trend and no spam finding', () => {
    // Two days ago half the warmup mail landed in spam; every other day is fine.
    expect(warmup(series((back) => (back === 2 ? 0.5 : 0.98)))).toEqual([]);
  });

  it('warns when the bad days are two, not one', () => {
    const findings = warmup(series((back) => (back === 2 || back === 3 ? 0.3 : 0.98)));
    expect(findings.map((f) => f.check)).toContain('account.warmup-spam');
  });

  it('treats tiny volume as noise', () => {
    // 2 warmup emails a day: 14 in a week, below the minimum sample.
    expect(warmup(series((back) => (back < 7 ? 0.5 : 1), 2))).toEqual([]);
  });

  it('needs the days before to judge a trend, but not to judge spam', () => {
    const young = series(() => 0.7, 100, 3);
    expect(warmup(young).map((f) => f.check)).toEqual(['account.warmup-spam']);
  });

  it('grades the spam share against spam_rate', () => {
    const steady = (inbox: number) =>
      warmup(series(() => inbox)).filter((f) => f.check === 'account.warmup-spam');
    expect(steady(0.97)).toEqual([]);
    expect(steady(0.9)).toMatchObject([{ severity: 'warning', evidence: { threshold: 0.05 } }]);
    const [error] = steady(0.8);
    expect(error).toMatchObject({ severity: 'error', evidence: { spam_rate: 0.2, sent: 700 } });
    expect(error?.message).toContain('20 % of warmup mail landed in spam over the last 7 days');
  });

  describe('on a real-shaped answer (10 warmup emails a day, zero fields left out)', () => {
    // The shape of test/fixtures/real/margentic__warmup_analytics_excerpt.json: 7 days ending on
    // the answer's own last day (here yesterday), `landed_spam` absent when 0.
    const answer = (inbox: number[]) =>
      Object.fromEntries(
        inbox.map((landed, i) => {
          const day: WarmupDay = { sent: 10, received: 30 };
          if (landed > 0) day.landed_inbox = landed;
          if (10 - landed > 0) day.landed_spam = 10 - landed;
          return [date(7 - i), day];
        }),
      );
    const trend = (inbox: number[]) =>
      warmup(answer(inbox)).filter((f) => f.check === 'account.warmup-trend');

    it('fires for a sliding sender', () => {
      expect(trend([10, 10, 10, 9, 7, 6, 5])).toHaveLength(1);
    });
    it('stays quiet for a steady sender', () => {
      expect(trend([10, 10, 10, 10, 10, 10, 10])).toEqual([]);
      expect(trend([10, 9, 10, 10, 9, 10, 10])).toEqual([]);
    });
    it('stays quiet for a one-day dip', () => {
      expect(trend([10, 10, 10, 10, 10, 3, 10])).toEqual([]);
      expect(trend([10, 10, 10, 10, 10, 10, 2])).toEqual([]);
    });
  });

  it('ignores dates it cannot read and days without warmup mail', () => {
    const s: Record<string, WarmupDay> = {
      ...series(() => 0.98),
      'not-a-date': { sent: 100, landed_inbox: 0 },
    };
    s[date(1)] = {};
    expect(warmup(s)).toEqual([]);
  });
});

function rows(perDay: (back: number) => { sent: number; bounced: number }, days = 8) {
  const out: AccountDailyRow[] = [];
  for (let back = 0; back < days; back++) {
    out.push({ date: date(back), email_account: 'ann@alpha.com', ...perDay(back) });
  }
  return out;
}

const sending = (r: AccountDailyRow[], dailyLimit: number | null = 50, overrides = {}) =>
  evaluateSending(
    { email: 'ann@alpha.com', daily_limit: dailyLimit },
    r,
    accountsConfig(overrides),
    NOW,
  );

describe('evaluateSending', () => {
  it('is quiet for a sender with a low bounce rate and headroom', () => {
    expect(sending(rows(() => ({ sent: 30, bounced: 0 })))).toEqual([]);
  });

  it('grades bounced ÷ sent over the window, leaving today out', () => {
    // 7 whole days of 30 sent: 210; today's row (30 sent, 30 bounced) is still under way.
    const r = rows((back) => (back === 0 ? { sent: 30, bounced: 30 } : { sent: 30, bounced: 0 }));
    expect(sending(r)).toEqual([]);
    const warn = sending(rows(() => ({ sent: 30, bounced: 1 }))); // 7 of 210: 3.3 %
    expect(warn).toMatchObject([
      {
        check: 'account.bounce-rate',
        severity: 'warning',
        evidence: { bounced: 7, sent: 210, window_days: 7 },
      },
    ]);
    const [error] = sending(rows(() => ({ sent: 30, bounced: 3 })));
    expect(error).toMatchObject({ check: 'account.bounce-rate', severity: 'error' });
    expect(error?.message).toContain('Bounce rate is 10 % over the last 7 days (21 of 210 sent');
  });

  it('needs min_sent emails before judging a bounce rate', () => {
    // 4 a day, 28 in the window, half bounced: below min_sent 30, so noise.
    expect(sending(rows(() => ({ sent: 4, bounced: 2 })))).toEqual([]);
    expect(
      sending(
        rows(() => ({ sent: 4, bounced: 2 })),
        50,
        { bounce_rate: { min_sent: 20 } },
      ),
    ).toMatchObject([{ check: 'account.bounce-rate', severity: 'error' }]);
  });

  it('warns about a sender at its daily limit on several days, not one busy day', () => {
    const capped = sending(rows(() => ({ sent: 45, bounced: 0 })));
    expect(capped).toMatchObject([
      {
        check: 'account.volume-cap',
        severity: 'warning',
        evidence: { daily_limit: 50, days_at_cap: 7, threshold: 0.9 },
      },
    ]);
    expect(capped[0]?.message).toContain('daily limit (50) on 7 of the last 7 days');
    expect(sending(rows((back) => ({ sent: back === 3 ? 50 : 20, bounced: 0 })))).toEqual([]);
    expect(sending(rows(() => ({ sent: 44, bounced: 0 })))).toEqual([]);
  });

  it('cannot judge volume without a daily limit', () => {
    expect(
      sending(
        rows(() => ({ sent: 45, bounced: 0 })),
        null,
      ),
    ).toEqual([]);
    expect(
      sending(
        rows(() => ({ sent: 45, bounced: 0 })),
        0,
      ),
    ).toEqual([]);
  });
});
