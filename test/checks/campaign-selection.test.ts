import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mayBeSelected, selectCampaigns } from '../../src/checks/campaign-selection.js';
import { CAMPAIGN_STATUS_NAMES } from '../../src/config/schema.js';
import { campaign, campaignsConfig } from './fixtures.js';

const workspace = [
  campaign({ id: 'draft', name: 'Draft one', status: 0 }),
  campaign({ id: 'active', name: 'Q4 founders', status: 1 }),
  campaign({ id: 'paused', name: 'Paused one', status: 2 }),
  campaign({ id: 'done', name: 'Done', status: 3 }),
  campaign({ id: 'subseq', name: 'Subsequences', status: 4 }),
  campaign({ id: 'unhealthy', name: 'Test unhealthy', status: -1 }),
  campaign({ id: 'bounce', name: 'Bounce', status: -2 }),
  campaign({ id: 'suspended', name: 'Suspended', status: -99 }),
  campaign({ id: 'future', name: 'Future state', status: 9 }),
  campaign({ id: 'test', name: 'Test run', status: 1 }),
];

const ids = (config = campaignsConfig(), launchIds: string[] = [], taggedIds?: Set<string>) =>
  selectCampaigns({ campaigns: workspace, config, launchIds, ...(taggedIds && { taggedIds }) }).map(
    (c) => c.id,
  );

describe('selectCampaigns', () => {
  it('checks active campaigns (1 and 4), every negative status and unknown statuses by default', () => {
    expect(ids()).toEqual([
      'active',
      'subseq',
      'unhealthy',
      'bounce',
      'suspended',
      'future',
      'test',
    ]);
  });

  it('adds the statuses the config names', () => {
    expect(ids(campaignsConfig({ include: { status: ['paused', 'draft'] } }))).toEqual([
      'draft',
      'paused',
      'unhealthy',
      'bounce',
      'suspended',
      'future',
    ]);
  });

  it('checks everything with status all', () => {
    expect(ids(campaignsConfig({ include: { status: ['all'] } }))).toHaveLength(workspace.length);
  });

  it('narrows by name regexes and by tags, keeping negative statuses', () => {
    expect(ids(campaignsConfig({ include: { names: ['^Q4'] } }))).toEqual([
      'active',
      'unhealthy',
      'bounce',
      'suspended',
      'future',
    ]);
    expect(
      ids(campaignsConfig({ include: { tags: ['t-1'] } }), [], new Set(['subseq', 'draft'])),
    ).toEqual(['subseq', 'unhealthy', 'bounce', 'suspended', 'future']);
  });

  it('adds include.ids whatever their status', () => {
    expect(ids(campaignsConfig({ include: { ids: ['draft'] } }))).toContain('draft');
  });

  it('lets exclude win, by name or id, over every other rule', () => {
    const config = campaignsConfig({ exclude: { names: ['^Test '], ids: ['bounce', 'subseq'] } });
    expect(ids(config)).toEqual(['active', 'suspended', 'future']);
  });

  it('checks exactly the launch-gate ids, drafts included, ignoring the config', () => {
    const config = campaignsConfig({ exclude: { ids: ['draft'] } });
    expect(ids(config, ['draft', 'done', 'missing'])).toEqual(['draft', 'done']);
  });
});

describe('mayBeSelected', () => {
  const campaignIds = ['c1', 'c2', 'c3', 'c4'];
  const names = ['Test run', 'Q4 founders', 'EU launch'];
  const namePatterns = ['^Test ', 'EU', 'founders$'];
  const arbitraryWorkspace = fc.uniqueArray(
    fc.record({
      id: fc.constantFrom(...campaignIds),
      name: fc.constantFrom(...names),
      status: fc.constantFrom(-99, -2, -1, 0, 1, 2, 3, 4, 9),
    }),
    { selector: (c) => c.id, maxLength: campaignIds.length },
  );
  const some = <T>(values: readonly T[]) => fc.subarray([...values]);
  const arbitraryConfig = fc.record({
    include: fc.record({
      status: some(CAMPAIGN_STATUS_NAMES),
      tags: some(['t1', 't2']),
      names: some(namePatterns),
      ids: some(campaignIds),
    }),
    exclude: fc.record({ names: some(namePatterns), ids: some(campaignIds) }),
  });

  it('is true for every campaign the selection picks, whatever the tag lookup answers', () => {
    fc.assert(
      fc.property(
        arbitraryWorkspace,
        arbitraryConfig,
        some(campaignIds),
        fc.option(some(campaignIds), { nil: undefined }),
        (heads, overrides, launchIds, tagged) => {
          const config = campaignsConfig(overrides);
          const campaigns = heads.map((h) => campaign(h));
          const taggedIds = tagged && new Set(tagged);
          const picked = selectCampaigns({
            campaigns,
            config,
            launchIds,
            ...(taggedIds && { taggedIds }),
          });
          const may = mayBeSelected(config, launchIds);
          expect(picked.filter((c) => !may(c))).toEqual([]);
        },
      ),
    );
  });

  it('rules out what no tag can bring in: excluded, filtered by status or name, not gated', () => {
    const config = campaignsConfig({
      include: { tags: ['t-1'], names: ['founders'] },
      exclude: { ids: ['bounce'] },
    });
    const may = mayBeSelected(config, []);
    expect(workspace.filter(may).map((c) => c.id)).toEqual([
      'active',
      'unhealthy',
      'suspended',
      'future',
    ]);
    expect(workspace.filter(mayBeSelected(config, ['done'])).map((c) => c.id)).toEqual(['done']);
  });
});
