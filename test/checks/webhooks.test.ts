import { describe, expect, it } from '@jest/globals';
import { WebhooksConfig } from '../../src/config/schema.js';
import {
  displayUrl,
  evaluateWebhooks,
  eventWindow,
  needsFailedEvents,
  webhooksToRefine,
  webhooksSuite,
  type WebhookObservations,
} from '../../src/checks/webhooks.js';
import type { WebhookEvent } from '../../src/instantly/schemas/webhooks.js';
import { NOW, settings, webhook } from './run-fixtures.js';
import { fail, stubApi, type StubCall } from './fake-api.js';
import type { SharedResources, SuiteContext } from '../../src/checks/types.js';

const config = (over: unknown = {}) => WebhooksConfig.parse(over);
const obs = (over: Partial<WebhookObservations>): WebhookObservations => ({
  webhooks: [webhook()],
  summary: null,
  failed: null,
  tests: [],
  ...over,
});
const summary = (total: number, failed: number) => ({
  total_events: total,
  successful_events: total - failed,
  failed_events: failed,
  success_rate: total ? ((total - failed) / total) * 100 : 0,
  failure_rate: total ? (failed / total) * 100 : 0,
});
const event = (over: Partial<WebhookEvent> = {}): WebhookEvent => ({
  id: `ev-${Math.random()}`,
  success: false,
  webhook_url: 'https://hooks.example.com/catch/123/secret',
  status_code: 500,
  error_message: 'Internal Server Error',
  ...over,
});

describe('webhook status', () => {
  it('reports a webhook disabled after delivery failures as an error, with the date it stopped', () => {
    const [f, ...rest] = evaluateWebhooks(
      obs({ webhooks: [webhook({ status: -1, timestamp_error: '2026-11-29T10:00:00.000Z' })] }),
      config(),
      NOW,
    );
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      check: 'webhook.status',
      severity: 'error',
      resource: { type: 'webhook', id: 'wh-1', name: 'CRM replies' },
      fingerprint: 'webhook.status:webhook:wh-1',
      evidence: { status: -1, timestamp_error: '2026-11-29T10:00:00.000Z' },
    });
    expect(f?.message).toContain('since 2026-11-29T10:00:00.000Z');
    // The fix the guide got wrong: there is no "paused" webhook, it is resumed with a write scope.
    expect(f?.remediation).toContain('POST /webhooks/{id}/resume');
    expect(f?.remediation).toContain('webhooks:update');
  });

  it('keeps an undocumented status value and reports it as a warning, a missing one as unknown', () => {
    const findings = evaluateWebhooks(
      obs({ webhooks: [webhook({ id: 'a', status: 2 }), webhook({ id: 'b', status: null })] }),
      config(),
      NOW,
    );
    expect(findings.map((f) => [f.resource.id, f.check, f.severity])).toEqual([
      ['a', 'webhook.status', 'warning'],
      ['b', 'webhook.status', 'unknown'],
    ]);
  });

  it('warns about a plain-http target without printing the secret path of the hook URL', () => {
    const findings = evaluateWebhooks(
      obs({
        webhooks: [webhook({ target_hook_url: 'http://hooks.example.com/catch/123/tok9Zq?k=v' })],
      }),
      config(),
      NOW,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      check: 'webhook.https',
      severity: 'warning',
      fingerprint: 'webhook.https:webhook:wh-1',
    });
    expect(JSON.stringify(findings[0])).not.toContain('tok9Zq');
    expect(findings[0]?.message).toContain('http://hooks.example.com/…');
  });

  it('names an unnamed webhook by its host, and says nothing about a healthy https webhook', () => {
    expect(displayUrl('https://hooks.zapier.com/hooks/catch/1/abc/')).toBe(
      'https://hooks.zapier.com/…',
    );
    expect(evaluateWebhooks(obs({}), config(), NOW)).toEqual([]);
  });
});

