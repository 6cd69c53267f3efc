import { afterEach, describe, expect, it } from '@jest/globals';
import { createSharedResources } from '../../src/checks/resources.js';
import { ConfigFile } from '../../src/config/schema.js';
import { mergeSettings } from '../../src/config/settings.js';
import { createInstantlyClient, type InstantlyClient } from '../../src/instantly/client.js';
import { Account } from '../../src/instantly/schemas/accounts.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

/**
 * Memory, without timing (the figure itself is the benchmark's): pages are consumed as they
 * arrive, and the run's cache keeps the declared fields of each item, not the raw items.
 */
let sim: RunningSimulator;
let client: InstantlyClient;
afterEach(async () => {
  await client.close();
  await sim.stop();
});

async function start(faults: Parameters<typeof startSimulator>[0] = {}) {
  sim = await startSimulator({ scenario: 'small', ...faults });
  client = createInstantlyClient({ apiKey: sim.keys.readOnly, baseUrl: sim.url, rateLimit: 1000 });
}

describe('memory', () => {
  it('hands out the first page before asking for the second', async () => {
    await start();
    const accountRequests = () => sim.log.filter((e) => e.path === '/api/v2/accounts').length;
    let seen = 0;
    const requestsAtItem: number[] = [];
    for await (const account of client.paginate('/accounts', { item: Account })) {
      expect(account.email).toContain('@');
      seen++;
      if (seen === 1 || seen === 100 || seen === 101) requestsAtItem.push(accountRequests());
    }
    expect(seen).toBe(sim.data.workspace.accounts.length);
    expect(seen).toBeGreaterThan(100);
    // Item 1 and item 100 came from page 1 alone; item 101 needed page 2.
    expect(requestsAtItem).toEqual([1, 1, 2]);
  });

  it('caches campaigns and accounts without the fields no check reads', async () => {
    await start({
      faults: [
        { kind: 'drift', drift: 'extra-field', path: '/accounts', times: 'always' },
        { kind: 'drift', drift: 'extra-field', path: '/campaigns', times: 'always' },
      ],
    });
    const settings = mergeSettings(
      { apiKey: sim.keys.readOnly, baseUrl: sim.url },
      ConfigFile.parse({}),
    );
    const resources = createSharedResources(client, settings, new AbortController().signal);
    const [accounts, campaigns] = await Promise.all([resources.accounts(), resources.campaigns()]);
    expect(accounts.length).toBe(sim.data.workspace.accounts.length);
    expect(campaigns.length).toBe(sim.data.workspace.campaigns.length);
    for (const item of [...accounts, ...campaigns]) {
      expect(item).not.toHaveProperty('x_added_in_a_later_version');
      expect(item).not.toHaveProperty('priority_score');
    }
    // Fields the checks use are all there.
    expect(accounts[0]).toHaveProperty('email');
    expect(campaigns[0]).toHaveProperty('sequences');
  });
});
