import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { runCliInProcess } from './run-cli.js';

/** `instantly-health check --campaign ID` as the go/no-go before a launch (contract section 2). */

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ scenario: 'early-warning' });
});
afterAll(async () => {
  await sim.stop();
});

const gate = (id: string) =>
  runCliInProcess(
    [
      'check',
      '--base-url',
      sim.url,
      '--rate-limit',
      '100',
      '--checks',
      'auth,campaigns,accounts',
      '--campaign',
      id,
    ],
    { INSTANTLY_API_KEY: sim.apiKey },
  );

describe('the launch gate from the CLI', () => {
  it('exits 0 for a draft that is ready to launch', async () => {
    const run = await gate(sim.data.workspace.readyDraft?.id ?? '');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Sending health: 2 senders — 2 green');
  });

  it('exits 1 for a draft on cold senders, naming each blocker and the draft', async () => {
    const cold = sim.data.injected.find((p) => p.problem === 'campaign.draft_on_cold_senders');
    const run = await gate(cold?.resource.id ?? '');
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toMatch(/UNHEALTHY {2}2 errors/);
    expect(run.stdout).toContain('2 burning');
    expect(run.stdout.match(/This\s+blocks\s+the\s+launch\s+of/g)).toHaveLength(2);
  });
});