describe('webhook delivery failure rate', () => {
  it('turns the percentages of the API into a fraction compared with the config thresholds', () => {
    const warn = evaluateWebhooks(obs({ summary: summary(100, 6) }), config(), NOW);
    expect(warn).toHaveLength(1);
    expect(warn[0]).toMatchObject({
      check: 'webhook.failure-rate',
      severity: 'warning',
      resource: { type: 'suite', id: 'webhooks' },
      fingerprint: 'webhook.failure-rate:suite:webhooks',
      evidence: {
        failure_rate: 0.06,
        failure_rate_percent: 6,
        failed_events: 6,
        total_events: 100,
      },
    });
    expect(evaluateWebhooks(obs({ summary: summary(100, 20) }), config(), NOW)[0]?.severity).toBe(
      'error',
    );
    expect(evaluateWebhooks(obs({ summary: summary(100, 4) }), config(), NOW)).toEqual([]);
  });

  it('stays silent below min_events, however bad the rate', () => {
    expect(evaluateWebhooks(obs({ summary: summary(19, 19) }), config(), NOW)).toEqual([]);
    expect(
      evaluateWebhooks(
        obs({ summary: summary(19, 19) }),
        config({ failure_rate: { min_events: 5 } }),
        NOW,
      ),
    ).toHaveLength(1);
  });

  it('attributes the failures to the webhooks they went to, judged by a lower bound of their own rate', () => {
    const other = 'https://other.example.net/hook';
    const events = [
      event({ webhook_url: other, status_code: 404, error_message: 'Not Found' }),
      event(),
      event(),
      event({ status_code: null, error_message: 'Connection timeout' }),
    ];
    const findings = evaluateWebhooks(
      obs({
        webhooks: [webhook(), webhook({ id: 'wh-2', name: null, target_hook_url: other })],
        summary: summary(40, 20),
        failed: { events },
      }),
      config(),
      NOW,
    );
    // wh-1: 3 of 4 sampled failures x 50 % failed overall = at least 37.5 % (error);
    // wh-2: 1 of 4 x 50 % = at least 12.5 % (warning).
    expect(findings.map((f) => [f.resource.id, f.severity, f.fingerprint])).toEqual([
      ['wh-1', 'error', 'webhook.failure-rate:webhook:wh-1'],
      ['wh-2', 'warning', 'webhook.failure-rate:webhook:wh-2'],
    ]);
    expect(findings[0]?.evidence).toMatchObject({
      failed_in_sample: 3,
      sampled: 4,
      min_failure_rate: 0.375,
      most_common_failure: { status_code: 500, error_message: 'Internal Server Error', count: 2 },
    });
    expect(findings[0]?.message).toContain('HTTP 500 "Internal Server Error" (2×)');
    expect(findings[1]?.resource.name).toBe('https://other.example.net/…');
  });

  it('does not blame a webhook whose share of the failures is too small to cross a threshold', () => {
    const events = [
      ...Array.from({ length: 39 }, () => event()),
      event({ webhook_url: 'https://b.example/x' }),
    ];
    const findings = evaluateWebhooks(
      obs({
        webhooks: [webhook(), webhook({ id: 'wh-b', target_hook_url: 'https://b.example/x' })],
        summary: summary(100, 40),
        failed: { events },
      }),
      config(),
      NOW,
    );
    expect(findings.map((f) => f.resource.id)).toEqual(['wh-1']);
  });

  it('reports the rate workspace-wide, with the most common failure, when no live webhook explains it', () => {
    const gone = 'https://deleted.example.com/hook/abc';
    const [f, ...rest] = evaluateWebhooks(
      obs({ summary: summary(50, 25), failed: { events: [event({ webhook_url: gone })] } }),
      config(),
      NOW,
    );
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'error',
      resource: { type: 'suite', id: 'webhooks' },
      fingerprint: 'webhook.failure-rate:suite:webhooks',
      evidence: {
        most_common_failure: { webhook_id: null, target: 'https://deleted.example.com/…' },
      },
    });
  });

  it('leaves failures of a disabled webhook to the status check instead of reporting them twice', () => {
    const findings = evaluateWebhooks(
      obs({
        webhooks: [webhook({ status: -1 })],
        summary: summary(50, 25),
        failed: { events: [event()] },
      }),
      config(),
      NOW,
    );
    expect(findings.map((f) => f.check)).toEqual(['webhook.status']);
  });

  it('still reports the rate when the failed events could not be read, and says why', () => {
    const [f] = evaluateWebhooks(
      obs({
        summary: summary(50, 25),
        failed: { error: 'the API key lacks the scope for GET /webhook-events (403)' },
      }),
      config(),
      NOW,
    );
    expect(f).toMatchObject({
      severity: 'error',
      resource: { type: 'suite', id: 'webhooks' },
      evidence: { failed_events_unavailable: expect.stringContaining('403') as unknown },
    });
  });

  it('settles a webhook between the thresholds by its own recent deliveries', () => {
    const failing = webhook({ id: 'wh-f', target_hook_url: 'https://f.example/h' });
    const quiet = webhook({ id: 'wh-q', target_hook_url: 'https://q.example/h' });
    // 10 failures of 100 deliveries, all from wh-f: lower bound 10 % (warning), not provably an error.
    const s = summary(100, 10);
    const failed = {
      events: Array.from({ length: 10 }, () => event({ webhook_url: 'https://f.example/h' })),
    };
    const cfg = config().failure_rate;
    expect(webhooksToRefine([failing, quiet], s, failed, cfg).map((w) => w.id)).toEqual(['wh-f']);
    const ownEvents = [
      ...failed.events,
      ...Array.from({ length: 10 }, () =>
        event({ success: true, webhook_url: 'https://f.example/h' }),
      ),
    ];
    const [f] = evaluateWebhooks(
      obs({ webhooks: [failing, quiet], summary: s, failed, own: new Map([['wh-f', ownEvents]]) }),
      config(),
      NOW,
    );
    expect(f).toMatchObject({
      severity: 'error',
      resource: { id: 'wh-f' },
      evidence: { own_failure_rate: 0.5, own_events: 20, min_failure_rate: 0.1 },
    });
    expect(f?.message).toContain('50 % of its last 20 deliveries failed');
    // Without its own deliveries it stays a warning: the lower bound never overstates.
    expect(
      evaluateWebhooks(obs({ webhooks: [failing], summary: s, failed }), config(), NOW)[0]
        ?.severity,
    ).toBe('warning');
  });

  it('finds one failing webhook hidden behind a healthy workspace-wide rate', () => {
    const failing = webhook({ id: 'wh-f', target_hook_url: 'https://f.example/h' });
    const quiet = webhook({ id: 'wh-q', target_hook_url: 'https://q.example/h' });
    // 10 failures among 214 deliveries: 4.7 %, under the 5 % warning, all from one webhook.
    const s = summary(214, 10);
    const cfg = config().failure_rate;
    expect(needsFailedEvents(s, cfg)).toBe(true);
    const failed = {
      events: Array.from({ length: 10 }, () => event({ webhook_url: 'https://f.example/h' })),
    };
    expect(webhooksToRefine([failing, quiet], s, failed, cfg).map((w) => w.id)).toEqual(['wh-f']);
    const own = [
      ...failed.events,
      ...Array.from({ length: 15 }, () =>
        event({ success: true, webhook_url: 'https://f.example/h' }),
      ),
    ];
    const found = evaluateWebhooks(
      obs({ webhooks: [failing, quiet], summary: s, failed, own: new Map([['wh-f', own]]) }),
      config(),
      NOW,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      check: 'webhook.failure-rate',
      severity: 'error',
      resource: { id: 'wh-f' },
      evidence: { own_failure_rate: 0.4, own_events: 25 },
    });
  });

  it('stays quiet when the webhook behind a few failures delivers well on its own', () => {
    const noisy = webhook({ id: 'wh-n', target_hook_url: 'https://n.example/h' });
    const s = summary(214, 6);
    const failed = {
      events: Array.from({ length: 6 }, () => event({ webhook_url: 'https://n.example/h' })),
    };
    const own = [
      ...failed.events.slice(0, 2),
      ...Array.from({ length: 98 }, () =>
        event({ success: true, webhook_url: 'https://n.example/h' }),
      ),
    ];
    expect(
      evaluateWebhooks(
        obs({ webhooks: [noisy], summary: s, failed, own: new Map([['wh-n', own]]) }),
        config(),
        NOW,
      ),
    ).toEqual([]);
    // Without its own deliveries a healthy average says nothing either.
    expect(evaluateWebhooks(obs({ webhooks: [noisy], summary: s, failed }), config(), NOW)).toEqual(
      [],
    );
  });

  it('spends no extra request on a webhook already provably failing at the error level', () => {
    const failed = { events: [event()] };
    expect(webhooksToRefine([webhook()], summary(50, 25), failed, config().failure_rate)).toEqual(
      [],
    );
  });

  it('asks for the failed events only when they would be evidence of a finding', () => {
    const cfg = config().failure_rate;
    expect(needsFailedEvents(summary(100, 0), cfg)).toBe(false);
    expect(needsFailedEvents(summary(100, 1), cfg)).toBe(false);
    expect(needsFailedEvents(summary(100, 4), cfg)).toBe(false);
    expect(needsFailedEvents(summary(100, 5), cfg)).toBe(true);
    expect(needsFailedEvents(summary(10, 10), cfg)).toBe(false);
    expect(needsFailedEvents(summary(100, 30), cfg)).toBe(true);
  });

  it('uses a window of whole UTC days ending today', () => {
    expect(eventWindow(NOW, 1)).toEqual({ from: '2026-11-29', to: '2026-11-30' });
    expect(eventWindow(NOW, 7)).toEqual({ from: '2026-11-23', to: '2026-11-30' });
  });
});

