/**
 * `npm run record:simulator`: (re)writes the simulator's recordings under test/recordings/, each
 * with the findings a replay must give (expected.json). Run it when a check starts asking for a
 * request the recordings do not hold (replay names it), or when a scenario changes on purpose;
 * review the fingerprint diff before committing.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FILES } from '../src/record/exchange.js';
import { fingerprints, RECORDED_NOW, recordScenario, SEED } from '../test/record/simulated.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SIMULATOR_SCENARIOS = ['healthy', 'broken'] as const;

for (const scenario of SIMULATOR_SCENARIOS) {
  const dir = path.join(ROOT, 'test', 'recordings', `simulator-${scenario}`);
  await rm(dir, { recursive: true, force: true });
  const source = `simulator scenario ${scenario}, seed ${SEED}, day ${RECORDED_NOW.toISOString()} (npm run record:simulator)`;
  const run = await recordScenario(scenario, dir, { redactEmails: true, source });
  // The expected findings are the recorded report's (pseudonymised), read back from the folder.
  const report = JSON.parse(await readFile(path.join(dir, FILES.report), 'utf8')) as Parameters<
    typeof fingerprints
  >[0];
  const expected = { source, exitCode: run.exitCode, fingerprints: fingerprints(report) };
  await writeFile(path.join(dir, FILES.expected), `${JSON.stringify(expected, null, 2)}\n`);
  process.stdout.write(
    `${path.relative(ROOT, dir)}: ${expected.fingerprints.length} findings, exit ${run.exitCode}\n`,
  );
}
