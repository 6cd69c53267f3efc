/**
 * Cold start of the action alone: spawn → first request reaching the simulator, with the Actions
 * runner's environment (as `npm run bench` measures it). Each process is killed at its first
 * request, so many spawns take seconds. Bundles given together are spawned in turn, so a busy
 * moment of a shared host weighs on each alike.
 *
 *   npx tsx bench/cold-start.ts                             builds src/index.ts with ncc -m, 10 spawns
 *   npx tsx bench/cold-start.ts 20 dist/index.js other.js   existing bundles, 20 spawns each
 */
import { coldStart, nccBuild, simulate } from './measure.js';
import { SIZES } from './sizes.js';
import path from 'node:path';

const spawns = Number(process.argv[2] ?? 10);
const given = process.argv.slice(3).map((b) => path.resolve(b));
const bundles = given.length > 0 ? given : [(await nccBuild('src/index.ts')).file];
const sim = await simulate(SIZES.S, new Date());
try {
  const first = bundles.map((): number[] => []);
  for (let i = 0; i < spawns; i++) {
    for (const [b, bundle] of bundles.entries()) {
      const r = await coldStart(sim, [bundle], { stopAtFirstRequest: true });
      if (r.firstRequestMs !== undefined) first[b]?.push(r.firstRequestMs);
    }
  }
  const show = (xs: number[]) => {
    if (xs.length === 0) return 'none';
    const s = [...xs].sort((a, b) => a - b);
    const mid = s.length / 2;
    const median =
      s.length % 2 ? (s[Math.floor(mid)] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
    return `median ${median.toFixed(0)} ms (${s[0]?.toFixed(0)}–${s.at(-1)?.toFixed(0)} ms, ${s.length} runs)`;
  };
  for (const [b, bundle] of bundles.entries()) {
    console.log(`${bundle}: spawn → first request ${show(first[b] ?? [])}`);
  }
} finally {
  await sim.stop();
}