describe('required webhook events', () => {
  it('reports each required event no live webhook covers, one fingerprint per event', () => {
    const findings = evaluateWebhooks(
      obs({ webhooks: [webhook({ event_type: 'email_sent' })] }),
      config({ require_events: ['reply_received', 'email_bounced', 'email_sent'] }),
      NOW,
    );
    expect(findings.map((f) => [f.check, f.severity, f.fingerprint])).toEqual([
      ['webhook.required-events', 'error', 'webhook.required-events:suite:webhooks:reply_received'],
      ['webhook.required-events', 'error', 'webhook.required-events:suite:webhooks:email_bounced'],
    ]);
  });

  it('counts all_events as covering everything and link_clicked as email_link_clicked', () => {
    const cfg = config({ require_events: ['link_clicked', 'reply_received'] });
    expect(
      evaluateWebhooks(obs({ webhooks: [webhook({ event_type: 'all_events' })] }), cfg, NOW),
    ).toEqual([]);
    const findings = evaluateWebhooks(
      obs({ webhooks: [webhook({ event_type: 'email_link_clicked' })] }),
      cfg,
      NOW,
    );
    expect(findings.map((f) => f.evidence.event)).toEqual(['reply_received']);
  });

  it('does not count a disabled webhook as covering an event', () => {
    const findings = evaluateWebhooks(
      obs({ webhooks: [webhook({ status: -1 })] }),
      config({ require_events: ['reply_received'] }),
      NOW,
    );
    expect(findings.map((f) => f.check)).toEqual(['webhook.status', 'webhook.required-events']);
    expect(findings[1]?.message).toContain('only covered by a disabled webhook');
  });
});

