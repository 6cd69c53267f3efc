import { describe, expect, it } from '@jest/globals';
import { selectCampaigns } from '../../src/checks/campaign-selection.js';
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
