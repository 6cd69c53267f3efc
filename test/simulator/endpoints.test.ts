/** Behaviour of the endpoints beyond their shapes: filters, the request log, latency, early warnings. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { call, FIXED_NOW } from './helpers.js';

describe('endpoint behaviour', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'broken', seed: 11, now: FIXED_NOW });
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('logs method, path, query, body, time and status of each request', async () => {
    sim.clearLog();
    await call(sim, '/campaigns?limit=5&status=1');
    await call(sim, '/leads/list', { body: { limit: 3 } });
    expect(sim.log).toHaveLength(2);
    expect(sim.log[0]).toMatchObject({
      method: 'GET',
      path: '/api/v2/campaigns',
      query: { limit: '5', status: '1' },
      status: 200,
    });
    expect(sim.log[1]).toMatchObject({
      method: 'POST',
      path: '/api/v2/leads/list',
      body: { limit: 3 },
      status: 200,
    });
    expect(typeof sim.log[0]?.time).toBe('number');
    expect(sim.log[0]?.headers?.authorization).toBe(`Bearer ${sim.apiKey}`);
    sim.clearLog();
    expect(sim.log).toHaveLength(0);
  });

  it('filters campaigns by status, search and tag_ids', async () => {
    const paused = (await call(sim, '/campaigns?limit=100&status=2')).body as {
      items: { status: number }[];
    };
    expect(paused.items.length).toBeGreaterThan(0);
    expect(paused.items.every((c) => c.status === 2)).toBe(true);
    const name = sim.data.workspace.campaigns[3]?.name ?? '';
    const found = (await call(sim, `/campaigns?limit=100&search=${encodeURIComponent(name)}`))
      .body as { items: { name: string }[] };
    expect(found.items.map((c) => c.name)).toEqual([name]);
    const [tagged, tags] = [...sim.data.workspace.campaignTags.entries()][0] ?? ['', []];
    const byTag = (await call(sim, `/campaigns?limit=100&tag_ids=${tags[0] ?? ''}`)).body as {
      items: { id: string }[];
    };
    expect(byTag.items.map((c) => c.id)).toContain(tagged);
    expect(byTag.items.length).toBeLessThan(sim.data.workspace.campaigns.length);
    expect((await call(sim, '/campaigns?status=5')).status).toBe(400);
  });

  it('filters webhook events by success, date and search', async () => {
    const failed = (await call(sim, '/webhook-events?limit=100&success=false')).body as {
      items: { success: boolean; webhook_url: string }[];
    };
    expect(failed.items.length).toBeGreaterThan(0);
    expect(failed.items.every((e) => !e.success)).toBe(true);
    const url = failed.items[0]?.webhook_url ?? '';
    const searched = (
      await call(sim, `/webhook-events?limit=100&search=${encodeURIComponent(url)}`)
    ).body as { items: { webhook_url: string }[] };
    expect(searched.items.every((e) => e.webhook_url === url)).toBe(true);
    const future = (await call(sim, '/webhook-events?limit=100&from=2027-01-01&to=2027-01-31'))
      .body as { items: unknown[] };
    expect(future.items).toEqual([]);
    const summary = (await call(sim, '/webhook-events/summary?from=2026-11-01&to=2026-11-30'))
      .body as { total_events: number; failed_events: number; failure_rate: number };
    const inRange = sim.data.workspace.webhookEvents.filter(
      (e) => e.timestamp_created_date >= '2026-11-01' && e.timestamp_created_date <= '2026-11-30',
    );
    expect(summary.total_events).toBe(inRange.length);
    expect(summary.failed_events).toBe(inRange.filter((e) => !e.success).length);
    expect(summary.failure_rate).toBeCloseTo(
      (100 * summary.failed_events) / summary.total_events,
      1,
    );
  });

  it('resumes a disabled webhook', async () => {
    const id = sim.data.injected.find((p) => p.problem === 'webhook.disabled')?.resource.id ?? '';
    expect(((await call(sim, `/webhooks/${id}`)).body as { status: number }).status).toBe(-1);
    const resumed = (await call(sim, `/webhooks/${id}/resume`, { method: 'POST' })).body as {
      status: number;
      timestamp_error: string | null;
    };
    expect(resumed).toMatchObject({ status: 1, timestamp_error: null });
  });

  it('maps an account to the campaigns that send from it', async () => {
    const campaign = sim.data.workspace.campaigns.find((c) => c.email_list.length > 0);
    const email = campaign?.email_list[0] ?? '';
    const mappings = (await call(sim, `/account-campaign-mappings/${encodeURIComponent(email)}`))
      .body as { items: { campaign_id: string }[] };
    expect(mappings.items.map((m) => m.campaign_id)).toContain(campaign?.id);
  });

  it('rejects warmup analytics for more than 100 emails', async () => {
    const emails = Array.from({ length: 101 }, (_, i) => `s${i}@x.com`);
    expect((await call(sim, '/accounts/warmup-analytics', { body: { emails } })).status).toBe(400);
  });
});

describe('early-warning scenario', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'early-warning', now: FIXED_NOW });
  });
  afterAll(async () => {
    await sim.stop();
  });

  const emailOf = (problem: string): string =>
    sim.data.injected.find((p) => p.problem === problem)?.resource.id ?? '';
  const daily = async (email: string): Promise<{ sent: number; bounced: number }[]> =>
    (
      await call(
        sim,
        `/accounts/analytics/daily?emails=${encodeURIComponent(email)}&start_date=2026-11-24&end_date=2026-11-30`,
      )
    ).body as { sent: number; bounced: number }[];

  it('shows a bouncing sender and a sender at its cap in the daily analytics', async () => {
    const bouncing = await daily(emailOf('account.high_bounce_rate'));
    expect(bouncing).toHaveLength(7);
    const sent = bouncing.reduce((s, d) => s + d.sent, 0);
    expect(bouncing.reduce((s, d) => s + d.bounced, 0) / sent).toBeGreaterThan(0.05);
    const capped = emailOf('account.at_volume_cap');
    const cap = sim.data.workspace.accounts.find((a) => a.email === capped)?.daily_limit;
    expect((await daily(capped)).every((d) => d.sent === cap)).toBe(true);
  });

  it('shows a spam-heavy sender and leaves a cold sender out of the warmup data', async () => {
    const spammy = emailOf('account.warmup_spam_heavy');
    const cold = emailOf('account.no_warmup_data');
    const result = (
      await call(sim, '/accounts/warmup-analytics', { body: { emails: [spammy, cold] } })
    ).body as {
      email_date_data: Record<string, Record<string, { sent: number; landed_spam?: number }>>;
      aggregate_data: Record<string, unknown>;
    };
    const days = Object.values(result.email_date_data[spammy] ?? {}).slice(-7);
    const spam =
      days.reduce((s, d) => s + (d.landed_spam ?? 0), 0) / days.reduce((s, d) => s + d.sent, 0);
    expect(spam).toBeGreaterThan(0.15);
    // A fixed trailing 7 days, as the live API answers whatever is asked.
    expect(Object.keys(result.email_date_data[spammy] ?? {})).toHaveLength(7);
    expect(result.aggregate_data).not.toHaveProperty(cold);
  });

  it('has a draft campaign on cold senders', () => {
    const id = sim.data.injected.find((p) => p.problem === 'campaign.draft_on_cold_senders')
      ?.resource.id;
    const campaign = sim.data.workspace.campaigns.find((c) => c.id === id);
    expect(campaign?.status).toBe(0);
    const senders = sim.data.workspace.accounts.filter((a) =>
      campaign?.email_list.includes(a.email),
    );
    expect(senders).toHaveLength(2);
    expect(senders.every((a) => a.stat_warmup_score === null)).toBe(true);
  });

  it('has a draft that is ready to launch, on healthy warmed senders with passing DNS', async () => {
    const ready = sim.data.workspace.readyDraft;
    const campaign = sim.data.workspace.campaigns.find((c) => c.id === ready?.id);
    expect(campaign?.status).toBe(0);
    const emails = campaign?.email_list ?? [];
    expect(emails).toHaveLength(2);
    const senders = sim.data.workspace.accounts.filter((a) => emails.includes(a.email));
    expect(
      senders.every(
        (a) => a.status === 1 && a.warmup_status === 1 && (a.stat_warmup_score ?? 0) >= 90,
      ),
    ).toBe(true);
    const warmup = (await call(sim, '/accounts/warmup-analytics', { body: { emails } })).body as {
      aggregate_data: Record<string, { health_score: number }>;
    };
    for (const email of emails)
      expect(warmup.aggregate_data[email]?.health_score).toBeGreaterThanOrEqual(90);
    const domains = sim.data.workspace.domains.filter((d) =>
      emails.some((e) => e.endsWith(`@${d.domain}`)),
    );
    expect(domains.every((d) => d.mx && d.spf && d.dkim && d.dmarc)).toBe(true);
  });
});

describe('per-request latency option', () => {
  it('delays every response', async () => {
    const sim = await startSimulator({
      scenario: 'healthy',
      latencyMs: [60_000, 60_000],
      now: FIXED_NOW,
    });
    try {
      await expect(
        call(sim, '/workspaces/current', { signal: AbortSignal.timeout(50) }),
      ).rejects.toThrow();
    } finally {
      await sim.stop();
    }
    const fast = await startSimulator({ scenario: 'healthy', latencyMs: 0, now: FIXED_NOW });
    try {
      expect((await call(fast, '/workspaces/current')).status).toBe(200);
    } finally {
      await fast.stop();
    }
  });
});

describe('bad requests never crash the simulator', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'healthy', now: FIXED_NOW });
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('answers 400 to a body that is not JSON, and keeps serving', async () => {
    const response = await fetch(`${sim.url}/api/v2/leads/list`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.apiKey}`, 'content-type': 'application/json' },
      body: '{"limit": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect((await call(sim, '/workspaces/current')).status).toBe(200);
  });

  it('answers 404 to a malformed path escape or an unknown method', async () => {
    expect((await call(sim, '/accounts/%E0%A4%A')).status).toBe(404);
    const put = await fetch(`${sim.url}/api/v2/campaigns`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${sim.apiKey}` },
    });
    expect(put.status).toBe(404);
    await put.text();
  });

  it('answers 400 to a limit that is not an integer', async () => {
    expect((await call(sim, '/campaigns?limit=ten')).status).toBe(400);
    expect((await call(sim, '/leads/list', { body: { limit: 'ten' } })).status).toBe(400);
  });
});
