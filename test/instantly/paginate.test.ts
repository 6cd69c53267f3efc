import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { mockInstantly, testClient, type Recorded, type Reply } from './helpers.js';

const item = z.object({ id: z.string() });
const page = (ids: string[], next?: string | null): Reply => ({
  status: 200,
  json: {
    items: ids.map((id) => ({ id })),
    ...(next === undefined ? {} : { next_starting_after: next }),
  },
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of iterable) out.push(value);
  return out;
}

/** Serves `pages` in order, whatever cursor comes in; the test checks the cursors sent. */
function pages(replies: Reply[]) {
  return mockInstantly(
    (_request, index) =>
      replies[index] ?? { status: 500, json: { message: 'no more pages scripted' } },
  );
}

const cursorOf = (r: Recorded | undefined) => r?.url.searchParams.get('starting_after');

describe('cursor pagination', () => {
  it('asks for 100 at a time unless the caller asks for another page size', async () => {
    const { agent, requests } = pages([page(['a'])]);
    const { client } = testClient(agent);
    await collect(client.paginate('/campaigns', { item }));
    expect(requests[0]?.url.searchParams.get('limit')).toBe('100');
  });

  it('passes next_starting_after back verbatim, keeping the filters', async () => {
    const cursor = '2026-01-01T00:00:00.000Z&a+b@example.com';
    const { agent, requests } = pages([page(['a', 'b'], cursor), page(['c'], null)]);
    const { client } = testClient(agent);
    const items = await collect(
      client.paginate('/accounts', { item, query: { status: 1, limit: 2 } }),
    );
    expect(items).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(requests.map((r) => r.url.searchParams.get('limit'))).toEqual(['2', '2']);
    expect(cursorOf(requests[0])).toBeNull();
    expect(cursorOf(requests[1])).toBe(cursor);
    expect(requests[1]?.url.searchParams.get('status')).toBe('1');
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
  ])('stops after a full page when the cursor is %s', async (_label, next) => {
    const { agent, requests } = pages([page(['a'], next), page(['b'])]);
    const { client } = testClient(agent);
    const items = await collect(client.paginate('/campaigns', { item, query: { limit: 1 } }));
    expect(items).toEqual([{ id: 'a' }]);
    expect(requests).toHaveLength(1);
  });

  it('stops on a page shorter than the limit, though the live API gives it a cursor', async () => {
    // test/fixtures/real/leonidsvb__campaigns_list.json: 5 campaigns and a cursor. The request
    // after it would only answer {"items": []}.
    const { agent, requests } = pages([page(['a', 'b', 'c', 'd', 'e'], 'e'), page([])]);
    const { client } = testClient(agent);
    expect(await collect(client.paginate('/campaigns', { item }))).toHaveLength(5);
    expect(requests).toHaveLength(1);
  });

  it.each([
    ['no cursor', undefined],
    ['a cursor', 'c2'],
  ])('after a full last page, ends on the empty page that follows (with %s)', async (_l, next) => {
    // test/fixtures/real/margentic__accounts_item_trimmed_and_last_page.json
    const full = Array.from({ length: 100 }, (_, i) => `a${i}`);
    const { agent, requests } = pages([page(full, 'a99'), page([], next), page(['x'])]);
    const { client } = testClient(agent);
    expect(await collect(client.paginate('/accounts', { item }))).toHaveLength(100);
    expect(requests).toHaveLength(2);
    expect(cursorOf(requests[1])).toBe('a99');
  });

  it('ends with a pagination error when a cursor repeats, never a loop', async () => {
    const { agent, requests } = pages([
      page(['a'], 'c1'),
      page(['b'], 'c2'),
      page(['c'], 'c1'),
      page(['d'], 'c2'),
    ]);
    const { client } = testClient(agent);
    const seen: string[] = [];
    const run = async () => {
      for await (const value of client.paginate('/campaigns', { item, query: { limit: 1 } }))
        seen.push(value.id);
    };
    await expect(run()).rejects.toMatchObject({ kind: 'pagination', endpoint: 'GET /campaigns' });
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(requests).toHaveLength(3);
  });

  it('ends with a pagination error at the page cap, not a silent truncation', async () => {
    // Ends after 10 pages, so a client without the cap fails differently instead of hanging.
    const { agent, requests } = pages(
      Array.from({ length: 10 }, (_, i) => page([`i${i}`], `c${i}`)),
    );
    const { client } = testClient(agent);
    const error = await collect(
      client.paginate('/campaigns', { item, maxPages: 3, query: { limit: 1 } }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'pagination',
      message: expect.stringContaining('more than 3 pages') as unknown,
    });
    expect(requests).toHaveLength(3);
  });

  it('reaching the cap on the last page is fine', async () => {
    const { agent } = pages([page(['a'], 'c1'), page(['b'])]);
    const { client } = testClient(agent);
    const all = client.paginate('/campaigns', { item, maxPages: 2, query: { limit: 1 } });
    expect(await collect(all)).toHaveLength(2);
  });

  it('yields a page before fetching the next one', async () => {
    const { agent, requests } = pages([page(['a', 'b'], 'c1'), page(['c'])]);
    const { client } = testClient(agent);
    const list = client.paginate('/campaigns', { item, query: { limit: 2 } });
    const iterator = list[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ id: 'a' });
    expect(requests).toHaveLength(1);
    await iterator.next();
    expect(requests).toHaveLength(1);
    expect((await iterator.next()).value).toEqual({ id: 'c' });
    expect(requests).toHaveLength(2);
  });

  it('carries limit and cursor in the JSON body for POST lists, keeping the filters', async () => {
    const { agent, requests } = pages([page(['l1'], '0199-lead-uuid'), page(['l2'])]);
    const { client } = testClient(agent);
    const items = await collect(
      client.paginate('/leads/list', {
        method: 'POST',
        item,
        body: { campaign: 'c1', filter: 'FILTER_VAL_CONTACTED', limit: 1 },
      }),
    );
    expect(items).toHaveLength(2);
    expect(requests.map((r) => r.method)).toEqual(['POST', 'POST']);
    expect(requests[0]?.body).toEqual({
      campaign: 'c1',
      filter: 'FILTER_VAL_CONTACTED',
      limit: 1,
    });
    expect(requests[1]?.body).toEqual({
      campaign: 'c1',
      filter: 'FILTER_VAL_CONTACTED',
      limit: 1,
      starting_after: '0199-lead-uuid',
    });
    expect(requests[1]?.url.search).toBe('');
  });

  it('retries a page of a POST list like a read', async () => {
    const { agent, requests } = pages([{ status: 503, json: {} }, page(['l1'])]);
    const { client } = testClient(agent);
    expect(
      await collect(client.paginate('/leads/list', { method: 'POST', item, body: {} })),
    ).toHaveLength(1);
    expect(requests).toHaveLength(2);
  });

  it('validates every item with the item schema, naming the item', async () => {
    const { agent } = pages([{ status: 200, json: { items: [{ id: 'a' }, { id: 7 }] } }]);
    const { client } = testClient(agent);
    await expect(collect(client.paginate('/campaigns', { item }))).rejects.toMatchObject({
      kind: 'schema',
      message: expect.stringContaining('items[1].id') as unknown,
    });
  });

  it('treats {"error": "ACC_..."} instead of a page as error-in-200', async () => {
    const { agent } = pages([{ status: 200, json: { error: 'ACC_AUTH_ERROR' } }]);
    const { client } = testClient(agent);
    await expect(collect(client.paginate('/accounts', { item }))).rejects.toMatchObject({
      kind: 'error-in-200',
    });
  });

  it('counts every page under the endpoint template', async () => {
    const { agent } = pages([page(['a'], 'c1'), page(['b'])]);
    const { client } = testClient(agent);
    await collect(
      client.paginate('/campaigns/{id}/things', { item, params: { id: 'x' }, query: { limit: 1 } }),
    );
    expect(client.statistics().byEndpoint['GET /campaigns/{id}/things']?.requests).toBe(2);
  });
});
