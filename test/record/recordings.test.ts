import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { CHECK_IDS } from '../../src/checks/catalog.js';
import { FILES } from '../../src/record/exchange.js';
import { loadRecording, replayRecording, replaySettings } from '../../src/record/run.js';
import { exitCodeFor } from '../../src/report/verdict.js';
import { fingerprints } from './simulated.js';

/**
 * Every folder under test/recordings/ is a recorded run (of the simulator: `npm run
 * record:simulator`; or of a real workspace a user sent): replaying it must give the findings and
 * exit code in its expected.json. A check that reads recorded data differently shows up here as a
 * fingerprint diff; a check that asks for a request no recording holds fails with its name.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'recordings');
const folders = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

interface Expected {
  source: string;
  exitCode: number;
  fingerprints: string[];
}

describe('test/recordings', () => {
  it('holds the simulator’s healthy and broken scenarios at least', () => {
    expect(folders).toEqual(expect.arrayContaining(['simulator-healthy', 'simulator-broken']));
  });

  it.each(folders)('%s replays to its expected findings and exit code', async (name) => {
    const dir = path.join(ROOT, name);
    const expected = JSON.parse(readFileSync(path.join(dir, FILES.expected), 'utf8')) as Expected;
    const recording = await loadRecording(dir);
    const settings = await replaySettings(recording, {}, { cwd: dir, knownChecks: CHECK_IDS });
    const { report, missing } = await replayRecording(recording, settings);
    expect(missing).toEqual([]);
    expect(fingerprints(report)).toEqual(expected.fingerprints);
    expect(exitCodeFor(report, settings.failOn)).toBe(expected.exitCode);
  });
});
