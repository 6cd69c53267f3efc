import { describe, expect, it } from '@jest/globals';
import { notifierFor, resolveFormat } from '../../src/notify/formats.js';
import type { Notifier } from '../../src/notify/notifier.js';
import { buildPayload } from '../../src/notify/payload.js';
import type { NotificationEvent } from '../../src/tracking/events.js';
import type { Finding } from '../../src/model/report.js';
import { HOSTILE_NAMES } from '../report/hostile.js';
import { finding, report, WORKSPACE } from '../tracking/helpers.js';
import { expectInert, expectValidFor, stringsOf } from './platforms.js';

const FORMATS: Notifier['format'][] = ['slack', 'teams', 'discord', 'json'];
const EVENTS: NotificationEvent[] = ['regressed', 'changed', 'recovered', 'blind', 'unblind'];
const ISSUE = 'https://github.com/acme/outbound/issues/1';
const RUN = 'https://github.com/acme/outbound/actions/runs/42';

/** What chat platforms would turn into a ping, a link or markup. */
const CHAT_HOSTILE = [
  '<!channel> <!here> <!everyone> <!subteam^S123>',
  '@here @channel @everyone look',
  '<@U024BE7LH> <@&123456> <#C024BE7LR> <@!42>',
  '[phish](https://evil.example/login) <https://evil.example|Tracking issue>',
  '*bold* _it_ ~s~ `code` ```block``` > quote || spoiler ||',
  '<at>Jane</at> <b>bold</b> &lt;b&gt; &amp;',
  'mail bob@here.com and ops@channel.example',
];

function payloadOf(event: NotificationEvent, findings: Finding[], name = WORKSPACE.name) {
  const fingerprints = findings.map((f) => ({
    fingerprint: f.fingerprint,
    check: f.check,
    resource: f.resource,
    firstSeen: '2026-11-30T06:00:00.000Z',
  }));
  return buildPayload({
    event,
    report: report(findings),
    workspace: { id: WORKSPACE.id, name },
    plan: {
      newErrors: fingerprints,
      recovered: fingerprints,
      stillFailing: 1,
      blind: { change: 'started', since: '2026-11-29T06:00:00.000Z', cause: 'the key was revoked' },
    },
    issueUrl: ISSUE,
    runUrl: RUN,
  });
}

describe('every format, every event', () => {
  for (const format of FORMATS) {
    for (const event of EVENTS) {
      it(`${format} ${event}: valid for the platform, with the workspace, status and links`, () => {
        const payload = payloadOf(event, [
          finding('c1'),
          finding('c2', 'error', { check: 'campaign.bounce_rate' }),
        ]);
        const body = notifierFor('https://example.com/hook', format).body(payload);
        expectValidFor(format, body);
        const text = stringsOf(body).join('\n');
        expect(text).toContain('Acme Outbound');
        expect(text).toContain(ISSUE);
        expect(text).toContain(RUN);
        if (event === 'regressed' || event === 'changed') expect(text).toContain('Campaign c1');
        if (event === 'recovered') expect(text).toMatch(/recovered/i);
      });
    }
  }
});

describe('hostile API text', () => {
  const names = [...HOSTILE_NAMES, ...CHAT_HOSTILE];
  for (const format of ['slack', 'teams', 'discord'] as const) {
    it(`${format}: no mention, link or markup from the workspace, resource names and messages`, () => {
      for (const name of names) {
        const hostile = finding('c1', 'error', {
          resource: { type: 'campaign', id: name, name },
          message: `Campaign ${name} is paused.`,
        });
        for (const event of EVENTS) {
          const body = notifierFor('https://example.com/hook', format).body(
            payloadOf(event, [hostile], name),
          );
          expectValidFor(format, body);
          expectInert(format, body);
        }
      }
    });
  }

  it('json keeps the API strings as received (the receiver escapes for its output)', () => {
    const payload = payloadOf('regressed', [finding('c1')], '<!here> @everyone');
    expect(notifierFor('https://example.com/hook', 'json').body(payload)).toEqual(payload);
    expect(payload.workspace.name).toBe('<!here> @everyone');
  });

  it('an email in a name stays copyable in Slack (only broadcast words lose their @)', () => {
    const body = notifierFor('https://hooks.slack.com/services/T/B/x', 'auto').body(
      payloadOf('regressed', [
        finding('c1', 'error', { resource: { type: 'account', id: 'bob@here.com' } }),
      ]),
    );
    expect(stringsOf(body).join('\n')).toContain('bob@here.com');
  });
});

describe('long lists', () => {
  it('shows five lines, then "and N more", in every chat format', () => {
    const many = Array.from({ length: 12 }, (_, i) => finding(`c${i}`));
    for (const format of ['slack', 'teams', 'discord'] as const) {
      const body = notifierFor('https://example.com/hook', format).body(
        payloadOf('regressed', many),
      );
      expectValidFor(format, body);
      const text = stringsOf(body).join('\n');
      expect(text).toContain('Campaign c4');
      expect(text).not.toContain('Campaign c5');
      expect(text).toContain('and 7 more');
    }
  });

  it('stays within every limit when each name and message is at its longest', () => {
    const long = Array.from({ length: 40 }, (_, i) =>
      finding(`c${i}`, 'error', {
        resource: { type: 'campaign', id: `c${i}`, name: '&<>'.repeat(2000) },
        message: '<&>*_'.repeat(2000),
      }),
    );
    for (const format of FORMATS) {
      expectValidFor(
        format,
        notifierFor('https://example.com/hook', format).body(
          payloadOf('changed', long, 'x'.repeat(5000)),
        ),
      );
    }
  });
});

describe('auto format', () => {
  it.each([
    ['https://hooks.slack.com/services/T000/B000/XXXX', 'slack'],
    ['https://discord.com/api/webhooks/123/abc', 'discord'],
    ['https://discordapp.com/api/webhooks/123/abc', 'discord'],
    ['https://ptb.discord.com/api/webhooks/123/abc', 'discord'],
    ['https://discord.com/channels/123', 'json'],
    ['https://acme.webhook.office.com/webhookb2/abc', 'teams'],
    [
      'https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke',
      'teams',
    ],
    ['https://hooks.slack.com.evil.example/services/x', 'json'],
    ['https://evil.example/hooks.slack.com', 'json'],
    ['https://webhook.office.com.evil.example/x', 'json'],
    ['http://127.0.0.1:8080/hook', 'json'],
  ])('%s → %s', (url, format) => {
    expect(resolveFormat(url, 'auto')).toBe(format);
  });

  it('an explicit format wins over the host', () => {
    expect(resolveFormat('https://hooks.slack.com/services/x', 'json')).toBe('json');
  });
});
