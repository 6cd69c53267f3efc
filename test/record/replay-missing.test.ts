import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { SUITES } from '../../src/checks/catalog.js';
import { CHECK_IDS } from '../../src/checks/catalog.js';
import { runChecks } from '../../src/checks/engine.js';
import type { Suite } from '../../src/checks/types.js';
import { createInstantlyClient } from '../../src/instantly/client.js';
import { runReplayCommand } from '../../src/record/command.js';
import { ReplayDispatcher } from '../../src/record/replay-dispatcher.js';
import { loadRecording, missingMessage, replaySettings } from '../../src/record/run.js';
import type { Report } from '../../src/model/report.js';
import { RECORDED_NOW, recordScenario } from './simulated.js';

let root: string;
let dir: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'ih-missing-'));
  dir = path.join(root, 'broken');
  await recordScenario('broken', dir, { redactEmails: true });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a request the recording does not hold', () => {
  it('a check changed to ask for one more request fails replay, naming that request', async () => {
    const recording = await loadRecording(dir);
    const settings = await replaySettings(recording, {}, { cwd: root, knownChecks: CHECK_IDS });
    const dispatcher = new ReplayDispatcher(recording.exchanges);
    const api = createInstantlyClient({
      apiKey: 'replay',
      baseUrl: settings.baseUrl,
      dispatcher,
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
      rateLimit: 1000,
    });
    // The campaigns suite as a newer version might have it: one more request at the end.
    const changed: Suite[] = SUITES.map((suite) =>
      suite.name !== 'campaigns'
        ? suite
        : {
            name: suite.name,
            async run(ctx) {
              const outcome = await suite.run(ctx);
              await ctx.api
                .get('/campaigns/{id}', {
                  params: { id: '0199abcd-0000-7000-8000-00000000c0de' },
                  schema: z.unknown(),
                })
                .catch(() => undefined);
              return outcome;
            },
          },
    );
    await runChecks({ api, settings, suites: changed, now: () => RECORDED_NOW });
    await api.close();

    expect(dispatcher.missing).toEqual([
      'GET /campaigns/{id} (path /campaigns/0199abcd-0000-7000-8000-00000000c0de)',
    ]);
    expect(missingMessage(dir, dispatcher.missing)).toContain(
      'does not hold:\n  GET /campaigns/{id} (path /campaigns/0199abcd-0000-7000-8000-00000000c0de)',
    );
  });

  it('replay exits 3 and names the request, with the report still written', async () => {
    const cut = path.join(root, 'cut');
    await cp(dir, cut, { recursive: true });
    const file = path.join(cut, 'exchanges.json');
    const { exchanges } = JSON.parse(await readFile(file, 'utf8')) as {
      exchanges: { template: string; path: string }[];
    };
    const dropped = exchanges.findIndex((e) => e.template === '/campaigns/{id}/sending-status');
    const [removed] = exchanges.splice(dropped, 1);
    await writeFile(file, JSON.stringify({ exchanges }));

    let stderr = '';
    const reports: Report[] = [];
    const code = await runReplayCommand(
      { command: 'replay', dir: cut, format: 'json' },
      {
        cwd: root,
        knownChecks: CHECK_IDS,
        emit: (report) => {
          reports.push(report);
          return Promise.resolve();
        },
        stderr: (text) => (stderr += text),
      },
    );
    expect(code).toBe(3);
    expect(reports).toHaveLength(1);
    expect(stderr).toContain(`GET /campaigns/{id}/sending-status (path ${removed?.path})`);
    expect(stderr).toContain('record the run again');
  });

  it('a folder that is no recording is a configuration error (exit 2 in the CLI)', async () => {
    await expect(loadRecording(path.join(root, 'nope'))).rejects.toThrow(/is not a recording/);
  });
});

describe('the recording folder', () => {
  it('is never a folder of the user’s with other files in it', async () => {
    const mine = path.join(root, 'mine');
    await cp(dir, mine, { recursive: true });
    await writeFile(path.join(mine, 'notes.txt'), 'my notes');
    await expect(recordScenario('healthy', mine, { redactEmails: true })).rejects.toThrow(
      /already holds other files \(notes.txt\)/,
    );
    // A previous recording is overwritten.
    await expect(recordScenario('healthy', dir, { redactEmails: true })).resolves.toBeDefined();
  });
});
