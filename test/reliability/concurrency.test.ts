import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ActionRun } from '../e2e/runner.js';
import { FakeGitHub } from '../fakes/github/server.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { runActionFromSource } from './process.js';

/**
 * Two workflow runs at once (a schedule and a manual dispatch) against one repository: as real
 * processes, both find no issue and may both create one. Whatever the interleaving, exactly one
 * tracking issue stays open, and both runs point at it. One round here, as a smoke test of the
 * process edge; the race itself is decided by `settleRace` and tested in process, interleaving
 * included (test/tracking/effects.test.ts, test/tracking/track.e2e.test.ts).
 */

const ROUNDS = 1;
let sim: RunningSimulator;
const rounds: { gh: FakeGitHub; runs: ActionRun[] }[] = [];

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'broken', seed: 5 });
  for (let i = 0; i < ROUNDS; i++) {
    const gh = await FakeGitHub.start({ owner: 'acme', repo: 'outbound' });
    const run = () =>
      runActionFromSource({
        inputs: { 'api-key': sim.keys.readOnly, 'base-url': sim.url, timeout: '30' },
        env: { GITHUB_API_URL: gh.url },
      });
    const runs = await Promise.all([run(), run()]);
    rounds.push({ gh, runs });
  }
}, 240_000);

afterAll(async () => {
  await sim.stop();
  for (const { gh } of rounds) await gh.close();
});

describe.each(Array.from({ length: ROUNDS }, (_, i) => [i + 1]))('round %i', (round) => {
  it('leaves exactly one open tracking issue, which both runs report', () => {
    const entry = rounds[round - 1];
    if (!entry) throw new Error('round did not run');
    const { gh, runs } = entry;
    expect(runs.map((r) => r.outputs.status)).toEqual(['unhealthy', 'unhealthy']);
    const open = gh.openIssues().filter((i) => i.labels.includes('instantly-health'));
    expect(open).toHaveLength(1);
    const number = String(open[0]?.number);
    expect(runs.map((r) => r.outputs['issue-number'])).toEqual([number, number]);
    // A duplicate the race created is closed, and says which issue it duplicates.
    for (const issue of gh.issues().filter((i) => i.state === 'closed')) {
      expect(issue.comments.map((c) => c.body).join('\n')).toContain(`#${number}`);
    }
    expect(gh.violations).toEqual([]);
  });
});