describe('webhook test delivery', () => {
  it('reports a failed test as an error on that webhook, and a passing one not at all', () => {
    const w = webhook();
    const findings = evaluateWebhooks(
      obs({
        tests: [
          { webhook: w, result: { success: false, error: 'Connection timeout' } },
          { webhook: webhook({ id: 'wh-2' }), result: { success: true, status_code: 200 } },
        ],
      }),
      config(),
      NOW,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      check: 'webhook.test',
      severity: 'error',
      fingerprint: 'webhook.test:webhook:wh-1',
      evidence: { error: 'Connection timeout' },
    });
  });
});

describe('webhooks suite requests', () => {
  const resources = {} as SharedResources;
  const ctx = (api: ReturnType<typeof stubApi>, cfg: unknown = {}): SuiteContext => ({
    api,
    settings: settings({}, { webhooks: cfg }),
    now: NOW,
    signal: new AbortController().signal,
    resources,
    progress: () => undefined,
  });

  it('makes one request when there is no webhook, and asks for no events', async () => {
    const api = stubApi({ 'GET /webhooks': { items: [] } });
    const out = await webhooksSuite.run(ctx(api));
    expect(api.calls.map((c) => c.endpoint)).toEqual(['GET /webhooks']);
    expect(api.calls[0]?.query).toMatchObject({ limit: 100 });
    expect(out).toMatchObject({ findings: [], checked: 0 });
  });

  it('reads the failed events once, with success=false and the window, only when failures matter', async () => {
    const api = stubApi({
      'GET /webhooks': { items: [webhook()] },
      'GET /webhook-events/summary': summary(50, 25),
      'GET /webhook-events': { items: [event()] },
    });
    const out = await webhooksSuite.run(ctx(api));
    expect(api.calls.map((c) => c.endpoint)).toEqual([
      'GET /webhooks',
      'GET /webhook-events/summary',
      'GET /webhook-events',
    ]);
    expect(api.calls[1]?.query).toEqual({ from: '2026-11-29', to: '2026-11-30' });
    expect(api.calls[2]?.query).toEqual({
      success: false,
      from: '2026-11-29',
      to: '2026-11-30',
      limit: 100,
    });
    expect(out.findings.map((f) => f.check)).toEqual(['webhook.failure-rate']);
  });

  it('turns a 403 on the summary into an unknown finding naming the scope, keeping the other checks', async () => {
    const api = stubApi({
      'GET /webhooks': { items: [webhook({ status: -1 })] },
      'GET /webhook-events/summary': fail('scope', 403, 'GET /webhook-events/summary'),
    });
    const out = await webhooksSuite.run(ctx(api));
    expect(out.findings.map((f) => [f.check, f.severity])).toEqual([
      ['webhook.status', 'error'],
      ['webhook.failure-rate', 'unknown'],
    ]);
    expect(out.findings[1]?.remediation).toContain('`webhook_events:read`');
    expect(out.findings[1]?.remediation).toContain('`all:read`');
  });

  it('says in the details when a webhook’s own deliveries could not be read, instead of staying silent', async () => {
    const failing = webhook({ id: 'wh-f', name: 'Zapier', target_hook_url: 'https://f.example/h' });
    const failedEvents = Array.from({ length: 10 }, () =>
      event({ webhook_url: 'https://f.example/h' }),
    );
    const api = stubApi({
      'GET /webhooks': { items: [failing] },
      'GET /webhook-events/summary': summary(100, 10),
      'GET /webhook-events': (call: StubCall) =>
        call.query?.success === false
          ? { items: failedEvents }
          : fail('server', 503, 'GET /webhook-events')(call),
    });
    const out = await webhooksSuite.run(ctx(api));
    expect(api.calls.filter((c) => c.endpoint === 'GET /webhook-events')).toHaveLength(2);
    expect(out.details.join('\n')).toMatch(/Zapier: its own deliveries could not be read \(.+\)/);
    // Judged by the lower bound: a warning, never overstated.
    expect(out.findings.map((f) => [f.check, f.severity])).toEqual([
      ['webhook.failure-rate', 'warning'],
    ]);
  });

  it('counts deliveries in the details in words a person reads: 1 delivery, 2 deliveries', async () => {
    for (const [total, words] of [
      [1, '1 delivery from'],
      [2, '2 deliveries from'],
    ] as const) {
      const api = stubApi({
        'GET /webhooks': { items: [webhook()] },
        'GET /webhook-events/summary': summary(total, 0),
      });
      const out = await webhooksSuite.run(ctx(api));
      expect(out.details.join('\n')).toContain(words);
    }
  });

  it('sends test deliveries only when send_test is on, and never to a disabled webhook', async () => {
    const routes = {
      'GET /webhooks': { items: [webhook(), webhook({ id: 'wh-off', status: -1 })] },
      'GET /webhook-events/summary': summary(0, 0),
      'POST /webhooks/{id}/test': { success: false, status_code: 502, error: 'Bad Gateway' },
    };
    const off = stubApi(routes);
    await webhooksSuite.run(ctx(off));
    expect(off.calls.some((c) => c.endpoint === 'POST /webhooks/{id}/test')).toBe(false);

    const on = stubApi(routes);
    const out = await webhooksSuite.run(ctx(on, { send_test: true }));
    expect(
      on.calls.filter((c) => c.endpoint === 'POST /webhooks/{id}/test').map((c) => c.params),
    ).toEqual([{ id: 'wh-1' }]);
    expect(out.findings.find((f) => f.check === 'webhook.test')).toMatchObject({
      severity: 'error',
      resource: { id: 'wh-1' },
    });
  });
});
