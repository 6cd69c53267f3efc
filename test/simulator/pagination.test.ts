import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { allPages, call, FIXED_NOW } from './helpers.js';

describe('pagination', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'broken', seed: 2, now: FIXED_NOW });
  });
  afterAll(async () => {
    await sim.stop();
  });

  it.each(['/campaigns', '/accounts', '/webhooks', '/webhook-events'])(
    '%s rejects limit 0 and 101 with 400',
    async (path) => {
      for (const limit of [0, 101]) {
        const result = await call(sim, `${path}?limit=${limit}`);
        expect(result.status).toBe(400);
        expect(result.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      }
      expect((await call(sim, `${path}?limit=100`)).status).toBe(200);
      expect((await call(sim, `${path}?limit=1`)).status).toBe(200);
    },
  );

  it('POST /leads/list rejects limit 0 and 101 in the body', async () => {
    expect((await call(sim, '/leads/list', { body: { limit: 0 } })).status).toBe(400);
    expect((await call(sim, '/leads/list', { body: { limit: 101 } })).status).toBe(400);
  });

  it('pages campaigns by id, each once, with a cursor on every page that has items', async () => {
    const total = sim.data.workspace.campaigns.length;
    expect(total % 7).not.toBe(0);
    const { pages, items } = await allPages(sim, '/campaigns?limit=7');
    const ids = (items as { id: string }[]).map((c) => c.id);
    expect(ids).toEqual(sim.data.workspace.campaigns.map((c) => c.id));
    // The short last page too, as the live API answers (test/fixtures/real/leonidsvb__campaigns_list.json).
    expect(pages).toHaveLength(Math.ceil(total / 7) + 1);
    for (const page of pages.slice(0, -1)) {
      const body = page.body as { items: { id: string }[]; next_starting_after: string };
      expect(body.next_starting_after).toBe(body.items.at(-1)?.id);
    }
    expect(pages.at(-1)?.body).toEqual({ items: [] });
  });

  it('answers {"items": []} after the last page, as the live API does', async () => {
    // test/fixtures/real/margentic__accounts_item_trimmed_and_last_page.json
    const total = sim.data.workspace.campaigns.length;
    expect(total % 10).toBe(0);
    const { pages } = await allPages(sim, '/campaigns?limit=10');
    expect(pages).toHaveLength(total / 10 + 1);
    expect(pages.at(-2)?.body).toHaveProperty('next_starting_after');
    expect(pages.at(-1)?.body).toEqual({ items: [] });
  });

  it('pages accounts newest first with a bare-timestamp cursor, as the live API does', async () => {
    const { pages, items } = await allPages(sim, '/accounts?limit=9');
    expect((items as { email: string }[]).map((a) => a.email)).toEqual(
      sim.data.workspace.accounts.map((a) => a.email).reverse(),
    );
    const first = pages[0]?.body as {
      items: { email: string; timestamp_created: string }[];
      next_starting_after: string;
    };
    const last = first.items.at(-1);
    expect(first.next_starting_after).toBe(last?.timestamp_created);
    expect(first.next_starting_after).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    expect(pages.at(-1)?.body).not.toHaveProperty('next_starting_after');
  });

  it('accepts the documented `timestamp_created&email` cursor for accounts', async () => {
    const accounts = sim.data.workspace.accounts;
    const third = accounts[accounts.length - 3];
    const result = await call(
      sim,
      `/accounts?limit=2&starting_after=${encodeURIComponent(`${third?.timestamp_created ?? ''}&${third?.email ?? ''}`)}`,
    );
    expect((result.body as { items: { email: string }[] }).items[0]?.email).toBe(
      accounts[accounts.length - 4]?.email,
    );
  });

  it('pages a campaign’s leads in the body and agrees with leads_count', async () => {
    const order = sim.data.workspace.leadCounts.findIndex((c) => c.leads > 150);
    const campaign = sim.data.workspace.campaigns[order];
    const expected = sim.data.workspace.analytics[order]?.leads_count;
    let cursor: string | undefined;
    let count = 0;
    let bounced = 0;
    for (;;) {
      const result = await call(sim, '/leads/list', {
        body: { campaign: campaign?.id, limit: 100, starting_after: cursor },
      });
      const body = result.body as { items: { status: number }[]; next_starting_after?: string };
      count += body.items.length;
      bounced += body.items.filter((l) => l.status === -1).length;
      cursor = body.next_starting_after;
      if (cursor === undefined) break;
    }
    expect(count).toBe(expected);
    expect(bounced).toBe(sim.data.workspace.analytics[order]?.bounced_count);
  });
});
